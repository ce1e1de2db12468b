using System.Text.RegularExpressions;
using BacklogLint.Core.Comparison;
using BacklogLint.Core.Diagnostics;
using static BacklogLint.Reporting.Tests.Findings;

namespace BacklogLint.Reporting.Tests;

public sealed partial class MarkdownReportWriterTests
{
    private const string RepositoryUrl = "https://github.com/acme/planning";
    private const string HeadSha = "0123456789abcdef0123456789abcdef01234567";

    private static PullRequestReport Report(IReadOnlyList<Diagnostic>? added = null, IReadOnlyList<Diagnostic>? fixedOnes = null,
        IReadOnlyList<Diagnostic>? unchanged = null, params string[] notices) =>
        new(new FindingDelta(added ?? [], fixedOnes ?? [], unchanged ?? []), RepositoryUrl, HeadSha, ItemCount: 42, ToolVersion: "1.2.3", notices);

    private static string[] Lines(string markdown) => markdown.Split('\n');

    // ---- headline and structure

    [Fact]
    public void Starts_with_the_hidden_marker_and_says_what_the_pull_request_added()
    {
        var markdown = MarkdownReportWriter.Write(Report(
            [Finding("BL0001", fingerprint: "a"), Finding("BL0101", fingerprint: "b"), Finding("BL0401", Severity.Error, fingerprint: "c")],
            [Finding("BL0301", fingerprint: "d")],
            [.. Enumerable.Range(0, 40).Select(i => Finding("BL0202", fingerprint: $"u{i}"))]));

        markdown.ShouldStartWith(MarkdownReportWriter.CommentMarker + "\n");
        Lines(markdown)[1].ShouldBe("## BacklogLint: 3 new findings, 1 fixed, 40 unchanged");
        markdown.ShouldContain("Checked 42 items at 0123456789ab with BacklogLint 1\\.2\\.3.");
    }

    [Theory]
    [InlineData(1, 0, 0, "BacklogLint: 1 new finding, 0 fixed, 0 unchanged")]
    [InlineData(0, 2, 5, "BacklogLint: ✅ this pull request adds no new findings (2 fixed, 5 unchanged)")]
    [InlineData(0, 0, 5, "BacklogLint: ✅ this pull request adds no new findings (0 fixed, 5 unchanged)")]
    [InlineData(0, 3, 0, "BacklogLint: ✅ this pull request adds no findings and fixes 3 findings; none are left")]
    [InlineData(0, 1, 0, "BacklogLint: ✅ this pull request adds no findings and fixes 1 finding; none are left")]
    [InlineData(0, 0, 0, "BacklogLint: ✅ this pull request adds no findings; none are left")]
    public void Headline_says_plainly_when_nothing_is_new_and_when_the_repository_is_clean(int added, int fixedCount, int unchanged, string headline)
    {
        MarkdownReportWriter.PullRequestHeadline(added, fixedCount, unchanged).ShouldBe(headline);
    }

    [Fact]
    public void Clean_pull_request_still_writes_a_comment()
    {
        var markdown = MarkdownReportWriter.Write(Report(fixedOnes: [Finding("BL0001")]));

        markdown.ShouldStartWith(MarkdownReportWriter.CommentMarker);
        markdown.ShouldContain("none are left");
        markdown.ShouldContain("### 1 fixed finding");
        markdown.ShouldNotContain("new finding");
    }

    [Fact]
    public void Notices_are_shown_escaped()
    {
        var markdown = MarkdownReportWriter.Write(Report(notices: ["The base commit is not in this clone: use fetch-depth: 0.", "<b>@everyone</b>"]));

        markdown.ShouldContain("> The base commit is not in this clone\\: use fetch\\-depth\\: 0\\.\n");
        markdown.ShouldContain("> &lt;b&gt;@" + MarkdownText.MentionBreak + "everyone&lt;\\/b&gt;\n");
    }

    [Fact]
    public void Rule_table_counts_new_fixed_and_unchanged_with_titles_and_links_to_the_rule_pages()
    {
        var markdown = MarkdownReportWriter.Write(Report(
            [Finding("BL0001", fingerprint: "a"), Finding("BL0001", fingerprint: "b"), Finding("BL0101", fingerprint: "c")],
            [Finding("BL0101", fingerprint: "d")],
            [Finding("BL0301", fingerprint: "e")]));

        markdown.ShouldContain("| Rule | Title | New | Fixed | Unchanged |\n| --- | --- | ---: | ---: | ---: |\n");
        markdown.ShouldContain("| [BL0001](https://github.com/backloglint/backloglint/blob/main/rules/BL0001.md) | Unfinished work has no owner | 2 | 0 | 0 |\n");
        markdown.ShouldContain("| [BL0101](https://github.com/backloglint/backloglint/blob/main/rules/BL0101.md) | Agreement not revisited in time | 1 | 1 | 0 |\n");
        markdown.ShouldContain("| [BL0301](https://github.com/backloglint/backloglint/blob/main/rules/BL0301.md) |");
        markdown.IndexOf("[BL0001](", StringComparison.Ordinal).ShouldBeLessThan(markdown.IndexOf("[BL0101](", StringComparison.Ordinal));
    }

