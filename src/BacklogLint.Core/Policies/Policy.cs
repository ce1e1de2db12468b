using System.Text.RegularExpressions;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Policies;

/// <summary>A rule a team writes in its configuration, for the common case that needs no code (DESIGN §3,
/// <c>policies:</c>): items that match <see cref="When"/> must have the keys <see cref="Require"/> names, keep a key to
/// a list of values (<see cref="OneOf"/>) or to a pattern (<see cref="Match"/>).</summary>
/// <param name="Id">Its own ID (<c>ACME0001</c>); never a BL one.</param>
public sealed record Policy(string Id, string Alias, string Title, Severity Severity)
{
    public Uri? Help { get; init; }

    public PolicyCondition When { get; init; } = new();

    /// <summary>Keys that must be present with a value (not empty, not a placeholder).</summary>
    public IReadOnlyList<string> Require { get; init; } = [];

    /// <summary>Key → the values it may have (compared as status words are: case, '-', '_' and spaces alike).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> OneOf { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Key → the pattern its value must match.</summary>
    public IReadOnlyDictionary<string, Regex> Match { get; init; } = new Dictionary<string, Regex>();
}

/// <summary>Which items a <see cref="Policy"/> is about; an empty condition is every item.</summary>
public sealed record PolicyCondition
{
    /// <summary>task, epic, agreement; empty: any.</summary>
    public IReadOnlyList<ItemType> Types { get; init; } = [];

    /// <summary>Status words as written in the items (compared as status words are); empty: any.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    public bool Holds(WorkItem item) =>
        (Types.Count == 0 || Types.Contains(item.Type))
        && (Statuses.Count == 0 || Statuses.Any(item.Status.IsWord));
}
