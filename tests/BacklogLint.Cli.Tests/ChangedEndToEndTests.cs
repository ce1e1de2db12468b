using System.Text.Json;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Cli.Tests;

/// <summary><c>check --changed</c> on real git repositories: a branch off the default branch, with commits, staged and
/// unstaged edits and untracked files.</summary>
public sealed class ChangedEndToEndTests : IDisposable
{
    private const string Now = "2026-11-23";
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private static string Item(string id, string extra = "") => $"---\nid: {id}\nstatus: todo\n{extra}---\n# {id}\n";

    /// <summary>main: PAY-1 and PAY-2 without owners. The branch <c>feature</c> then commits PAY-3 (no owner) and PAY-4,
    /// whose id is PAY-1's: a cross-item finding on a changed and an unchanged file.</summary>
    private string BranchOffMain()
    {
        _repository.Write("backlog/PAY-1.md", Item("PAY-1")).Write("backlog/PAY-2.md", Item("PAY-2"));
        var first = _repository.Commit("2026-11-01");
        using (var git = new Repository(_repository.Path))
        {
            git.Branches.Add("main", first, allowOverwrite: true);
            LibGit2Sharp.Commands.Checkout(git, git.Branches.Add("feature", first));
        }

        _repository.Write("backlog/PAY-3.md", Item("PAY-3")).Write("backlog/PAY-4.md", Item("PAY-1", "owner: \"@alice\"\n"));
        return _repository.Commit("2026-11-02");
    }

    private async Task<(ProcessResult Result, List<(string Id, string Path)> Findings)> CheckChangedAsync(params string[] more)
    {
        var result = await BackloglintProcess.RunAsync(["check", _repository.Path, "--now", Now, "--format", "json", "--changed", .. more]);
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("id").GetString()!, d.GetProperty("path").GetString() ?? "(repository)"))
            .ToList();
        return (result, findings);
    }

    [Fact]
    public async Task Reports_only_the_files_the_branch_committed_changed_while_cross_item_rules_see_every_item()
    {
        BranchOffMain();

        var (result, findings) = await CheckChangedAsync();

        result.ExitCode.ShouldBe(1, result.ToString());
        findings.ShouldBe([("BL0001", "backlog/PAY-3.md"), ("BL0404", "backlog/PAY-4.md")], ignoreOrder: true);
        result.Stderr.ShouldContain("2 changed files against main at ");
    }

    [Fact]
    public async Task Uncommitted_staged_and_untracked_files_count_as_changed_and_deleted_ones_do_not()
    {
        BranchOffMain();
        _repository.Write("backlog/PAY-2.md", Item("PAY-2", "due: 2026-01-01\n"));          // unstaged edit
        _repository.Write("backlog/PAY-5.md", Item("PAY-5"));                             // untracked
        _repository.Write("backlog/notes/PAY-6.md", Item("PAY-6"));                       // untracked, in a new folder
        File.Delete(_repository.FullPath("backlog/PAY-3.md"));                            // deleted

        var (result, findings) = await CheckChangedAsync();

        findings.Select(f => f.Path).Distinct().ShouldBe(
            ["backlog/PAY-2.md", "backlog/PAY-4.md", "backlog/PAY-5.md", "backlog/notes/PAY-6.md"], ignoreOrder: true, result.ToString());
        findings.ShouldContain(("BL0302", "backlog/PAY-2.md"));
    }

    [Fact]
    public async Task The_default_branch_is_what_origin_HEAD_points_at_before_a_local_main()
    {
        var pushed = BranchOffMain();                       // origin/main has PAY-3 and PAY-4 already
        _repository.Write("backlog/PAY-7.md", Item("PAY-7"));
        _repository.Commit("2026-11-03");
        using (var git = new Repository(_repository.Path))
        {
            git.Refs.Add("refs/remotes/origin/main", pushed);
            git.Refs.Add("refs/remotes/origin/HEAD", "refs/remotes/origin/main");
        }

        var (result, findings) = await CheckChangedAsync();

        findings.ShouldBe([("BL0001", "backlog/PAY-7.md")], result.ToString());
        result.Stderr.ShouldContain("against origin/main at ");
    }

    [Fact]
    public async Task On_the_default_branch_itself_only_uncommitted_changes_are_reported()
    {
        BranchOffMain();
        using (var git = new Repository(_repository.Path)) LibGit2Sharp.Commands.Checkout(git, git.Branches["main"]);

        var (clean, none) = await CheckChangedAsync();
        _repository.Write("backlog/PAY-1.md", Item("PAY-1", "due: 2026-01-01\n"));
        var (_, edited) = await CheckChangedAsync();

        clean.ExitCode.ShouldBe(0, clean.ToString());
        none.ShouldBeEmpty();
        edited.ShouldBe([("BL0001", "backlog/PAY-1.md"), ("BL0302", "backlog/PAY-1.md")], ignoreOrder: true);
    }

    [Fact]
    public async Task Without_a_default_branch_it_says_so_and_checks_uncommitted_changes()
    {
        _repository.Write("backlog/PAY-1.md", Item("PAY-1"));
        var first = _repository.Commit("2026-11-01");
        using (var git = new Repository(_repository.Path))
        {
            LibGit2Sharp.Commands.Checkout(git, git.Branches.Add("trunk", first));
            foreach (var other in git.Branches.Where(b => !b.IsRemote && b.FriendlyName != "trunk").ToList()) git.Branches.Remove(other);
        }

        _repository.Write("backlog/PAY-2.md", Item("PAY-2"));

        var (result, findings) = await CheckChangedAsync();

        result.Stderr.ShouldContain("no default branch found");
        findings.ShouldBe([("BL0001", "backlog/PAY-2.md")]);
    }

    [Fact]
    public async Task Outside_git_it_is_a_usage_error()
    {
        using var plain = TestRepository.Create(withGit: false);
        plain.Write("backlog/PAY-1.md", Item("PAY-1"));

        var result = await BackloglintProcess.RunAsync("check", plain.Path, "--changed");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--changed");
        result.Stderr.ShouldContain("not in a git work tree");
    }
}
