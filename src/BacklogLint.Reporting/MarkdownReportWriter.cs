using System.Text;

namespace BacklogLint.Reporting;

/// <summary>The Markdown of the PR comment and the step summary. STUB: replaced by the full writer (counts by rule
/// and owner, links to lines, details folding, escaping, size limit).</summary>
public static class MarkdownReportWriter
{
    /// <summary>The hidden marker by which the one BacklogLint comment of a pull request is found again.</summary>
    public const string CommentMarker = "<!-- backloglint:pr-comment -->";

    /// <summary>GitHub refuses comment bodies longer than this (characters).</summary>
    public const int CommentLimit = 65_536;

    /// <summary>The body, starting with <see cref="CommentMarker"/>, never longer than <paramref name="maxLength"/>.</summary>
    public static string Write(PullRequestReport report, int maxLength = CommentLimit)
    {
        var text = new StringBuilder();
        text.Append(CommentMarker).Append('\n');
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"BacklogLint: {report.Delta.New.Count} new, {report.Delta.Fixed.Count} fixed, {report.Delta.Unchanged.Count} unchanged.\n");
        return text.Length <= maxLength ? text.ToString() : text.ToString()[..maxLength];
    }
}
