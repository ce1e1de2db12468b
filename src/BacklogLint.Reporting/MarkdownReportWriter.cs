using System.Globalization;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting;

/// <summary>The Markdown of the PR comment and the step summary (DESIGN §4): a headline, counts by rule and by owner,
/// the new, fixed and unchanged findings with links to their lines, and whatever does not fit left out with a pointer
/// to the full list (<c>check --format markdown</c> is <see cref="LeadReportWriter"/>). Every piece of item text goes through <see cref="MarkdownText"/>.</summary>
public static class MarkdownReportWriter
{
    /// <summary>The hidden marker by which the one BacklogLint comment of a pull request is found again.</summary>
    public const string CommentMarker = "<!-- backloglint:pr-comment -->";

    /// <summary>GitHub refuses comment bodies longer than this (characters).</summary>
    public const int CommentLimit = 65_536;

    /// <summary>GitHub takes at most 1 MiB of step summary per step; a character is at most 3 UTF-8 bytes (a surrogate
    /// pair, 4 bytes for 2), so this many characters always fit.</summary>
    public const int StepSummaryLimit = 1024 * 1024 / 3;

    /// <summary>The smallest length <see cref="Write"/> accepts: the marker and a headline.</summary>
    public const int MinimumLength = 200;

    /// <summary>Where a comment's reader finds what did not fit in it, when the job summary has everything.</summary>
    public const string FullListInSummary =
        "The full list is in the step summary of this workflow run and in the output of `backloglint check`.";

    /// <summary>Where a reader finds what did not fit, when the job summary could not hold everything either.</summary>
    public const string FullListInCheck = "The full list is in the output of `backloglint check`.";