    [Fact]
    public void Owner_table_counts_by_owner_with_mentions_neutralised()
    {
        var markdown = MarkdownReportWriter.Write(Report(
            [Finding("BL0001", owner: "@alice", fingerprint: "a"), Finding("BL0001", owner: "@org/team", fingerprint: "b"), RepositoryFinding()],
            [Finding("BL0101", owner: "@alice", fingerprint: "c")],
            [Finding("BL0301", owner: null, fingerprint: "d")]));

        markdown.ShouldContain("| Owner | New | Fixed | Unchanged |\n| --- | ---: | ---: | ---: |\n");
        markdown.ShouldContain("| @" + MarkdownText.MentionBreak + "alice | 1 | 1 | 0 |\n");
        markdown.ShouldContain("| @" + MarkdownText.MentionBreak + "org\\/team | 1 | 0 | 0 |\n");
        markdown.ShouldContain("| \\(repository\\) | 1 | 0 | 0 |\n");
        markdown.ShouldContain("| \\(unowned\\) | 0 | 0 | 1 |\n");
    }

    [Fact]
    public void New_findings_link_to_their_lines_at_the_head_commit()
    {
        var markdown = MarkdownReportWriter.Write(Report(
        [
            Finding("BL0001", Severity.Warning, "Task 'PAY-1' has no owner", span: new SourceSpan(3, 1, 3, 9), fingerprint: "a"),
            Finding("BL0101", Severity.Error, "stale", path: "backlog/a b/PAY-2.md", span: new SourceSpan(7, 3, 9, 2), fingerprint: "b"),
        ]));

        markdown.ShouldContain("### 2 new findings\n\n");
        markdown.ShouldContain(
            "- 🛑 **error** [BL0101](https://github.com/backloglint/backloglint/blob/main/rules/BL0101.md): stale — "
            + $"[backlog\\/a b\\/PAY\\-2\\.md\\:7]({RepositoryUrl}/blob/{HeadSha}/backlog/a%20b/PAY-2.md?plain=1#L7-L9)\n");
        markdown.ShouldContain(
            "- ⚠️ **warning** [BL0001](https://github.com/backloglint/backloglint/blob/main/rules/BL0001.md): Task \\'PAY\\-1\\' has no owner — "
            + $"[backlog\\/PAY\\-1\\.md\\:3]({RepositoryUrl}/blob/{HeadSha}/backlog/PAY-1.md?plain=1#L3)\n");
        markdown.IndexOf("**error**", StringComparison.Ordinal).ShouldBeLessThan(markdown.IndexOf("**warning**", StringComparison.Ordinal));
    }

    [Fact]
    public void Repository_finding_has_no_link()
    {
        var markdown = MarkdownReportWriter.Write(Report([RepositoryFinding()]));

        markdown.ShouldContain("shallow clone — \\(repository\\)\n");
    }

    [Fact]
    public void Fixed_findings_follow_as_text_and_unchanged_ones_are_folded()
    {
        var markdown = MarkdownReportWriter.Write(Report(
            [Finding("BL0001", fingerprint: "a")],
            [Finding("BL0101", message: "was stale", span: new SourceSpan(5, 1, 5, 3), fingerprint: "b")],
            [Finding("BL0301", message: "still untouched", fingerprint: "c")]));

        var added = markdown.IndexOf("### 1 new finding", StringComparison.Ordinal);
        var fixedAt = markdown.IndexOf("### 1 fixed finding", StringComparison.Ordinal);
        var unchanged = markdown.IndexOf("<details><summary>1 unchanged finding</summary>\n\n", StringComparison.Ordinal);
        added.ShouldBeGreaterThan(0);
        fixedAt.ShouldBeGreaterThan(added);
        unchanged.ShouldBeGreaterThan(fixedAt);
        markdown.ShouldContain("was stale — backlog\\/PAY\\-1\\.md\\:5\n");
        markdown.ShouldContain($"still untouched — [backlog\\/PAY\\-1\\.md\\:3]({RepositoryUrl}/blob/{HeadSha}/backlog/PAY-1.md?plain=1#L3)\n");
        markdown.ShouldEndWith("\n</details>\n");
        markdown.ShouldNotContain("did not fit");
    }

    // ---- hostile text

