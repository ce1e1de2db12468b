using BacklogLint.Core.Model;
using BacklogLint.Core.Suppressions;

namespace BacklogLint.Core.Parsing;

/// <summary>The result of reading one Markdown file: the work item it holds, if any, what was wrong with it, and the
/// suppression directives written in it.</summary>
public sealed record ParsedFile(string Path, WorkItem? Item, IReadOnlyList<ParseProblem> Problems)
{
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];
}