    /// <summary>The PR comment: starts with <see cref="CommentMarker"/>, never longer than <paramref name="maxLength"/>.</summary>
    /// <param name="fullList">The sentence saying where the full list is (default <see cref="FullListInSummary"/>).</param>
    /// <param name="container">What the report is, for its footer: "comment", "summary".</param>
    public static string Write(PullRequestReport report, int maxLength = CommentLimit, string fullList = FullListInSummary, string container = "comment")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinimumLength);
        var delta = report.Delta;
        var header = $"{CommentMarker}\n## {PullRequestHeadline(delta.New.Count, delta.Fixed.Count, delta.Unchanged.Count)}\n\n"
            + Invariant($"Checked {Plural(report.ItemCount, "item")} at {MarkdownText.Escape(Short(report.HeadSha))} with BacklogLint {MarkdownText.Escape(report.ToolVersion, 50)}.\n\n")
            + MermaidTrend.Render(report.Trend);

        var notices = new MarkdownSection("", [.. report.Notices.Select(notice => $"> {MarkdownText.Escape(notice)}\n\n")],
            n => Invariant($"> {Plural(n, "more notice")} not shown.\n\n"));
        var byRule = RuleTable(["New", "Fixed", "Unchanged"], delta.New, delta.Fixed, delta.Unchanged);
        var byOwner = OwnerTable(["New", "Fixed", "Unchanged"], delta.New, delta.Fixed, delta.Unchanged);
        var links = new LineLinks(report.RepositoryUrl, report.HeadSha);
        var added = new MarkdownSection(
            Invariant($"### {Plural(delta.New.Count, "new finding")}\n\n"),
            [.. Ordered(delta.New).Select(d => Entry(d, links.To(d)))],
            n => Invariant($"- … and {n} more new\n"),
            "\n");
        var fixedSection = new MarkdownSection(
            Invariant($"### {Plural(delta.Fixed.Count, "fixed finding")}\n\n"),
            [.. Ordered(delta.Fixed).Select(d => Entry(d, location: null, at: Place(d)))],
            n => Invariant($"- … and {n} more fixed\n"),
            "\n");
        var unchanged = new MarkdownSection(
            Invariant($"<details><summary>{Plural(delta.Unchanged.Count, "unchanged finding")}</summary>\n\n"),
            [.. Ordered(delta.Unchanged).Select(d => Entry(d, links.To(d)))],
            n => Invariant($"- … and {n} more unchanged\n"),
            "\n</details>\n");

        return MarkdownLayout.Compose(maxLength, header,
            reading: [notices, byRule, byOwner, added, fixedSection, unchanged],
            importance: [(notices, 0.2), (byRule, 0.2), (byOwner, 0.15), (added, 1), (fixedSection, 1), (unchanged, 1)],
            footer: n => Invariant($"\n---\n_{Plural(n, "entry", "entries")} did not fit in this {container}. {fullList}_\n"));
    }

    /// <summary>The headline of a PR: what it added, or plainly that it added nothing (and whether anything is left).</summary>
    public static string PullRequestHeadline(int added, int fixedCount, int unchanged) => (added, fixedCount, unchanged) switch
    {
        ( > 0, _, _) => Invariant($"BacklogLint: {Plural(added, "new finding")}, {fixedCount} fixed, {unchanged} unchanged"),
        (0, > 0, 0) => Invariant($"BacklogLint: ✅ this pull request adds no findings and fixes {Plural(fixedCount, "finding")}; none are left"),
        (0, 0, 0) => "BacklogLint: ✅ this pull request adds no findings; none are left",
        _ => Invariant($"BacklogLint: ✅ this pull request adds no new findings ({fixedCount} fixed, {unchanged} unchanged)"),
    };

    /// <summary>"BacklogLint: 25 findings (8 errors, 14 warnings, 3 suggestions)", or that there are none.</summary>
    internal static string SummaryHeadline(List<Diagnostic> visible)
    {
        if (visible.Count == 0) return "BacklogLint: ✅ no findings";
        var bySeverity = visible.GroupBy(d => d.Severity).OrderBy(g => g.Key).Select(g => Plural(g.Count(), Noun(g.Key)));
        return $"BacklogLint: {Plural(visible.Count, "finding")} ({string.Join(", ", bySeverity)})";
    }

    /// <summary>Counts per rule, one column per list; rows with the most in the first column first.</summary>
    internal static MarkdownSection RuleTable(string[] columns, params IReadOnlyList<Diagnostic>[] lists)
    {
        var rules = lists.SelectMany(list => list).Select(d => d.Descriptor).DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var rows = Counts(lists, d => d.Id)
            .Select(row => $"| {MarkdownText.Link(row.Key, rules[row.Key].HelpUri.AbsoluteUri)} | {MarkdownText.Escape(rules[row.Key].Title)} | {Cells(row.Counts)} |\n")
            .ToList();
        return Table("### By rule\n\n", $"| Rule | Title | {string.Join(" | ", columns)} |\n| --- | --- |{Alignments(columns)}\n", rows, "rule");
    }

    /// <summary>Counts per owner (<see cref="AnalysisReport.OwnersOf"/>: a finding counts for each), one column per list.</summary>
    private static MarkdownSection OwnerTable(string[] columns, params IReadOnlyList<Diagnostic>[] lists)
    {
        var rows = Counts(lists, AnalysisReport.OwnersOf)
            .Select(row => $"| {MarkdownText.Escape(row.Key, 100)} | {Cells(row.Counts)} |\n")
            .ToList();
        return Table("### By owner\n\n", $"| Owner | {string.Join(" | ", columns)} |\n| --- |{Alignments(columns)}\n", rows, "owner");
    }

    /// <summary>Per key, how many findings of each list have it: most in the first list first, then most in all.</summary>
    private static IEnumerable<(string Key, int[] Counts)> Counts(IReadOnlyList<Diagnostic>[] lists, Func<Diagnostic, string> key) =>
        Counts(lists, diagnostic => [key(diagnostic)]);

    /// <summary>As <see cref="Counts(IReadOnlyList{Diagnostic}[], Func{Diagnostic, string})"/>, a finding counted for each of its keys.</summary>
    internal static IEnumerable<(string Key, int[] Counts)> Counts(IReadOnlyList<Diagnostic>[] lists, Func<Diagnostic, IReadOnlyList<string>> keys)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var i = 0; i < lists.Length; i++)
        {
            foreach (var diagnostic in lists[i])
            {
                foreach (var name in keys(diagnostic))
                {
                    if (!counts.TryGetValue(name, out var row)) counts[name] = row = new int[lists.Length];
                    row[i]++;
                }
            }
        }

        return counts.Select(entry => (entry.Key, entry.Value))
            .OrderByDescending(row => row.Value[0]).ThenByDescending(row => row.Value.Sum()).ThenBy(row => row.Key, StringComparer.Ordinal);
    }

    internal static MarkdownSection Table(string heading, string columns, List<string> rows, string noun) =>
        new(heading + columns, rows, n => Invariant($"| … {Plural(n, "more " + noun)} |\n"), "\n");

    internal static string Cells(int[] counts) => string.Join(" | ", counts.Select(count => count.ToString(CultureInfo.InvariantCulture)));

    internal static string Alignments(string[] columns) => string.Concat(columns.Select(_ => " ---: |"));

    /// <summary>Most severe first, then in report order.</summary>
    private static IEnumerable<Diagnostic> Ordered(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Severity).ThenBy(d => d, DiagnosticOrder.Instance);

    /// <summary>One list item: severity, rule (linked to its page), message, and where (a link, or text).</summary>
    private static string Entry(Diagnostic diagnostic, string? location, string? at = null)
    {
        var where = location ?? (at is null ? "" : MarkdownText.Escape(at, 300));
        return $"- {Icon(diagnostic.Severity)} **{Noun(diagnostic.Severity)}** {MarkdownText.Link(diagnostic.Id, diagnostic.Descriptor.HelpUri.AbsoluteUri)}: "
            + $"{MarkdownText.Escape(diagnostic.Message)}{(where.Length == 0 ? "" : " — " + where)}\n";
    }

    /// <summary><c>path:line</c>, or "repository" for a finding about the repository as a whole.</summary>
    internal static string Place(Diagnostic diagnostic) => diagnostic switch
    {
        { Path: null } => "(repository)",
        { Span: { } span } => Invariant($"{diagnostic.Path}:{span.Line}"),
        _ => diagnostic.Path,
    };

    internal static string Icon(Severity severity) => severity switch
    {
        Severity.Error => "🛑",
        Severity.Warning => "⚠️",
        _ => "💡",
    };

    internal static string Noun(Severity severity) => severity == Severity.Suggestion ? "suggestion" : severity.ToName();

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    internal static string Plural(int count, string noun, string? plural = null) =>
        Invariant($"{count} {(count == 1 ? noun : plural ?? noun + "s")}");

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
