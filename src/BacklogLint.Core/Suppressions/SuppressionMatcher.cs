using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Suppressions;

/// <summary>Matches findings against the suppressions of their files. A live suppression that covers a finding's
/// line and names its rule (by ID or alias, or no rule at all) silences it; an expired one lets it through and
/// remembers that it would have.</summary>
internal sealed class SuppressionMatcher
{
    private readonly Dictionary<string, string> _ruleIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, string, bool> _enabled;
    private readonly DateOnly _today;

    /// <param name="enabled">Whether a rule (by ID) runs on a file (repository-relative): a suppression of rules that
    /// are all off there silences nothing by design.</param>
    public SuppressionMatcher(IReadOnlyList<Rule> rules, Func<string, string, bool> enabled, DateOnly today)
    {
        foreach (var descriptor in rules.Select(rule => rule.Descriptor))
        {
            _ruleIds[descriptor.Id] = descriptor.Id;
            _ruleIds[descriptor.Alias] = descriptor.Id;
        }

        _enabled = enabled;
        _today = today;
    }

    public (List<Diagnostic> Standing, List<SuppressedDiagnostic> Suppressed, List<SuppressionUse> Uses) Apply(
        List<Diagnostic> diagnostics, PlanningRepository repository)
    {
        var states = repository.Files
            .Where(file => file.Suppressions.Count > 0)
            .ToDictionary(file => file.Path, file => file.Suppressions.Select(s => new State(s)).ToList(), StringComparer.Ordinal);
        var standing = new List<Diagnostic>();
        var suppressed = new List<SuppressedDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var matches = diagnostic is { Path: { } path, Span: { } span } && states.TryGetValue(path, out var candidates)
                ? candidates.Where(state => Names(state.Suppression, diagnostic.Id)
                    && state.Suppression.Covers(span.Line, rule => IsRule(rule, diagnostic.Id))).ToList()
                : [];
            var live = matches.FirstOrDefault(state => !state.Suppression.IsExpired(_today));
            if (live is not null)
            {
                live.Silenced.Add(diagnostic);
                suppressed.Add(new SuppressedDiagnostic(diagnostic, live.Suppression));
                continue;
            }

            foreach (var expired in matches) expired.Expired.Add(diagnostic);
            standing.Add(diagnostic);
        }

        var uses = states
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .SelectMany(entry => entry.Value.Select(state => Use(entry.Key, state)))
            .ToList();
        return (standing, suppressed, uses);
    }

    private bool Names(Suppression suppression, string ruleId) =>
        suppression.Rules.Count == 0 || suppression.Rules.Any(rule => IsRule(rule, ruleId));

    /// <summary>Whether <paramref name="written"/> (an ID or alias, any case) is <paramref name="ruleId"/>.</summary>
    private bool IsRule(string written, string ruleId) => _ruleIds.TryGetValue(written, out var id) && id == ruleId;

    private SuppressionUse Use(string path, State state)
    {
        var suppression = state.Suppression;
        var unknown = suppression.Rules.Where(rule => !_ruleIds.ContainsKey(rule)).ToList();
        var known = suppression.Rules.Where(_ruleIds.ContainsKey).Select(rule => _ruleIds[rule]).ToList();
        var onlyDisabled = known.Count > 0 && unknown.Count == 0 && known.All(id => !_enabled(id, path));
        return new SuppressionUse(path, suppression, state.Silenced, state.Expired, unknown, onlyDisabled);
    }

    private sealed class State(Suppression suppression)
    {
        public Suppression Suppression { get; } = suppression;

        public List<Diagnostic> Silenced { get; } = [];

        public List<Diagnostic> Expired { get; } = [];
    }
}
