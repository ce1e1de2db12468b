using BacklogLint.Core.Diagnostics;
using static BacklogLint.Reporting.Tests.Findings;

namespace BacklogLint.Reporting.Tests;

public sealed class WorkflowCommandWriterTests
{
    private static string Write(params Diagnostic[] diagnostics)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        WorkflowCommandWriter.Write(writer, diagnostics);
        return writer.ToString();
    }

    private static string[] Lines(string output) => output.TrimEnd('\n').Split('\n');

    [Fact]
    public void Annotation_has_file_lines_columns_and_title()
    {
        var line = WorkflowCommandWriter.Format(Finding("BL0001", Severity.Warning, "Task 'PAY-1' has no owner", span: new SourceSpan(3, 2, 3, 9)));

        line.ShouldBe("::warning file=backlog/PAY-1.md,line=3,endLine=3,col=2,endColumn=9,title=BL0001%3A Unfinished work has no owner::Task 'PAY-1' has no owner");
    }

    [Theory]
    [InlineData(Severity.Error, "::error ")]
    [InlineData(Severity.Warning, "::warning ")]
    [InlineData(Severity.Suggestion, "::notice ")]
    public void Command_follows_the_severity(Severity severity, string start)
    {
        WorkflowCommandWriter.Format(Finding("BL0101", severity)).ShouldStartWith(start);
    }

    [Fact]
    public void Multi_line_span_has_lines_but_no_columns()
    {
        var line = WorkflowCommandWriter.Format(Finding("BL0101", span: new SourceSpan(3, 2, 5, 9)));

        line.ShouldStartWith("::warning file=backlog/PAY-1.md,line=3,endLine=5,title=");
    }

    [Fact]
    public void Repository_finding_has_no_file()
    {
        WorkflowCommandWriter.Format(RepositoryFinding()).ShouldStartWith("::warning title=BL9001%3A ");
    }

    [Fact]
    public void Message_with_a_newline_and_a_command_stays_one_line()
    {
        var output = Write(Finding("BL0001", message: "Task\n::error::pwned"));

        Lines(output).Length.ShouldBe(1);
        output.ShouldNotContain("\n::");
        output.ShouldEndWith("::Task%0A::error::pwned\n");
    }

    [Fact]
    public void Percent_escapes_in_item_text_are_escaped_again()
    {
        var line = WorkflowCommandWriter.Format(Finding("BL0001", message: "a %0A b %25 c"));

        line.ShouldEndWith("::a %250A b %2525 c");
    }

    [Fact]
    public void Carriage_returns_are_escaped()
    {
        WorkflowCommandWriter.Format(Finding("BL0001", message: "a\r\n::warning::b\rc")).ShouldEndWith("::a%0D%0A::warning::b%0Dc");
    }

    [Fact]
    public void Hostile_text_everywhere_makes_exactly_one_command_per_finding()
    {
        var diagnostics = new[]
        {
            Finding("BL0001", Severity.Error, Hostile, path: "backlog/" + Hostile + ".md", itemId: Hostile, owner: Hostile),
            Finding("BL0101", Severity.Warning, "::stop-commands::tok\n::add-mask::x\n::set-env name=A::b"),
            RepositoryFinding(Hostile),
            Finding("BL0201", Severity.Suggestion, "\n\n\r\n"),
        };

        var output = Write(diagnostics);

        var lines = Lines(output);
        lines.Length.ShouldBe(diagnostics.Length);
        output.ShouldNotContain("\n::stop-commands");
        output.ShouldNotContain("\r");
        foreach (var line in lines)
        {
            line.ShouldMatch("^::(error|warning|notice) ");
            // The command's own '::' that starts the message comes after the properties; nothing before it ends them early.
            var properties = line[2..line.IndexOf("::", 2, StringComparison.Ordinal)];
            properties.ShouldNotContain(":");
        }
    }

    [Fact]
    public void Path_with_commas_and_colons_cannot_add_properties()
    {
        var line = WorkflowCommandWriter.Format(Finding("BL0001", path: "backlog/a,line=1,title=x::y%.md"));

        line.ShouldStartWith("::warning file=backlog/a%2Cline=1%2Ctitle=x%3A%3Ay%25.md,line=3,");
    }

    [Fact]
    public void Notice_is_escaped_like_an_annotation()
    {
        WorkflowCommandWriter.Notice("shallow\n::error::x %0A").ShouldBe("::notice::shallow%0A::error::x %250A");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("50%", "50%25")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("%0A", "%250A")]
    public void EscapeData_is_the_toolkit_escaping(string value, string escaped)
    {
        WorkflowCommandWriter.EscapeData(value).ShouldBe(escaped);
    }

    [Theory]
    [InlineData("a:b,c", "a%3Ab%2Cc")]
    [InlineData("100%\n", "100%25%0A")]
    public void EscapeProperty_also_escapes_colons_and_commas(string value, string escaped)
    {
        WorkflowCommandWriter.EscapeProperty(value).ShouldBe(escaped);
    }
}
