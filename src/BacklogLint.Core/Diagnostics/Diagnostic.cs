using BacklogLint.Core.Analysis;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Diagnostics;

/// <summary>One finding: a rule, where it is, and what it says.</summary>
/// <param name="Path">Repository-relative, '/'-separated; null for a finding about the repository as a whole.</param>
/// <param name="Owners">Whose the finding is: each of the item's owners (people and teams), else the parties of its
/// agreement; empty when nobody is (<see cref="WorkItem.AccountableParties"/>). A finding counts for each of them.</param>
/// <param name="Team">The item's team, where it belongs (<c>team</c>, KEP's <c>owning-sig</c>); null when it says none.</param>
public sealed record Diagnostic(
    RuleDescriptor Descriptor,
    Severity Severity,
    string Message,
    string? Path,
    SourceSpan? Span,
    string? ItemId,
    IReadOnlyList<string> Owners,
    string? Team,
    string Fingerprint)
{
    public string Id => Descriptor.Id;

    /// <summary>The owners as one text ("@a, @b"), else the team: the JSON report's <c>owner</c> and SARIF's, kept as
    /// they were before findings had <see cref="Owners"/>.</summary>
    public string? Owner => Owners.Count > 0 ? string.Join(", ", Owners) : Team;

    /// <summary>A fix that cannot change what the item means (a typo of a known word, a date in the format's form, a
    /// link to where git says the file went, an unused suppression removed), when the rule has an unambiguous one;
    /// <c>check --fix</c> applies it and an editor offers it as a code action.</summary>
    public Fix? Fix { get; init; }
}
