using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary><c>overrides:</c> through the tool: severities and options per rule for the files an entry's globs match
/// (relative to the configuration's folder, later entries winning), and bad entries refused in one line.</summary>
public sealed class OverridesEndToEndTests
{
    private const string Config = """
        items: ["**/*.md"]
        rules:
          BL0001: error
        overrides:
          - files: ["legacy/**", "templates/**"]
            rules: { missing-owner: none, BL0301: { days: 60 } }
          - files: ["legacy/keep/**"]
            rules: { BL0001: { severity: warning } }
        """;

    [Fact]
    public async Task Overrides_set_severities_and_options_for_the_files_they_match()
    {
        using var repository = TestRepository.Create();
        // The configuration is in a subfolder: its globs are relative to it.
        repository.Write("planning/.backloglint.yml", Config);
        repository.Write("planning/A-1.md", Item("A-1"));
        repository.Write("planning/legacy/A-2.md", Item("A-2"));
        repository.Write("planning/legacy/keep/A-3.md", Item("A-3"));
        repository.Write("planning/legacy/A-4.md", Item("A-4"));
        repository.Commit("2026-08-01", paths: ["planning/legacy/A-4.md"]);
        repository.Commit("2026-10-01");

        var result = await BackloglintProcess.RunAsync("check", repository.FullPath("planning"), "--format", "json", "--now", "2026-11-23");

        result.ExitCode.ShouldBe(1, result.ToString());
        Findings(result.Stdout).ShouldBe([
            "BL0001 error planning/A-1.md",
            "BL0001 warning planning/legacy/keep/A-3.md",
            "BL0301 warning planning/A-1.md",
            "BL0301 warning planning/legacy/A-4.md",
        ], result.ToString());
    }

    [Fact]
    public async Task Without_overrides_the_same_files_have_every_finding()
    {
        using var repository = TestRepository.Create();
        repository.Write(".backloglint.yml", "items: [\"**/*.md\"]\nrules:\n  BL0001: error\n");
        repository.Write("legacy/A-2.md", Item("A-2"));
        repository.Commit("2026-10-01");

        var result = await BackloglintProcess.RunAsync("check", repository.Path, "--format", "json", "--now", "2026-11-23");

        Findings(result.Stdout).ShouldBe(["BL0001 error legacy/A-2.md", "BL0301 warning legacy/A-2.md"], result.ToString());
    }

    [Fact]
    public async Task A_rule_over_the_whole_repository_keeps_each_files_settings()
    {
        using var repository = TestRepository.Create();
        repository.Write(".backloglint.yml", "overrides:\n  - files: [\"legacy/**\"]\n    rules: { duplicate-id: suggestion }\n");
        repository.Write("A-1.md", "---\nid: A-1\nstatus: done\n---\n# One\n");
        repository.Write("legacy/A-1.md", "---\nid: A-1\nstatus: done\n---\n# Old one\n");
        repository.Commit("2026-10-01");

        var result = await BackloglintProcess.RunAsync("check", repository.Path, "--format", "json", "--now", "2026-11-23");

        Findings(result.Stdout).Where(f => f.StartsWith("BL0404", StringComparison.Ordinal))
            .ShouldBe(["BL0404 error A-1.md", "BL0404 suggestion legacy/A-1.md"], result.ToString());
    }

    [Theory]
    [InlineData("overrides:\n  - rules: { BL0001: none }\n", "(2,5): an override needs 'files': the globs of the files it is for, relative to the configuration's folder")]
    [InlineData("overrides:\n  - files: [\"legacy/**\"]\n    rulez: {}\n", "(3,5): unknown key 'rulez' in an override (known: files, rules)")]
    [InlineData("overrides:\n  - files: [\"legacy/**\"]\n    rules: { BL9999: none }\n", "(3,14): unknown rule 'BL9999' (see `backloglint rules`)")]
    [InlineData("overrides:\n  - files: [\"legacy/**\"]\n    rules: { BL0301: { days: soon } }\n", "(3,30): BL0301: 'days' takes a whole number of at least 0, not 'soon'")]
    [InlineData("overrides:\n  - files: [\"../elsewhere/**\"]\n", "(2,12): the override glob '../elsewhere/**' should be relative to the configuration's folder, inside it")]
    [InlineData("overrides: { files: x }\n", "(1,12): 'overrides' should be a list of { files: [globs], rules: { … } }, not a map")]
    public async Task A_bad_override_is_one_line_with_its_location(string yaml, string expected)
    {
        using var repository = TestRepository.Create();
        repository.Write(".backloglint.yml", yaml);
        repository.Write("A-1.md", Item("A-1"));

        var result = await BackloglintProcess.RunAsync("check", repository.Path);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldBe($"backloglint: error: {repository.FullPath(".backloglint.yml")}{expected}\n");
    }

    private static string Item(string id) => $"---\nid: {id}\nstatus: in-progress\n---\n# {id}\n";

    private static List<string> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("id").GetString()} {d.GetProperty("severity").GetString()} {d.GetProperty("path").GetString()}")
            .Order(StringComparer.Ordinal)];
    }
}
