using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The real tool, as a process, on real git repositories in temp folders.</summary>
public sealed class CheckEndToEndTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public CheckEndToEndTests()
    {
        _repository
            .Write("backlog/PAY-1.md", """
                ---
                id: PAY-1
                status: in-progress
                team: payments
                updated: 2026-11-20
                ---
                # Nobody owns this
                """)
            .Write("backlog/PAY-2.md", """
                ---
                id: PAY-2
                status: todo
                owner: @dave
                ---
                # Broken front matter
                """)
            .Write("backlog/PAY-3.md", """
                ---
                id: PAY-3
                status: done
                owner: "@alice"
                ---
                # Done

                ## Agreements
                - 2025-01-02 @payments @sre: webhooks are delivered at least once.
                """);
        _repository.Commit("2025-01-05", "alice");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Json_report_has_every_finding_with_its_location_and_the_exit_code_says_errors()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--format", "json", "--now", "2026-11-23");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("tool").GetProperty("name").GetString().ShouldBe("BacklogLint");
        var findings = root.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("id").GetString()} {d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()}")
            .ToList();
        findings.ShouldBe(["BL0001 backlog/PAY-1.md:2", "BL0501 backlog/PAY-2.md:4", "BL0101 backlog/PAY-3.md:9"]);
        var first = root.GetProperty("diagnostics")[0];
        first.GetProperty("severity").GetString().ShouldBe("warning");
        first.GetProperty("itemId").GetString().ShouldBe("PAY-1");
        first.GetProperty("column").GetInt32().ShouldBe(1);
        first.GetProperty("fingerprint").GetString().ShouldNotBeNullOrEmpty();
        first.GetProperty("helpUri").GetString().ShouldEndWith("/rules/BL0001.md");
        root.GetProperty("summary").GetProperty("total").GetInt32().ShouldBe(3);
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Text_report_uses_the_MSBuild_form_and_a_summary()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldContain("backlog/PAY-1.md(2,1): warning BL0001: Task 'PAY-1' is in-progress but has no owner");
        result.Stdout.ShouldContain("backlog/PAY-2.md(4,8): error BL0501: ");
        result.Stdout.ShouldContain("By rule:");
        result.Stdout.ShouldContain("By owner:");
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("none", 0)]
    public async Task Fail_on_sets_the_threshold_of_the_exit_code(string failOn, int expected)
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--fail-on", failOn);

        result.ExitCode.ShouldBe(expected, result.ToString());
    }

    [Fact]
    public async Task Warnings_alone_fail_only_from_warning_up()
    {
        _repository.Write("backlog/PAY-2.md", "---\nid: PAY-2\nstatus: todo\nowner: \"@dave\"\n---\n# Fixed\n");

        var onError = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23");
        var onWarning = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--fail-on", "warning");

        onError.ExitCode.ShouldBe(0, onError.ToString());
        onWarning.ExitCode.ShouldBe(1, onWarning.ToString());
    }

    [Fact]
    public async Task Output_writes_the_report_to_a_file()
    {
        var output = Path.Combine(_repository.Path, "report.json");

        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--format", "json", "--output", output);

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("diagnostics").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Configuration_changes_severities_and_options()
    {
        _repository.Write(".backloglint.yml", """
            rules:
              missing-owner: { severity: none }
              BL0101: { max-age: 1000d }
            """);

        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ShouldBe(["BL0501"]);
    }

    [Fact]
    public async Task A_folder_outside_git_is_checked_with_one_BL9001()
    {
        using var plain = TestRepository.Create(withGit: false);
        plain.Write("PAY-1.md", "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\n---\n# Plain folder\n");

        var result = await BackloglintProcess.RunAsync("check", plain.Path, "--now", "2026-11-23");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("backloglint: warning BL9001: Git history is unavailable: the folder is not in a git repository");
    }

    [Fact]
    public async Task A_planning_folder_inside_a_bigger_repository_reports_paths_from_the_repository_root()
    {
        _repository.Write("docs/planning/backlog/OPS-1.md", "---\nid: OPS-1\nstatus: doing\n---\n# Nested\n");

        var result = await BackloglintProcess.RunAsync("check", Path.Combine(_repository.Path, "docs", "planning"), "--now", "2026-11-23");

        result.Stdout.ShouldContain("docs/planning/backlog/OPS-1.md(2,1): warning BL0001:");
        result.Stdout.ShouldNotContain("PAY-1");
    }
}