    private static string HostileMarkdown() => MarkdownReportWriter.Write(Report(
        [
            Finding("BL0001", Severity.Error, Hostile, path: "backlog/" + Hostile + ".md", itemId: Hostile, owner: Hostile, fingerprint: "a"),
            Finding("BL0101", Severity.Warning, "``` @alice ```", owner: "@everyone", fingerprint: "b"),
        ],
        [Finding("BL0201", Severity.Error, Hostile, owner: "email@example.com", fingerprint: "c")],
        [Finding("BL0301", Severity.Suggestion, Hostile, owner: "@org/team", fingerprint: "d")],
        Hostile));

    [Fact]
    public void Hostile_text_adds_no_html()
    {
        var markdown = HostileMarkdown();

        // The only tags are our own: the marker and the details block.
        HtmlTag().Matches(markdown).Select(m => m.Value).Distinct()
            .ShouldBe([MarkdownReportWriter.CommentMarker, "<details>", "<summary>", "</summary>", "</details>"], ignoreOrder: true);
        markdown.ShouldNotContain("<script", Case.Insensitive);
        markdown.ShouldNotContain("&#64;");
    }

    [Fact]
    public void Hostile_text_pings_nobody()
    {
        var markdown = HostileMarkdown();

        // Every '@' is followed by the zero-width space: no @everyone, @alice, @org/team or email@example.com stays live.
        Regex.Count(markdown, "@").ShouldBeGreaterThan(10);
        Regex.Matches(markdown, "@(?!" + Regex.Escape(MarkdownText.MentionBreak) + ")").ShouldBeEmpty();
        markdown.ShouldNotContain("@everyone");
        markdown.ShouldNotContain("@alice");
        markdown.ShouldNotContain("@org");
        markdown.ShouldNotContain("@example");
    }

    [Fact]
    public void Hostile_text_adds_no_lines_links_code_or_table_cells()
    {
        var markdown = HostileMarkdown();

        foreach (var line in Lines(markdown))
            line.ShouldMatch(@"^(|<!-- backloglint:pr-comment -->|## .*|Checked .*|> .*|### .*|\| .* \||- .*|<details><summary>.*|</details>)$");
        // Once our own links and bold severities are taken out, no backtick, bracket, asterisk or underscore is left
        // unescaped: item text cannot open a code span, a link, emphasis or a table cell.
        var text = OurLink().Replace(markdown, "LINK");
        foreach (var severity in new[] { "**error**", "**warning**", "**suggestion**" }) text = text.Replace(severity, "", StringComparison.Ordinal);
        Unescaped().Matches(text).Select(m => m.Value).ShouldBeEmpty();
        markdown.ShouldNotContain("::");
        markdown.ShouldNotContain("](https://evil");
        // Table rows keep their columns: 6 separators in a rule row, 5 in an owner row.
        foreach (var row in Lines(markdown).Where(line => line.StartsWith("| ", StringComparison.Ordinal)))
            CellSeparator().Count(row).ShouldBeOneOf(6, 5);
    }

    [Fact]
    public void Hostile_path_is_a_single_encoded_link()
    {
        var markdown = HostileMarkdown();

        var line = Lines(markdown).Single(l => l.StartsWith("- 🛑 **error** [BL0001]", StringComparison.Ordinal));
        var link = Regex.Match(line, @"\]\((?<url>[^)\s]*)\)$");
        link.Success.ShouldBeTrue(line);
        link.Groups["url"].Value.ShouldStartWith($"{RepositoryUrl}/blob/{HeadSha}/backlog/Title%0A%3A%3Aset-output");
        link.Groups["url"].Value.ShouldEndWith(".md?plain=1#L3");
    }

    // A backtick, bracket, asterisk or underscore not preceded by a backslash.
    [GeneratedRegex(@"(?<!\\)[`*_\[\]]")]
    private static partial Regex Unescaped();

    // A link as we write it: escaped text, a destination without spaces or parentheses.
    [GeneratedRegex(@"\[(?:[^\\\[\]]|\\.)*\]\([^()\s]*\)")]
    private static partial Regex OurLink();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>|<!--[^>]*-->")]
    private static partial Regex HtmlTag();

    // ---- size

