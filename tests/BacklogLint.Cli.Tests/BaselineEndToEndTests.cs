using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary><c>baseline</c>, <c>check --baseline</c>, <c>--strict-baseline</c> and <c>init</c>, through the real tool.</summary>
public sealed class BaselineEndToEndTests : IDisposable
{
    private const string Item = """
        ---
        id: PAY-1
        status: todo
        team: payments
        ---
        # Nobody owns this
        """;

    private readonly TestRepository _repository = TestRepository.Create();

    public BaselineEndToEndTests()
    {
        _repository.Write("backlog/PAY-1.md", Item).Write("backlog/PAY-2.md", Item.Replace("PAY-1", "PAY-2", StringComparison.Ordinal));
        _repository.Commit("2026-11-20");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Baselined_findings_stay_accepted_when_lines_move_and_only_new_ones_fail()
    {
        var written = await BackloglintProcess.RunAsync("baseline", _repository.Path, "--now", "2026-11-23");
        written.ExitCode.ShouldBe(0, written.ToString());
        File.Exists(Path.Combine(_repository.Path, ".backloglint-baseline.json")).ShouldBeTrue();

        // Lines inserted above the finding move it from line 2 to line 4: still the same finding.
        _repository.Write("backlog/PAY-1.md", Item.Replace("---\nid:", "---\ntitle: Moved\ncreated: 2026-11-01\nid:", StringComparison.Ordinal));
        _repository.Write("backlog/PAY-3.md", Item.Replace("PAY-1", "PAY-3", StringComparison.Ordinal));
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--format", "json", "--fail-on", "warning");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("itemId").GetString()).ShouldBe(["PAY-3"]);
        json.RootElement.GetProperty("summary").GetProperty("baselined").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Strict_baseline_fails_when_a_baselined_finding_is_fixed()
    {
        await BackloglintProcess.RunAsync("baseline", _repository.Path, "--now", "2026-11-23");
        _repository.Write("backlog/PAY-2.md", Item.Replace("PAY-1", "PAY-2", StringComparison.Ordinal).Replace("team: payments", "owner: \"@bob\"", StringComparison.Ordinal));

        var lenient = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--fail-on", "warning");
        var strict = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--fail-on", "warning", "--strict-baseline");

        lenient.ExitCode.ShouldBe(0, lenient.ToString());
        strict.ExitCode.ShouldBe(1, strict.ToString());
        strict.Stdout.ShouldContain("1 baselined finding no longer found: run 'backloglint baseline' to shrink the baseline.");
    }

    [Fact]
    public async Task Quiet_strict_baseline_says_why_it_fails_when_only_the_baseline_can_shrink()
    {
        (await BackloglintProcess.RunAsync("baseline", _repository.Path, "--now", "2026-11-23")).ExitCode.ShouldBe(0);
        _repository.Write("backlog/PAY-2.md", Item.Replace("PAY-1", "PAY-2", StringComparison.Ordinal).Replace("team: payments", "owner: \"@bob\"", StringComparison.Ordinal));

        var strict = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--strict-baseline", "--quiet");

        strict.ExitCode.ShouldBe(1, strict.ToString());
        strict.Lines.ShouldBe(["1 baselined finding no longer found: run 'backloglint baseline' to shrink the baseline."]);
    }

    [Fact]
    public async Task A_baseline_that_is_not_one_is_a_usage_error()
    {
        var path = Path.Combine(_repository.Path, "not-a-baseline.json");
        File.WriteAllText(path, "{ \"findings\": 3 }");

        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--baseline", path);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("not-a-baseline.json");
    }

    [Fact]
    public async Task Init_writes_a_config_that_check_accepts_and_does_not_overwrite_it()
    {
        var first = await BackloglintProcess.RunAsync("init", _repository.Path);
        var second = await BackloglintProcess.RunAsync("init", _repository.Path);
        var check = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23");

        first.ExitCode.ShouldBe(0, first.ToString());
        File.ReadAllText(Path.Combine(_repository.Path, ".backloglint.yml")).ShouldContain("items: [\"backlog/**/*.md\"]");
        second.ExitCode.ShouldBe(2);
        second.Stderr.ShouldContain("--force");
        check.ExitCode.ShouldBe(0, check.ToString());
    }
}
