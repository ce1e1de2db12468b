using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary><c>check PATH</c> as ESLint does it: the configuration is found upward from PATH, the planning repository
/// it describes is loaded whole and the findings under PATH are reported, so a subfolder or a file gets exactly the
/// findings a check of the root gives it.</summary>
public sealed class ScopeEndToEndTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public ScopeEndToEndTests()
    {
        _repository
            .Write(".backloglint.yml", """
                items: ["planning/**/*.md"]
                """)
            .Write("planning/backlog/PAY-1.md", """
                ---
                id: PAY-1
                status: in-progress
                depends-on: [OPS-1]
                ---
                # Nobody owns this; its dependency lives in another folder

                The runbook is [in ops](../ops/runbook.md).
                """)
            .Write("planning/backlog/PAY-2.md", """
                ---
                id: PAY-2
                status: todo
                owner: "@alice"
                depends-on: [GONE-1]
                ---
                # Depends on nothing that exists
                """)
            .Write("planning/ops/OPS-1.md", """
                ---
                id: OPS-1
                status: todo
                ---
                # Owned by nobody either
                """)
            .Write("planning/ops/runbook.md", "# Runbook\n")
            .Write("README.md", "# Not planning\n");
        _repository.Commit("2026-11-20", "alice");
    }

    public void Dispose() => _repository.Dispose();

    private static async Task<List<string>> Findings(string workingDirectory, params string[] arguments)
    {
        var result = await BackloglintProcess.RunAsync(new Dictionary<string, string?>(), workingDirectory, ["check", .. arguments, "--format", "json", "--now", "2026-11-23"]);
        result.ExitCode.ShouldBeOneOf([0, 1], result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("id").GetString()} {d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()}")];
    }

    [Fact]
    public async Task A_subfolder_gets_the_findings_a_check_of_the_root_gives_it()
    {
        var all = await Findings(_repository.Path);
        var backlog = await Findings(_repository.FullPath("planning/backlog"));

        all.ShouldContain("BL0001 planning/ops/OPS-1.md:2");
        backlog.ShouldBe([.. all.Where(f => f.Contains(" planning/backlog/", StringComparison.Ordinal))]);
        backlog.ShouldNotContain(f => f.StartsWith("BL0401 planning/backlog/PAY-1.md", StringComparison.Ordinal),
            "OPS-1 and the runbook are outside PATH, but in the planning repository");
        backlog.ShouldContain("BL0401 planning/backlog/PAY-2.md:5");
    }

    [Fact]
    public async Task Standing_in_a_subfolder_finds_the_configuration_above_it()
    {
        var fromInside = await Findings(_repository.FullPath("planning/backlog"));
        var fromRoot = await Findings(_repository.Path, "planning/backlog");

        fromInside.ShouldBe(fromRoot);
        fromInside.ShouldNotBeEmpty();
        fromInside.ShouldNotContain(f => f.StartsWith("BL9002", StringComparison.Ordinal), "the root's items globs are resolved from the root");
    }

    [Fact]
    public async Task A_file_gets_its_own_findings()
    {
        var file = await Findings(_repository.Path, "planning/backlog/PAY-2.md");

        file.ShouldBe(["BL0401 planning/backlog/PAY-2.md:5"]);
    }

    [Fact]
    public async Task Nothing_selected_is_an_error_at_the_items_line()
    {
        _repository.Write(".backloglint.yml", "items: [\"roadmap/**/*.md\"]\n");

        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldContain(".backloglint.yml(1,1): error BL9002: Nothing was checked: the 'items' glob 'roadmap/**/*.md' selects no work item, and 5 Markdown files were seen");
        result.Stdout.ShouldNotContain("No findings");
    }
}
