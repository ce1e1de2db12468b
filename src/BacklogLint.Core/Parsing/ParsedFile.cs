using BacklogLint.Core.Model;
using BacklogLint.Core.Suppressions;

namespace BacklogLint.Core.Parsing;

/// <summary>The result of reading one Markdown file: the work item it holds, if any, what was wrong with it, and the
/// suppression directives written in it.</summary>
public sealed record ParsedFile(string Path, WorkItem? Item, IReadOnlyList<ParseProblem> Problems)
{
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>For a document of the format (<see cref="Dialects.ItemFormat.Documents"/>: a KEP's README.md), the
    /// links in it, checked as its item's; empty for any other file.</summary>
    public IReadOnlyList<LinkReference> Links { get; init; } = [];
}
