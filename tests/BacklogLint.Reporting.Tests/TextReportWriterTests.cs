using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Rules;

namespace BacklogLint.Reporting.Tests;

public sealed class TextReportWriterTests
{
    private static RuleDescriptor Rule(string id) => BuiltInRules.Descriptors.Single(d => d.Id == id);

    private static Diagnostic Finding(string id, Severity severity, string message, string? path = "backlog/PAY-142.md",
        SourceSpan? span = null, string? itemId = "PAY-142", string? owner = "@alice") =>
        new(Rule(id), severity, message, path, path is null ? null : span ?? new SourceSpan(3, 8, 3, 16), path is null ? null : itemId, owner is null ? [] : owner.Split(", "), null,
            Fingerprint: "0123456789abcdef");

    private static string Write(AnalysisReport report)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        TextReportWriter.Write(writer, report);
        return writer.ToString();
    }

    [Fact]
    public void FormatLine_is_the_msbuild_canonical_form()
    {
        var line = TextReportWriter.FormatLine(Finding("BL0001", Severity.Warning, "Task 'PAY-142' is open but has no owner"));

        line.ShouldBe("backlog/PAY-142.md(3,8): warning BL0001: Task 'PAY-142' is open but has no owner");
    }

    [Theory]
    [InlineData(Severity.Error, "error")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Suggestion, "info")]
    public void FormatLine_names_the_severity_as_msbuild_does(Severity severity, string category)
    {
        var line = TextReportWriter.FormatLine(Finding("BL0101", severity, "stale"));

        line.ShouldBe($"backlog/PAY-142.md(3,8): {category} BL0101: stale");
    }

    [Fact]
    public void FormatLine_of_a_repository_finding_names_the_tool()
    {
        var line = TextReportWriter.FormatLine(Finding("BL9001", Severity.Warning, "Git history is unavailable", path: null, owner: null));

        line.ShouldBe("backloglint: warning BL9001: Git history is unavailable");
    }

    [Fact]
    public void FormatLine_of_a_file_finding_without_a_position_gives_the_path_alone()
    {
        var diagnostic = Finding("BL0501", Severity.Error, "binary") with { Span = null };

        TextReportWriter.FormatLine(diagnostic).ShouldBe("backlog/PAY-142.md: error BL0501: binary");
    }

    [Fact]
    public void FormatLine_puts_a_message_with_line_breaks_on_one_line()
    {
        var line = TextReportWriter.FormatLine(Finding("BL0502", Severity.Error, "one\r\ntwo\nthree\rfour\u2028five"));

        line.ShouldBe("backlog/PAY-142.md(3,8): error BL0502: one two three four five");
        line.ShouldNotContain('\n');
        line.ShouldNotContain('\r');
    }

    [Fact]
    public void Write_lists_the_findings_then_a_headline_and_counts_by_rule_and_by_owner()
    {
        var report = new AnalysisReport(
            [
                Finding("BL9001", Severity.Warning, "Git history is unavailable", path: null, owner: null),
                Finding("BL0001", Severity.Warning, "no owner", path: "backlog/PAY-2.md", itemId: "PAY-2", owner: null),
                Finding("BL0001", Severity.Warning, "no owner either", path: "backlog/PAY-3.md", itemId: "PAY-3", owner: "payments"),
                Finding("BL0101", Severity.Suggestion, "stale", span: new SourceSpan(9, 3, 9, 40)),
                Finding("BL0201", Severity.Error, "handed to nobody", span: new SourceSpan(12, 9, 12, 12)),
                Finding("BL0202", Severity.Silent, "silent finding"),
            ],
            ItemCount: 4,
            FileCount: 6,
            ToolVersion: "1.0.0");

        var text = Write(report);

        text.ShouldBe("""
            backloglint: warning BL9001: Git history is unavailable
            backlog/PAY-2.md(3,8): warning BL0001: no owner
            backlog/PAY-3.md(3,8): warning BL0001: no owner either
            backlog/PAY-142.md(9,3): info BL0101: stale
            backlog/PAY-142.md(12,9): error BL0201: handed to nobody

            5 findings (1 error, 3 warnings, 1 suggestion): 4 items in 6 Markdown files checked.
            By rule:
              BL0001     2  Unfinished work has no owner
              BL0101     1  Agreement not revisited in time
              BL0201     1  Handoff to a party that does not exist
              BL9001     1  Git history unavailable
            By owner:
                 2  @alice
                 1  (repository)
                 1  (unowned)
                 1  payments

            """);
    }

    [Fact]
    public void Silent_findings_are_neither_shown_nor_counted()
    {
        var report = new AnalysisReport(
            [
                Finding("BL0001", Severity.Warning, "no owner"),
                Finding("BL0202", Severity.Silent, "quiet one"),
                Finding("BL0203", Severity.None, "disabled one"),
            ],
            ItemCount: 1,
            FileCount: 1,
            ToolVersion: "1.0.0");

        var text = Write(report);

        text.ShouldNotContain("quiet one");
        text.ShouldNotContain("BL0202");
        text.ShouldNotContain("disabled one");
        text.ShouldContain("1 finding (1 warning): 1 item in 1 Markdown file checked.");
    }

    [Fact]
    public void Write_without_findings_says_so_without_the_sections()
    {
        var report = new AnalysisReport([Finding("BL0202", Severity.Silent, "quiet one")], ItemCount: 1, FileCount: 2, ToolVersion: "1.0.0");

        var text = Write(report);

        text.ShouldBe("No findings: 1 item in 2 Markdown files checked.\n");
    }

    [Fact]
    public void FormatLine_keeps_terminal_control_sequences_and_bidi_overrides_out()
    {
        var line = TextReportWriter.FormatLine(Finding("BL0001", Severity.Warning, "Task \u001b[31mRED\u001b[0m \u202Eevil\u202C\tend\r\nnext"));

        line.ShouldNotContain("\u001b");
        line.ShouldNotContain("\u202E");
        line.ShouldNotContain("\t");
        line.ShouldNotContain("\n");
        line.ShouldEndWith("Task  [31mRED [0m evil end next");
    }

    [Fact]
    public void Owners_and_paths_from_item_text_stay_on_their_line_in_the_summary_too()
    {
        var finding = Finding("BL0001", Severity.Warning, "no owner", path: "backlog/a\nb.md", owner: "x\r\n::error::pwned \u202e\u001b[31m");

        var text = Write(new AnalysisReport([finding], 1, 1, "1.0.0"));

        text.Split('\n').ShouldNotContain(line => line.StartsWith("::error::pwned", StringComparison.Ordinal));
        text.ShouldNotContain("\r");
        text.ShouldNotContain("\u202e");
        text.ShouldNotContain("\u001b");
        text.ShouldContain("backlog/a b.md(3,8)");
    }
}
