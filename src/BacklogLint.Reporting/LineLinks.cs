using System.Globalization;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting;

/// <summary>Links to a file's lines in a Markdown report: on GitHub at a commit (<c>{repo}/blob/{sha}/{path}#L3</c>),
/// or relative to the repository's root where the commit's lines are not the ones checked (no GitHub remote, an
/// uncommitted change). A Markdown file's link asks for its source (<c>?plain=1</c>): GitHub shows a rendered Markdown
/// file without line anchors, and <c>#L3</c> would open its top.</summary>
internal sealed class LineLinks
{
    private readonly string? _base;
    private readonly IReadOnlySet<string> _relative;

    /// <param name="repositoryUrl">e.g. https://github.com/acme/planning; null for relative links only.</param>
    /// <param name="relative">Paths linked relatively even so: their text is not the commit's.</param>
    public LineLinks(string? repositoryUrl, string? commit, IReadOnlySet<string>? relative = null)
    {
        _base = repositoryUrl is null || commit is null ? null : $"{repositoryUrl.TrimEnd('/')}/blob/{Uri.EscapeDataString(commit)}/";
        _relative = relative ?? new HashSet<string>();
    }

    /// <summary>The address of <paramref name="path"/> at <paramref name="span"/>'s lines (the file when null).</summary>
    public string Url(string path, SourceSpan? span)
    {
        var url = (_base is null || _relative.Contains(path) ? "" : _base) + SarifReportWriter.RelativeUri(path);
        if (span is not { } lines) return url;
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)) url += "?plain=1";
        return url + (lines.EndLine > lines.Line
            ? string.Create(CultureInfo.InvariantCulture, $"#L{lines.Line}-L{lines.EndLine}")
            : string.Create(CultureInfo.InvariantCulture, $"#L{lines.Line}"));
    }

    /// <summary>A link to where a finding is, <c>path:line</c> as its text; "(repository)" when it is about no file.</summary>
    public string To(Diagnostic diagnostic)
    {
        if (diagnostic.Path is not { } path) return MarkdownText.Escape("(repository)");
        return diagnostic.Span is { } span
            ? MarkdownText.Link(string.Create(CultureInfo.InvariantCulture, $"{path}:{span.Line}"), Url(path, span))
            : MarkdownText.Link(path, Url(path, null));
    }
}
