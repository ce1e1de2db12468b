using System.Text.RegularExpressions;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.History;
using static BacklogLint.Reporting.Tests.Findings;

namespace BacklogLint.Reporting.Tests;

/// <summary><c>check --format markdown</c>: the lead's report, grouped by owner (<see cref="LeadReportWriter"/>).</summary>
public sealed class LeadReportWriterTests
{
    private static readonly Dictionary<string, ReportedItem> Items = new()
    {
        ["backlog/PAY-1.md"] = new ReportedItem("backlog/PAY-1.md", "PAY-1", "Card retries", "In Progress", IsSettled: false),
        ["backlog/PAY-2.md"] = new ReportedItem("backlog/PAY-2.md", "PAY-2", "Refund flow", "todo", IsSettled: false),
        ["backlog/PAY-3.md"] = new ReportedItem("backlog/PAY-3.md", "PAY-3", "Old ledger", "Done", IsSettled: true),
    };

    private static AnalysisReport Report(params Diagnostic[] findings) =>
        new(findings, ItemCount: 3, FileCount: 4, ToolVersion: "1.2.3") { Items = Items };

    private static readonly Diagnostic[] Sample =
    [
        Finding("BL0101", Severity.Warning, "agreement is stale", "backlog/PAY-1.md", new SourceSpan(7, 1, 7, 20), "PAY-1", "@alice, @bob", "a", team: "payments"),
        Finding("BL0001", Severity.Error, "nobody owns it", "backlog/PAY-2.md", new SourceSpan(2, 1, 2, 10), "PAY-2", owner: null, "b", team: "payments"),
        Finding("BL0302", Severity.Warning, "overdue", "backlog/PAY-3.md", new SourceSpan(4, 1, 4, 9), "PAY-3", "@bob", "c"),
        RepositoryFinding(),
    ];

    [Fact]
    public void Counts_each_owner_and_team_of_a_finding_not_their_combination()
    {
        var markdown = LeadReportWriter.Write(Report(Sample));

        markdown.ShouldStartWith("## BacklogLint: 4 findings (1 error, 3 warnings)\n\n");
        markdown.ShouldContain("Checked 3 items in 4 Markdown files with BacklogLint 1\\.2\\.3.");
        markdown.ShouldContain("| Owner | Errors | Warnings | Suggestions | Items |\n| --- | ---: | ---: | ---: | ---: |\n");
        // @alice and @bob share PAY-1's finding; @bob also has PAY-3's; nobody owns PAY-2.
        markdown.ShouldContain("| \\(unowned\\) | 1 | 0 | 0 | 1 |\n");
        markdown.ShouldContain("| @" + MarkdownText.MentionBreak + "bob | 0 | 2 | 0 | 2 |\n");
        markdown.ShouldContain("| @" + MarkdownText.MentionBreak + "alice | 0 | 1 | 0 | 1 |\n");
        markdown.ShouldNotContain("alice, @");
        markdown.ShouldContain("| payments | 1 | 1 | 0 | 2 |\n");
        markdown.ShouldContain("| \\(no team\\) | 0 | 2 | 0 | 1 |\n");
        markdown.ShouldContain("| Rule | Title | Findings |\n");
    }

    [Fact]
    public void Open_work_is_grouped_by_owner_most_severe_first_with_each_items_title_status_and_team()
    {
        var markdown = LeadReportWriter.Write(Report(Sample));

        var groups = Regex.Matches(markdown, "<details(?: open)?><summary><b>(?<owner>[^<]+)</b>: (?<counts>[^<]+)</summary>")
            .Select(m => (m.Groups["owner"].Value, m.Groups["counts"].Value)).ToList();
        groups.ShouldBe(
        [
            ("(unowned)", "1 error on 1 item"),
            ("(repository)", "1 warning on 1 item"),
            ("@" + MarkdownText.MentionBreak + "alice", "1 warning on 1 item"),
            ("@" + MarkdownText.MentionBreak + "bob", "1 warning on 1 item"),
        ]);
        markdown.ShouldContain("### Open work by owner\n\n<details open><summary><b>(unowned)</b>");
        markdown.ShouldContain("- **[PAY\\-2](backlog/PAY-2.md?plain=1#L1)** Refund flow · _todo_ · team payments\n"
            + "  - 🛑 error [BL0001](https://");
        markdown.ShouldContain("nobody owns it ([line 2](backlog/PAY-2.md?plain=1#L2))\n");
        markdown.ShouldContain("- **[PAY\\-1](backlog/PAY-1.md?plain=1#L1)** Card retries · _In Progress_ · team payments\n");
        markdown.ShouldContain("Links are relative to the repository's root.");
    }

    [Fact]
    public void Settled_and_archived_items_come_last_folded_with_their_owners()
    {
        var markdown = LeadReportWriter.Write(Report(Sample));

        var settled = markdown.IndexOf("### Settled and archived items", StringComparison.Ordinal);
        settled.ShouldBeGreaterThan(markdown.LastIndexOf("<summary><b>", StringComparison.Ordinal));
        markdown[settled..].ShouldStartWith("### Settled and archived items\n\n<details><summary>1 finding on items that nobody works on any more</summary>\n\n"
            + "- **[PAY\\-3](backlog/PAY-3.md?plain=1#L1)** Old ledger · _Done_ · @" + MarkdownText.MentionBreak + "bob\n  - ⚠️ warning [BL0302]");
        // PAY-3 is @bob's, but not in @bob's open work.
        var bobGroup = markdown[markdown.IndexOf("<b>@" + MarkdownText.MentionBreak + "bob</b>", StringComparison.Ordinal)..settled];
        bobGroup.ShouldNotContain("PAY\\-3");
    }

