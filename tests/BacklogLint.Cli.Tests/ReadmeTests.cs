using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The terminal output the README shows is what the tool prints: every line of a captured block (but the
/// elisions) is a line of the real output.</summary>
public sealed class ReadmeTests
{
    private const string Command = "$ backloglint check tests/sample-planning --now 2026-11-23";

    [Fact]
    public async Task Captured_terminal_output_in_the_readme_is_what_the_tool_prints()
    {
        var readme = (await File.ReadAllTextAsync(SourceTree.PathOf("README.md"), TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        var blocks = readme.Split("```text\n" + Command + "\n").Skip(1).Select(rest => rest[..rest.IndexOf("```", StringComparison.Ordinal)]).ToList();
        blocks.ShouldNotBeEmpty("the README shows a captured check of the sample");

        // Colour forced for the terminal layout, then taken off again: what a terminal without colour shows.
        var result = await BackloglintProcess.RunInAsync(SourceTree.Root, "check", "tests/sample-planning", "--now", "2026-11-23", "--color", "always");
        var printed = TerminalColours.Strip(result.Stdout).Split('\n').ToHashSet(StringComparer.Ordinal);

        foreach (var line in blocks.SelectMany(block => block.Split('\n')).Where(line => line.Length > 0 && line != "…"))
            printed.Contains(line).ShouldBeTrue($"the README shows a line the tool does not print: '{line}'");
    }
}
