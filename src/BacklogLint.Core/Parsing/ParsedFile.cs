using BacklogLint.Core.Model;

namespace BacklogLint.Core.Parsing;

/// <summary>The result of reading one Markdown file: the work item it holds, if any, and what was wrong with it.</summary>
public sealed record ParsedFile(string Path, WorkItem? Item, IReadOnlyList<ParseProblem> Problems);
