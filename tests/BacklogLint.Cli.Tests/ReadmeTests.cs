using System.Text.RegularExpressions;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The terminal output the README shows is what the tool prints: every line of a captured block (but the
/// elisions) is a line of the real output. With <c>BACKLOGLINT_UPDATE_DOCS=1</c> a line that differs from a printed
/// one only in its numbers (the summary's counts, a table row) is rewritten to it.</summary>
public sealed partial class ReadmeTests
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

        var stale = blocks.SelectMany(block => block.Split('\n')).Where(line => line.Length > 0 && line != "…" && !printed.Contains(line)).Distinct().ToList();
        if (Environment.GetEnvironmentVariable("BACKLOGLINT_UPDATE_DOCS") == "1" && stale.Count > 0)
        {
            var updated = readme;
            foreach (var line in stale)
            {
                var candidates = printed.Where(candidate => Shape(candidate) == Shape(line)).ToList();
                if (candidates.Count == 1) updated = updated.Replace("\n" + line + "\n", "\n" + candidates[0] + "\n", StringComparison.Ordinal);
            }

            await File.WriteAllTextAsync(SourceTree.PathOf("README.md"), updated, TestContext.Current.CancellationToken);
            return;
        }

        stale.ShouldBeEmpty("the README shows lines the tool does not print (BACKLOGLINT_UPDATE_DOCS=1 rewrites those that differ only in numbers)");
    }

    private static string Shape(string line) => Digits().Replace(line, "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
