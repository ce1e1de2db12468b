using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;
using BacklogLint.Core.Suppressions;

namespace BacklogLint.Core.Analysis;

/// <summary>Runs rules over a repository: configured severities and options, then suppressions, then the rules about
/// suppressions. Findings come in one deterministic order, each with a unique fingerprint.</summary>
public sealed class AnalysisEngine(IReadOnlyList<Rule> rules)
{
    public IReadOnlyList<Rule> Rules => rules;

    /// <summary>This engine's rules and a configuration's own (<see cref="BacklogLintConfig.ExtraRules"/>).</summary>
    public AnalysisEngine For(BacklogLintConfig config) => config.ExtraRules.Count == 0 ? this : new AnalysisEngine([.. rules, .. config.ExtraRules]);

    /// <summary>The findings that stand (not suppressed).</summary>
    public IReadOnlyList<Diagnostic> Analyze(PlanningRepository repository, BacklogLintConfig config, TimeProvider time) =>
        AnalyzeWithSuppressions(repository, config, time).Diagnostics;

    public AnalysisResult AnalyzeWithSuppressions(PlanningRepository repository, BacklogLintConfig config, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var diagnostics = new List<Diagnostic>();
        var suppressionRules = new List<(SuppressionRule Rule, RuleRun Run)>();
        var enabled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var settings = config.Rules.GetValueOrDefault(rule.Descriptor.Id);
            var severity = settings?.Severity ?? rule.Descriptor.DefaultSeverity;
            if (severity == Severity.None) continue;
            enabled.Add(rule.Descriptor.Id);
            var run = new RuleRun(rule.Descriptor, severity, settings?.Options ?? new Dictionary<string, object>(), repository, today);
            if (rule is SuppressionRule suppressionRule)
            {
                suppressionRules.Add((suppressionRule, run));
                continue;
            }

            Run(rule, run, repository);
            diagnostics.AddRange(run.Diagnostics);
        }

        diagnostics.Sort(DiagnosticOrder.Instance);
        MakeFingerprintsUnique(diagnostics);
        var (standing, suppressed, uses) = new SuppressionMatcher(rules, enabled, today).Apply(diagnostics, repository);
        foreach (var (rule, run) in suppressionRules)
        {
            rule.Analyze(new SuppressionContext(run, uses));
            standing.AddRange(run.Diagnostics);
        }

        standing.Sort(DiagnosticOrder.Instance);
        return new AnalysisResult(MakeFingerprintsUnique(standing), suppressed);
    }

    private static void Run(Rule rule, RuleRun run, PlanningRepository repository)
    {
        switch (rule)
        {
            case ItemRule itemRule:
                foreach (var item in repository.Items) itemRule.Analyze(new ItemContext(run, item));
                break;
            case AgreementRule agreementRule:
                foreach (var item in repository.Items)
                    foreach (var agreement in item.Agreements)
                        agreementRule.Analyze(new AgreementContext(run, item, agreement));
                break;
            case RepositoryRule repositoryRule:
                repositoryRule.Analyze(new RepositoryContext(run));
                break;
            default:
                throw new InvalidOperationException($"{rule.GetType().Name} derives from none of ItemRule, AgreementRule, RepositoryRule, SuppressionRule");
        }
    }

    /// <summary>Two findings of one rule on one anchor (the same agreement written twice) get -2, -3, … in order.</summary>
    private static List<Diagnostic> MakeFingerprintsUnique(List<Diagnostic> diagnostics)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var fingerprint = diagnostics[i].Fingerprint;
            var count = seen[fingerprint] = seen.GetValueOrDefault(fingerprint) + 1;
            if (count > 1) diagnostics[i] = diagnostics[i] with { Fingerprint = $"{fingerprint}-{count}" };
        }

        return diagnostics;
    }
}
