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

    /// <param name="previous">The analysis of an earlier version of this repository with this configuration (an
    /// editor's, before the last edit; a report's, of the sample before): the findings of items whose inputs did not
    /// change are taken from it (<see cref="ItemFindings"/>).</param>
    public AnalysisResult AnalyzeWithSuppressions(PlanningRepository repository, BacklogLintConfig config, TimeProvider time, AnalysisResult? previous = null)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var items = new Items(new ItemFindings(repository, config, today), previous?.ItemFindings?.For(repository, config, today));
        var hits = new OverrideHits(config.Overrides, repository.Format.FolderPrefix);
        var diagnostics = new List<Diagnostic>();
        var suppressionRules = new List<(SuppressionRule Rule, RuleSettingsByPath Settings)>();
        var settingsOf = new Dictionary<string, RuleSettingsByPath>(StringComparer.Ordinal);
        // Before history is read (an editor's first diagnostics), only the rules that do not read it run.
        var pending = repository.History.IsPending;
        foreach (var rule in rules)
        {
            var settings = settingsOf[rule.Descriptor.Id] = new RuleSettingsByPath(rule.Descriptor, config, hits);
            if (pending && rule.Reads.HasFlag(RuleInputs.History)) continue;
            if (rule is SuppressionRule suppressionRule)
            {
                suppressionRules.Add((suppressionRule, settings));
                continue;
            }

            Run(rule, settings, repository, today, diagnostics, items);
        }

        diagnostics.Sort(DiagnosticOrder.Instance);
        MakeFingerprintsUnique(diagnostics);
        var matcher = new SuppressionMatcher(rules, (ruleId, path) => settingsOf[ruleId].At(path).Severity != Severity.None, today);
        var (standing, suppressed, uses) = matcher.Apply(diagnostics, repository);
        foreach (var (rule, settings) in suppressionRules)
            RunByProfile(rule.Descriptor, settings, repository, today, standing, run => rule.Analyze(new SuppressionContext(run, uses)));

        standing.Sort(DiagnosticOrder.Instance);
        return new AnalysisResult(MakeFingerprintsUnique(standing), suppressed) { ItemFindings = items.Found };
    }

    /// <summary>Runs <paramref name="rule"/> with the settings of each file: an item or an agreement with those of its
    /// item's file; a rule over the whole repository once per set of settings some file has, keeping from each run the
    /// findings on the files that have that set (and, from the base run, those about no file).</summary>
    private static void Run(Rule rule, RuleSettingsByPath settings, PlanningRepository repository, DateOnly today, List<Diagnostic> diagnostics, Items items)
    {
        switch (rule)
        {
            case ItemRule itemRule:
                items.Run(rule, itemRule.Reads, settings, repository, today, diagnostics, (run, item) => itemRule.Analyze(new ItemContext(run, item)));
                break;
            case AgreementRule agreementRule:
                items.Run(rule, agreementRule.Reads, settings, repository, today, diagnostics, (run, item) =>
                {
                    foreach (var agreement in item.Agreements)
                        agreementRule.Analyze(new AgreementContext(run, item, agreement));
                });
                break;
            case RepositoryRule repositoryRule:
                RunByProfile(rule.Descriptor, settings, repository, today, diagnostics, run => repositoryRule.Analyze(new RepositoryContext(run)));
                break;
            default:
                throw new InvalidOperationException($"{rule.GetType().Name} derives from none of ItemRule, AgreementRule, RepositoryRule, SuppressionRule");
        }
    }

    /// <summary>The item and agreement rules of one analysis: each item is analysed with the settings of its file,
    /// unless the previous analysis's findings on it still hold (only the items whose inputs changed are visited).</summary>
    private sealed class Items(ItemFindings found, ItemFindings.Reuse? reuse)
    {
        public ItemFindings Found => found;

        public void Run(Rule rule, RuleInputs reads, RuleSettingsByPath settings, PlanningRepository repository, DateOnly today, List<Diagnostic> diagnostics, Action<RuleRun, WorkItem> analyze)
        {
            var (byItem, visit, readToday) = reuse?.For(rule, reads) ?? (new(ReferenceEqualityComparer.Instance), repository.Items, new(ReferenceEqualityComparer.Instance));
            var runs = new Dictionary<RuleSettingsByPath.Profile, RuleRun?>();
            foreach (var item in visit)
            {
                var profile = settings.At(item.Path);
                if (!runs.TryGetValue(profile, out var run))
                    runs[profile] = run = profile.Severity == Severity.None ? null : new RuleRun(rule.Descriptor, profile.Severity, profile.Options, repository, today);
                if (run is null) continue;
                var start = run.Diagnostics.Count;
                run.TodayRead = false;
                analyze(run, item);
                if (run.Diagnostics.Count > start) byItem[item] = [.. run.Diagnostics.Skip(start)];
                if (run.TodayRead) readToday.Add(item);
            }

            foreach (var findings in byItem.Values) diagnostics.AddRange(findings);
            found.Add(rule, byItem, readToday);
        }
    }

    private static void RunByProfile(RuleDescriptor rule, RuleSettingsByPath settings, PlanningRepository repository, DateOnly today, List<Diagnostic> diagnostics, Action<RuleRun> analyze)
    {
        var profiles = settings.IsUniform ? [settings.Base] : repository.Files.Select(file => settings.At(file.Path)).Prepend(settings.Base).Distinct();
        foreach (var profile in profiles.Where(profile => profile.Severity != Severity.None).ToList())
        {
            var run = new RuleRun(rule, profile.Severity, profile.Options, repository, today);
            analyze(run);
            diagnostics.AddRange(run.Diagnostics.Where(d => settings.At(d.Path) == profile));
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