    [Fact]
    public void Links_go_to_the_lines_on_GitHub_at_the_commit_except_in_files_changed_since()
    {
        var report = Report(Sample) with
        {
            Web = new WebAddress("https://github.com/acme/planning", "0123456789abcdef0123456789abcdef01234567"),
            ChangedFiles = new HashSet<string> { "backlog/PAY-2.md" },
        };

        var markdown = LeadReportWriter.Write(report);

        markdown.ShouldContain(" at [0123456789ab](https://github.com/acme/planning/commit/0123456789abcdef0123456789abcdef01234567).");
        markdown.ShouldContain("[PAY\\-1](https://github.com/acme/planning/blob/0123456789abcdef0123456789abcdef01234567/backlog/PAY-1.md?plain=1#L1)");
        markdown.ShouldContain("(https://github.com/acme/planning/blob/0123456789abcdef0123456789abcdef01234567/backlog/PAY-1.md?plain=1#L7)");
        markdown.ShouldContain("[PAY\\-2](backlog/PAY-2.md?plain=1#L1)");
        markdown.ShouldNotContain("relative to the repository's root");
    }

    [Fact]
    public void A_finding_in_a_document_of_an_item_is_listed_under_the_item()
    {
        var inReadme = Finding("BL0401", Severity.Error, "broken link", "backlog/PAY-1/README.md", new SourceSpan(5, 1, 5, 9), "PAY-1", "@alice, @bob", "d", team: "payments");

        var markdown = LeadReportWriter.Write(Report([inReadme, .. Sample]));

        markdown.ShouldContain("- **[PAY\\-1](backlog/PAY-1.md?plain=1#L1)** Card retries · _In Progress_ · team payments\n"
            + "  - 🛑 error [BL0401](https://github.com/backloglint/backloglint/blob/main/rules/BL0401.md): broken link ([backlog\\/PAY\\-1\\/README\\.md\\:5](backlog/PAY-1/README.md?plain=1#L5))\n"
            + "  - ⚠️ warning [BL0101]");
        markdown.ShouldContain("| @" + MarkdownText.MentionBreak + "alice | 1 | 1 | 0 | 1 |\n");
    }

    [Fact]
    public void Past_ten_owners_the_rest_of_the_table_is_folded_under_it()
    {
        var findings = Enumerable.Range(1, 14).Select(i => Finding("BL0101", path: $"backlog/PAY-{i}.md", itemId: $"PAY-{i}", owner: $"@p{i:00}", fingerprint: $"f{i}")).ToArray();

        var markdown = LeadReportWriter.Write(Report(findings));

        var table = markdown[markdown.IndexOf("### By owner", StringComparison.Ordinal)..markdown.IndexOf("### By rule", StringComparison.Ordinal)];
        Regex.Count(table, @"^\| @", RegexOptions.Multiline).ShouldBe(14);
        table.ShouldContain("| @" + MarkdownText.MentionBreak + "p10 | 0 | 1 | 0 | 0 |\n\n<details><summary>4 more owners</summary>\n\n| Owner | Errors |");
        table.ShouldEndWith("| @" + MarkdownText.MentionBreak + "p14 | 0 | 1 | 0 | 0 |\n\n</details>\n\n");
    }

    [Fact]
    public void An_owner_in_raw_html_is_html_escaped_and_pings_nobody()
    {
        var markdown = LeadReportWriter.Write(Report(Finding("BL0101", owner: "@org/<b>team</b> & \"co\"", path: "backlog/PAY-1.md")));

        markdown.ShouldContain("<summary><b>@" + MarkdownText.MentionBreak + "org/&lt;b&gt;team&lt;/b&gt; &amp; &quot;co&quot;</b>: 1 warning on 1 item</summary>");
    }

    [Fact]
    public void A_clean_run_says_so_and_nothing_else()
    {
        var markdown = LeadReportWriter.Write(new AnalysisReport([], ItemCount: 7, FileCount: 9, ToolVersion: "1.2.3"));

        markdown.ShouldStartWith("## BacklogLint: ✅ no findings\n");
        markdown.ShouldNotContain("###");
    }

    [Fact]
    public void Without_items_findings_are_still_listed_under_their_owners()
    {
        var markdown = LeadReportWriter.Write(new AnalysisReport(Sample, ItemCount: 3, FileCount: 4, ToolVersion: "1.2.3"));

        markdown.ShouldContain("<summary><b>@" + MarkdownText.MentionBreak + "bob</b>: 2 warnings on 2 items</summary>\n\n- ⚠️ warning [BL0101]");
        markdown.ShouldNotContain("Settled and archived");
    }

    [Theory]
    [InlineData(MarkdownReportWriter.MinimumLength)]
    [InlineData(1_000)]
    [InlineData(20_000)]
    [InlineData(MarkdownReportWriter.StepSummaryLimit)]
    public void A_large_run_stays_within_the_limit_and_says_what_was_left_out(int maxLength)
    {
        var report = new AnalysisReport([.. Many(6000, "ALL", 400), RepositoryFinding(Hostile)], ItemCount: 6000, FileCount: 6000, ToolVersion: "1.2.3");

        var markdown = LeadReportWriter.Write(report, maxLength);

        markdown.Length.ShouldBeLessThanOrEqualTo(maxLength);
        markdown.ShouldStartWith("## BacklogLint: 6001 findings");
        if (maxLength > 1_000) markdown.ShouldContain("Run `backloglint check` for the full list.");
        Regex.Matches(markdown, "@(?!" + Regex.Escape(MarkdownText.MentionBreak) + ")").ShouldBeEmpty();
        Regex.Count(markdown, "<details").ShouldBe(Regex.Count(markdown, "</details>"));
    }
}
