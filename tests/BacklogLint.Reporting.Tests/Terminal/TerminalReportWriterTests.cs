using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Reporting.Terminal;
using BacklogLint.Testing;
using BacklogLint.Rules;

namespace BacklogLint.Reporting.Tests.Terminal;

public sealed class TerminalReportWriterTests
{
    private static RuleDescriptor Rule(string id) => BuiltInRules.Descriptors.Single(d => d.Id == id);

    private static Diagnostic Finding(string id, Severity severity, string path, SourceSpan? span, string? owner = "@alice") =>
        new(Rule(id), severity, "message", path, span, "PAY-1", owner is null ? [] : owner.Split(", "), null, Fingerprint: "0123456789abcdef");

    private static string Write(IReadOnlyList<Diagnostic> findings, IReadOnlyDictionary<string, string[]> files, TerminalStyle? style = null, bool quiet = false)
    {
        var report = new AnalysisReport(findings, ItemCount: 2, FileCount: 2, ToolVersion: "1.0.0");
        using var writer = new StringWriter { NewLine = "\n" };
        TerminalReportWriter.Write(writer, report, findings, style ?? TerminalStyle.Plain, path => files.GetValueOrDefault(path), quiet);
        return writer.ToString();
    }

    [Fact]
    public void Groups_by_file_quotes_the_line_and_underlines_the_span_with_a_gutter_as_wide_as_the_largest_line_number()
    {
        var text = Write(
            [
                Finding("BL0001", Severity.Warning, "a.md", new SourceSpan(4, 8, 4, 11)),
                Finding("BL0401", Severity.Error, "a.md", new SourceSpan(12, 3, 12, 3)),
            ],
            new Dictionary<string, string[]> { ["a.md"] = [.. Enumerable.Range(1, 12).Select(n => n == 4 ? "owner: TBD" : n == 12 ? "- [x](y.md)" : "")] });

        text.ShouldStartWith("""
            a.md  2 findings
            a.md(4,8): warning BL0001: message
               4 | owner: TBD
                 |        ^^^ missing-owner
            a.md(12,3): error BL0401: message
              12 | - [x](y.md)
                 |   ^ unknown-reference

            2 findings (1 error, 1 warning): 2 items in 2 Markdown files checked.
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_long_line_is_quoted_around_the_span()
    {
        var line = new string('a', 300) + "TARGET" + new string('b', 300);
        var text = Write([Finding("BL0001", Severity.Warning, "a.md", new SourceSpan(1, 301, 1, 307))], new Dictionary<string, string[]> { ["a.md"] = [line] });

        var quote = text.Split('\n')[2];
        var caret = text.Split('\n')[3];
        quote.ShouldContain("…aaaa");
        quote.ShouldEndWith("b…");
        caret.IndexOf('^', StringComparison.Ordinal).ShouldBe(quote.IndexOf("TARGET", StringComparison.Ordinal));
        caret.Count(c => c == '^').ShouldBe(6);
    }

    [Fact]
    public void A_finding_without_a_readable_file_or_a_position_is_shown_without_a_quote()
    {
        var text = Write(
            [
                Finding("BL0501", Severity.Error, "gone.md", new SourceSpan(3, 1, 3, 1)),
                Finding("BL9001", Severity.Warning, null!, null, owner: null) with { Path = null },
            ],
            new Dictionary<string, string[]>());

        text.ShouldContain("gone.md(3,1): error BL0501: message\n\n");
        text.ShouldContain("repository\nbackloglint: warning BL9001: message\n");
    }

    [Fact]
    public void Quiet_writes_the_findings_only()
    {
        var text = Write([Finding("BL0001", Severity.Error, "a.md", new SourceSpan(1, 1, 1, 2))], new Dictionary<string, string[]> { ["a.md"] = ["x"] }, quiet: true);

        text.ShouldNotContain("checked.");
        text.ShouldNotContain("Warnings");
    }

    [Fact]
    public void Plain_style_writes_no_escape_and_ansi_style_writes_only_colour_sequences()
    {
        var findings = new[] { Finding("BL0001", Severity.Error, "a.md", new SourceSpan(1, 1, 1, 2)) };
        var files = new Dictionary<string, string[]> { ["a.md"] = ["owner: \u001b[2J\u202Eevil"] };

        Write(findings, files).ShouldNotContain('\u001b');
        var coloured = Write(findings, files, TerminalStyle.Ansi);
        TerminalColours.Strip(coloured).ShouldNotContain('\u001b');
        coloured.ShouldNotContain('\u202E');
    }
}
