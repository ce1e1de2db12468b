using System.Net;
using System.Text.RegularExpressions;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.History;
using BacklogLint.Testing;
using Markdig;
using static BacklogLint.Reporting.Tests.Findings;

namespace BacklogLint.Reporting.Tests.Rendering;

/// <summary>The lead's report as GitHub shows it: rendered as GitHub-flavoured Markdown (Markdig with GFM's
/// extensions: pipe tables, raw HTML blocks for <c>&lt;details&gt;</c>), loaded in headless Chromium offline, with a
/// screenshot kept as a test artefact (<see cref="HeadlessChromium.ArtifactsFolder"/>: <c>lead-report/</c>).</summary>
public sealed partial class LeadReportRenderingTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static readonly Dictionary<string, ReportedItem> Items = new()
    {
        ["backlog/PAY-1.md"] = new ReportedItem("backlog/PAY-1.md", "PAY-1", "Card retries", "In Progress", IsSettled: false),
        ["backlog/PAY-2.md"] = new ReportedItem("backlog/PAY-2.md", "PAY-2", "Refund flow (v2) | *draft*", "todo", IsSettled: false),
        ["backlog/SRE-7.md"] = new ReportedItem("backlog/SRE-7.md", "SRE-7", "Pager rota", "blocked", IsSettled: false),
        ["backlog/archive/PAY-0.md"] = new ReportedItem("backlog/archive/PAY-0.md", "PAY-0", "Old ledger", "Done", IsSettled: true),
    };

    private static AnalysisReport Report() => new(
        [
            Finding("BL0101", Severity.Warning, "Agreement 'retries' was last revisited 200 days ago", "backlog/PAY-1.md", new SourceSpan(9, 1, 9, 30), "PAY-1", "@alice, @bob", "a", team: "payments"),
            Finding("BL0001", Severity.Error, "Task 'PAY-2' is open but has no owner", "backlog/PAY-2.md", new SourceSpan(2, 1, 2, 10), "PAY-2", owner: null, "b", team: "payments"),
            Finding("BL0302", Severity.Warning, "Task 'PAY-2' was due on 2026-01-01", "backlog/PAY-2.md", new SourceSpan(5, 1, 5, 16), "PAY-2", owner: null, "c", team: "payments"),
            Finding("BL0201", Severity.Error, "Handoff to 'payments' waits since 2026-03-01", "backlog/SRE-7.md", new SourceSpan(6, 3, 6, 40), "SRE-7", "@carol", "d", team: "sre"),
            Finding("BL0304", Severity.Suggestion, "Closed item has 2 unchecked tasks", "backlog/archive/PAY-0.md", new SourceSpan(12, 1, 12, 9), "PAY-0", "@bob", "e"),
            RepositoryFinding(),
        ],
        ItemCount: 4, FileCount: 5, ToolVersion: "1.2.3")
    {
        Items = Items,
        Web = new WebAddress("https://github.com/acme/planning", Commit),
    };

    [Fact]
    public void Rendered_as_GitHub_markdown_it_has_the_tables_then_one_fold_per_owner_then_the_settled_items()
    {
        var html = Markdown.ToHtml(LeadReportWriter.Write(Report()), Gfm);

        Headings().Matches(html).Select(m => Text(m.Groups["text"].Value)).ShouldBe(
        [
            "BacklogLint: 6 findings (2 errors, 3 warnings, 1 suggestion)", "By owner", "By team", "By rule", "Open work by owner", "Settled and archived items",
        ]);
        Tables().Matches(html).Select(m => HeaderCells().Matches(m.Value).Select(c => Text(c.Groups["text"].Value)).ToList()).ShouldBe(
        [
            ["Owner", "Errors", "Warnings", "Suggestions", "Items"],
            ["Team", "Errors", "Warnings", "Suggestions", "Items"],
            ["Rule", "Title", "Findings"],
        ]);
        Folds().Matches(html).Select(m => (m.Groups["open"].Success, Text(m.Groups["summary"].Value))).ShouldBe(
        [
            (true, "(unowned): 1 error, 1 warning on 1 item"),
            (true, "@\u200Bcarol: 1 error on 1 item"),
            (true, "(repository): 1 warning on 1 item"),
            (true, "@\u200Balice: 1 warning on 1 item"),
            (true, "@\u200Bbob: 1 warning on 1 item"),
            (false, "1 finding on items that nobody works on any more"),
        ]);
        // Each item is a list entry linking to its first line, its findings a list inside it, linking to theirs.
        html.ShouldContain($"<li><strong><a href=\"https://github.com/acme/planning/blob/{Commit}/backlog/PAY-2.md?plain=1#L1\">PAY-2</a></strong> Refund flow (v2) | *draft* · <em>todo</em> · team payments\n<ul>\n<li>🛑 error");
        html.ShouldContain($"<a href=\"https://github.com/acme/planning/blob/{Commit}/backlog/PAY-2.md?plain=1#L5\">line 5</a>");
        // Every escape was read as the character it stands for: no backslash is left in the text.
        Text(html).ShouldNotContain("\\");
    }

    [Fact]
    public async Task In_Chromium_offline_the_report_renders_and_a_screenshot_is_kept()
    {
        var folder = HeadlessChromium.ArtifactsFolder("lead-report");
        var page = Path.Combine(folder, "lead-report.html");
        await File.WriteAllTextAsync(page, Page(Markdown.ToHtml(LeadReportWriter.Write(Report()), Gfm)), TestContext.Current.CancellationToken);
        var screenshot = Path.Combine(folder, "lead-report.png");
        File.Delete(screenshot);

        var (dom, console) = await HeadlessChromium.LoadAsync(page);
        await HeadlessChromium.ScreenshotAsync(page, screenshot);

        console.ShouldBeEmpty();

        Regex.Count(dom, "<details").ShouldBe(6);
        Regex.Count(dom, "<table").ShouldBe(3);
        dom.ShouldNotContain("<script", Case.Insensitive);
        var png = await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken);
        png.Length.ShouldBeGreaterThan(10_000);
        png[..4].ShouldBe([0x89, (byte)'P', (byte)'N', (byte)'G']);
        TestContext.Current.AddAttachment("lead-report.png", screenshot);
    }

    /// <summary>A page as GitHub frames rendered Markdown, near enough for a screenshot: its fonts, table and fold styles.</summary>
    private static string Page(string body) => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>BacklogLint report</title>
        <style>
        body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 1012px; margin: 24px auto; padding: 0 16px; }
        h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } h3 { margin-top: 24px; }
        table { border-collapse: collapse; margin: 8px 0 16px; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } tr:nth-child(2n) { background: #f6f8fa; }
        a { color: #0969da; text-decoration: none; } details { margin: 8px 0; } summary { cursor: pointer; }
        </style></head>
        <body>{{body}}</body></html>
        """;

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [GeneratedRegex("<h[23][^>]*>(?<text>.*?)</h[23]>")]
    private static partial Regex Headings();

    [GeneratedRegex("<table>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Tables();

    [GeneratedRegex("<th[^>]*>(?<text>.*?)</th>")]
    private static partial Regex HeaderCells();

    [GeneratedRegex("<details(?<open> open)?><summary>(?<summary>.*?)</summary>")]
    private static partial Regex Folds();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
