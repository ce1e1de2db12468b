using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Suppressions;

/// <summary>What one suppression did in a run: the findings it silenced, the findings it would have silenced had it
/// not expired, and the rule names in it that name no rule.</summary>
/// <param name="NamesOnlyDisabledRules">Every rule it names is turned off (severity none), so it could not be used.</param>
public sealed record SuppressionUse(
    string Path,
    Suppression Suppression,
    IReadOnlyList<Diagnostic> Silenced,
    IReadOnlyList<Diagnostic> Expired,
    IReadOnlyList<string> UnknownRules,
    bool NamesOnlyDisabledRules)
{
    public bool IsUnused => Silenced.Count == 0 && Expired.Count == 0 && !NamesOnlyDisabledRules;
}
