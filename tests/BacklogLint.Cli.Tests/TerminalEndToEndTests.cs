using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The report for a person at a terminal (forced here with <c>--color always</c> or <c>FORCE_COLOR</c>, since
/// the tests read a pipe), and that a pipe or a file still gets the plain format, byte for byte.</summary>
public sealed class TerminalEndToEndTests : IDisposable
{
    private const string Now = "2026-11-23";
    private readonly TestRepository _repository = TestRepository.Create();

    public TerminalEndToEndTests()
    {
        _repository
            .Write("backlog/PAY-1.md", """
                ---
                id: PAY-1
                status: todo
                owner: TBD
                team: payments
                ---
                # Nobody owns this
                """)
            .Write("backlog/PAY-2.md", """
                ---
                id: PAY-2
                status: in-progress
                owner: "@alice"
                depends-on: [PAY-99]
                updated: 2026-11-20
                ---
                # Waits on something that does not exist
                """)
            // Item text that tries to reach the terminal: an ANSI escape (clear screen, red) and a bidi override.
            .Write("backlog/PAY-3.md", "---\nid: PAY-3\nstatus: todo\nowner: \"\u001b[2J\u001b[31m\u202Eevil\"\ndepends-on: [\"\u001b]0;title\u0007X\"]\n---\n# Hostile\n");
        _repository.Commit("2026-11-01", "alice");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task A_terminal_gets_findings_grouped_by_file_with_the_line_quoted_and_the_span_underlined()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", Now, "--color", "always");

        result.ExitCode.ShouldBe(1, result.ToString());
        var text = TerminalColours.Strip(result.Stdout);
        text.ShouldContain("""
            backlog/PAY-2.md  1 finding
            backlog/PAY-2.md(5,14): error BL0401: 'PAY-2' depends on 'PAY-99', but no item has that id
              5 | depends-on: [PAY-99]
                |              ^^^^^^ unknown-reference
            """.ReplaceLineEndings("\n"));
        text.ShouldContain("Rule    Alias");
        text.ShouldMatch(@"(?m)^Owner\s+Errors\s+Warnings\s+Info\s+Total$");
        text.ShouldMatch(@"(?m)^@alice\s+1\s+0\s+0\s+1$");
    }

    [Fact]
    public async Task Every_finding_keeps_its_msbuild_line_free_of_colour_for_editors_and_problem_matchers()
    {
        var plain = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", Now);
        var coloured = await BackloglintProcess.RunAsync(new Dictionary<string, string?> { ["FORCE_COLOR"] = "1" }, "check", _repository.Path, "--now", Now);

        coloured.Stdout.ShouldContain("\u001b[");
        var findingLines = plain.Lines.Where(line => line.Contains(": error BL", StringComparison.Ordinal) || line.Contains(": warning BL", StringComparison.Ordinal)).ToList();
        findingLines.Count.ShouldBeGreaterThanOrEqualTo(3);
        var colouredLines = coloured.Stdout.Split('\n').Select(line => line.TrimEnd('\r')).ToHashSet();
        foreach (var line in findingLines) colouredLines.ShouldContain(line);
    }

    [Fact]
    public async Task Item_text_never_brings_an_escape_of_its_own_only_the_tools_colours()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", Now, "--color", "always");

        result.Stdout.ShouldContain("evil");
        var withoutOurColours = TerminalColours.Strip(result.Stdout);
        withoutOurColours.ShouldNotContain('\u001b');
        withoutOurColours.ShouldNotContain('\u0007');
        withoutOurColours.ShouldNotContain('\u202E');
    }

    [Theory]
    [InlineData("--color", "never")]
    [InlineData("--color", "auto")]
    public async Task A_pipe_gets_the_plain_format_unchanged(string option, string value)
    {
        var plain = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", Now);
        var result = await BackloglintProcess.RunAsync(new Dictionary<string, string?> { ["TERM"] = "xterm-256color" }, "check", _repository.Path, "--now", Now, option, value);

        result.Stdout.ShouldBe(plain.Stdout);
        result.Stdout.ShouldNotContain("\u001b");
        result.Stdout.ShouldContain("By rule:");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    public async Task Force_color_zero_or_false_turns_colour_off(string value)
    {
        var result = await BackloglintProcess.RunAsync(new Dictionary<string, string?> { ["FORCE_COLOR"] = value }, "check", _repository.Path, "--now", Now);

        result.Stdout.ShouldNotContain("\u001b");
        result.Stdout.ShouldContain("By rule:");
    }

    [Fact]
    public async Task A_report_file_is_plain_even_with_colour_forced()
    {
        var plain = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", Now);
        var file = Path.Combine(_repository.Path, "report.txt");

        var result = await BackloglintProcess.RunAsync(new Dictionary<string, string?> { ["FORCE_COLOR"] = "1" },
            "check", _repository.Path, "--now", Now, "--color", "always", "--output", file);

        result.ExitCode.ShouldBe(1);
        (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).ShouldBe(plain.Stdout);
    }

    [Fact]
    public async Task Quiet_prints_only_the_findings_that_fail_the_run_and_no_summary()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", Now, "--quiet");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Lines.ShouldNotBeEmpty();
        result.Lines.ShouldAllBe(line => line.Contains(": error BL", StringComparison.Ordinal));
        result.Stdout.ShouldNotContain("checked.");
    }

    [Fact]
    public async Task Quiet_with_fail_on_warning_also_prints_warnings()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", Now, "--quiet", "--fail-on", "warning");

        result.ExitCode.ShouldBe(1);
        result.Lines.ShouldContain(line => line.Contains(": warning BL0001:", StringComparison.Ordinal));
        result.Lines.ShouldContain(line => line.Contains(": error BL0401:", StringComparison.Ordinal));
        result.Stdout.ShouldNotContain("By rule:");
    }

    [Fact]
    public async Task Quiet_in_a_terminal_keeps_the_quotes_and_drops_the_summary()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", Now, "--quiet", "--color", "always");

        var text = TerminalColours.Strip(result.Stdout);
        text.ShouldContain("^^^^^^ unknown-reference");
        text.ShouldNotContain("warning BL0001");
        text.ShouldNotContain("Owner ");
        text.ShouldNotContain("checked.");
    }

    [Fact]
    public async Task Explain_in_a_terminal_renders_the_page_without_markdown_marks()
    {
        var result = await BackloglintProcess.RunAsync("explain", "BL0101", "--color", "always");

        result.ExitCode.ShouldBe(0);
        var text = TerminalColours.Strip(result.Stdout);
        text.ShouldStartWith("BL0101: Agreement not revisited in time");
        text.ShouldContain("\nHow to fix\n");
        text.ShouldNotContain("## How to fix");
        text.ShouldNotContain("```");
        text.ShouldNotContain("|---");
        text.ShouldMatch(@"(?m)^  max-age\s+period");
        text.ShouldMatch(@"(?m)^    id: PAY-142$");
    }

    [Fact]
    public async Task Explain_into_a_pipe_is_the_page_as_written()
    {
        var result = await BackloglintProcess.RunAsync("explain", "stale-agreement");

        result.Stdout.ShouldStartWith("# BL0101: ");
        result.Stdout.ShouldContain("```yaml");
        result.Stdout.ShouldNotContain("\u001b");
    }
}
