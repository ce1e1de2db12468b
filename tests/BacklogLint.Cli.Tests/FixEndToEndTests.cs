using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary><c>check --fix</c> and <c>--fix-dry-run</c> through the real tool, on a real git repository.</summary>
public sealed class FixEndToEndTests : IDisposable
{
    private const string BareOwner = "---\nid: PAY-1\nstatus: todo\nowner: @alice\n---\n# Webhooks\n";
    private const string StatusTypo = "---\nid: PAY-2\nstatus: in-progres\nupdated: 2026-11-20\n---\n# Queue, nobody owns it\n";
    private readonly TestRepository _repository = TestRepository.Create();

    public FixEndToEndTests()
    {
        _repository.Write("backlog/PAY-1.md", BareOwner).Write("backlog/PAY-2.md", StatusTypo).Commit("2026-11-20");
    }

    public void Dispose() => _repository.Dispose();

    private string Read(string path) => File.ReadAllText(_repository.FullPath(path));

    [Fact]
    public async Task Fix_writes_the_safe_fixes_says_how_many_and_reports_what_remains()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--fix", "--now", "2026-11-23");

        result.ExitCode.ShouldBe(0, "only a warning remains: " + result);
        result.Stderr.ShouldContain("backloglint: --fix: applied 2 fixes in 2 files");
        Read("backlog/PAY-1.md").ShouldBe(BareOwner.Replace("@alice", "\"@alice\"", StringComparison.Ordinal));
        Read("backlog/PAY-2.md").ShouldBe(StatusTypo.Replace("in-progres", "in-progress", StringComparison.Ordinal));
        result.Stdout.ShouldContain("backlog/PAY-2.md(2,1): warning BL0001:");
        result.Stdout.ShouldNotContain("BL0501");
        result.Stdout.ShouldNotContain("BL0502");

        var again = await BackloglintProcess.RunAsync("check", _repository.Path, "--fix", "--now", "2026-11-23");
        again.Stderr.ShouldContain("applied 0 fixes in 0 files");
    }

    [Fact]
    public async Task Fix_dry_run_prints_the_diff_writes_nothing_and_exits_as_fix_would()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--fix-dry-run", "--now", "2026-11-23");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe("""
            --- a/backlog/PAY-1.md
            +++ b/backlog/PAY-1.md
            @@ -1,6 +1,6 @@
             ---
             id: PAY-1
             status: todo
            -owner: @alice
            +owner: "@alice"
             ---
             # Webhooks
            --- a/backlog/PAY-2.md
            +++ b/backlog/PAY-2.md
            @@ -1,6 +1,6 @@
             ---
             id: PAY-2
            -status: in-progres
            +status: in-progress
             updated: 2026-11-20
             ---
             # Queue, nobody owns it

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        result.Stderr.ShouldContain("backloglint: --fix-dry-run: 2 fixes would be applied in 2 files; nothing was written");
        Read("backlog/PAY-1.md").ShouldBe(BareOwner);
        Read("backlog/PAY-2.md").ShouldBe(StatusTypo);
    }

    [Fact]
    public async Task Without_fixes_the_check_fails_on_the_errors_they_would_remove()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23");

        result.ExitCode.ShouldBe(1, result.ToString());
    }

    [Fact]
    public async Task Fix_and_fix_dry_run_together_are_a_usage_error()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--fix", "--fix-dry-run");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--fix and --fix-dry-run cannot be used together");
        Read("backlog/PAY-1.md").ShouldBe(BareOwner);
    }

    [Fact]
    public async Task Rules_marks_the_rules_that_have_fixes()
    {
        var result = await BackloglintProcess.RunAsync("rules");

        result.Stdout.Split('\n').Where(line => line.Contains("(--fix)", StringComparison.Ordinal)).Select(line => line[..6])
            .ShouldBe(["BL0401", "BL0501", "BL0502", "BL0601"]);
    }
}
