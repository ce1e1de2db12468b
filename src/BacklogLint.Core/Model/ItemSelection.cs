using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Model;

/// <summary>What the configuration selected: how many items each <c>items</c> glob found, how many Markdown files were
/// seen, and, when nothing was found, which built-in format would read them (BL9002 reports from it).</summary>
/// <param name="ConfigPath">The configuration file, repository-relative; null for the defaults.</param>
/// <param name="MarkdownFiles">Markdown files seen in the checked folder, items or not.</param>
/// <param name="Proposal">When no item was found: the built-in dialect that reads the most of the files and how many,
/// null when none reads any.</param>
public sealed record ItemSelection(string? ConfigPath, IReadOnlyList<GlobSelection> Globs, int MarkdownFiles, (string Dialect, int Items)? Proposal)
{
    public static ItemSelection None { get; } = new(null, [], 0, null);
}

/// <summary>One <c>items</c> glob, where it is written (null: the dialect's own) and how many items it found.</summary>
public sealed record GlobSelection(string Glob, SourceSpan? Span, int Items);