    [Fact]
    public void Thousands_of_findings_fit_in_a_comment_with_the_new_ones_first()
    {
        var report = Report(Many(3000, "NEW"), Many(2000, "FIX"), Many(5000, "OLD"), "The base commit is not in this clone.");

        var markdown = MarkdownReportWriter.Write(report);

        markdown.Length.ShouldBeLessThanOrEqualTo(MarkdownReportWriter.CommentLimit);
        markdown.ShouldStartWith(MarkdownReportWriter.CommentMarker);
        Lines(markdown)[1].ShouldBe("## BacklogLint: 3000 new findings, 2000 fixed, 5000 unchanged");
        markdown.ShouldContain("The base commit is not in this clone");
        markdown.ShouldContain("### By rule");
        markdown.ShouldContain("### By owner");
        Regex.Count(markdown, @"^- .*NEW \d+", RegexOptions.Multiline).ShouldBeGreaterThan(100);
        markdown.ShouldContain("more new\n");
        markdown.ShouldContain("did not fit in this comment. The full list is in the step summary");
        Regex.Count(markdown, "<details>").ShouldBe(Regex.Count(markdown, "</details>"));
    }

    [Theory]
    [InlineData(MarkdownReportWriter.MinimumLength)]
    [InlineData(250)]
    [InlineData(400)]
    [InlineData(700)]
    [InlineData(1_000)]
    [InlineData(2_500)]
    [InlineData(10_000)]
    [InlineData(65_536)]
    [InlineData(400_000)]
    public void Never_longer_than_the_limit_and_always_well_formed(int maxLength)
    {
        var report = Report(Many(1500, "NEW"), Many(500, "FIX"), Many(1500, "OLD"), Hostile, "Second notice");

        var markdown = MarkdownReportWriter.Write(report, maxLength);

        markdown.Length.ShouldBeLessThanOrEqualTo(maxLength);
        markdown.ShouldStartWith(MarkdownReportWriter.CommentMarker + "\n## BacklogLint: 1500 new findings");
        markdown.ShouldEndWith("\n");
        Regex.Count(markdown, "<details>").ShouldBe(Regex.Count(markdown, "</details>"));
        Regex.Matches(markdown, "@(?!" + Regex.Escape(MarkdownText.MentionBreak) + ")").ShouldBeEmpty();
    }

    [Fact]
    public void New_findings_get_room_before_fixed_and_unchanged_ones()
    {
        var report = Report(Many(3, "NEW", 20), Many(500, "FIX"), Many(2000, "OLD"));

        var markdown = MarkdownReportWriter.Write(report, 2_500);

        markdown.Length.ShouldBeLessThanOrEqualTo(2_500);
        Regex.Count(markdown, @"^- .*NEW \d+", RegexOptions.Multiline).ShouldBe(3);
        Regex.Count(markdown, @"^- .*OLD \d+", RegexOptions.Multiline).ShouldBe(0);
        markdown.ShouldContain("did not fit");
    }

    [Fact]
    public void Fixed_findings_do_not_take_the_place_of_new_ones_left_out()
    {
        var report = Report(Many(50, "NEW"), [Finding("BL0101", message: "short", fingerprint: "f")], [Finding("BL0301", message: "short", fingerprint: "u")]);

        var markdown = MarkdownReportWriter.Write(report, 1_200);

        markdown.ShouldContain("more new\n");
        markdown.ShouldNotContain("fixed finding");
        markdown.ShouldNotContain("unchanged finding");
        markdown.ShouldContain("did not fit");
    }

    [Fact]
    public void Tables_take_only_their_share_of_the_room()
    {
        var owners = Enumerable.Range(0, 5000).Select(i => Finding("BL0001", owner: $"@owner{i}", fingerprint: $"o{i}")).ToList();

        var markdown = MarkdownReportWriter.Write(Report(owners));

        markdown.Length.ShouldBeLessThanOrEqualTo(MarkdownReportWriter.CommentLimit);
        markdown.ShouldContain("more owners |\n");
        Regex.Count(markdown, @"^- ", RegexOptions.Multiline).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Tiny_limit_keeps_the_marker_and_headline_and_says_it_was_shortened()
    {
        var markdown = MarkdownReportWriter.Write(Report(Many(10, "NEW"), notices: "notice"), MarkdownReportWriter.MinimumLength);

        markdown.Length.ShouldBeLessThanOrEqualTo(MarkdownReportWriter.MinimumLength);
        markdown.ShouldStartWith(MarkdownReportWriter.CommentMarker + "\n## BacklogLint: 10 new findings, 0 fixed, 0 unchanged\n");
        markdown.ShouldEndWith("_Shortened to fit._\n");
    }

    [Fact]
    public void Small_report_fits_whole()
    {
        var report = Report(Many(5, "NEW"), Many(5, "FIX"), Many(5, "OLD"));

        var markdown = MarkdownReportWriter.Write(report);

        Regex.Count(markdown, @"^- ", RegexOptions.Multiline).ShouldBe(15);
        markdown.ShouldNotContain("more");
        markdown.ShouldNotContain("did not fit");
    }

    [Fact]
    public void Limit_below_the_minimum_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MarkdownReportWriter.Write(Report(), MarkdownReportWriter.MinimumLength - 1));
    }
}
