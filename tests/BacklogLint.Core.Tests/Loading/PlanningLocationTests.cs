using System.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.Loading;

/// <summary>Finding the repository around the folder checked, through libgit2's discovery as git does it (our own
/// binding: LibGit2Sharp's returned null when the tool was compiled ahead of time, and every check then ran without
/// history). The native build runs the end-to-end suites too (.ci/install-test).</summary>
public sealed class PlanningLocationTests
{
    private static readonly char Separator = Path.DirectorySeparatorChar;

    [Fact]
    public void A_folder_deep_in_a_work_tree_finds_its_git_directory_and_work_tree()
    {
        using var test = TestRepository.Create();
        test.Write("planning/backlog/A-1.md", "# A\n").Commit("2026-01-01");
        var root = PlanningLocation.WithoutLinks(test.Path);

        var location = PlanningLocation.Find(test.FullPath("planning/backlog"));

        location.GitDirectory.ShouldBe(Path.Combine(root, ".git") + Separator);
        location.WorkTree.ShouldBe(root);
        location.RelativePath(test.FullPath("planning/backlog/A-1.md")).ShouldBe("planning/backlog/A-1.md");
    }

    [Fact]
    public void A_folder_outside_git_has_neither()
    {
        using var test = TestRepository.Create(withGit: false);
        test.Write("backlog/A-1.md", "# A\n");

        var location = PlanningLocation.Find(test.FullPath("backlog"));

        location.GitDirectory.ShouldBeNull();
        location.WorkTree.ShouldBeNull();
        location.PathBase.ShouldBe(PlanningLocation.WithoutLinks(test.FullPath("backlog")));
    }

    [Fact]
    public void A_linked_work_tree_finds_its_own_git_directory_through_its_git_file()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A-1.md", "# A\n").Commit("2026-01-01");
        var linked = Path.Combine(Path.GetTempPath(), "backloglint-tests", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            // As users make them, with git's own command.
            using (var git = Process.Start(new ProcessStartInfo("git", ["-C", test.Path, "worktree", "add", "-q", "-b", "side", linked]))!)
            {
                git.WaitForExit();
                git.ExitCode.ShouldBe(0);
            }

            File.Exists(Path.Combine(linked, ".git")).ShouldBeTrue("a linked work tree's .git is a file naming its git directory");

            var location = PlanningLocation.Find(Path.Combine(linked, "backlog"));

            location.WorkTree.ShouldBe(PlanningLocation.WithoutLinks(linked));
            location.GitDirectory.ShouldBe(Path.Combine(PlanningLocation.WithoutLinks(test.Path), ".git", "worktrees", Path.GetFileName(linked)) + Separator);
        }
        finally
        {
            if (Directory.Exists(linked)) Directory.Delete(linked, recursive: true);
        }
    }

    [Fact]
    public void A_bare_repository_has_no_work_tree_to_check()
    {
        var bare = Path.Combine(Path.GetTempPath(), "backloglint-tests", Guid.NewGuid().ToString("N")[..12] + ".git");
        try
        {
            Repository.Init(bare, isBare: true);

            var location = PlanningLocation.Find(bare);

            location.GitDirectory.ShouldBeNull();
            location.WorkTree.ShouldBeNull();
        }
        finally
        {
            if (Directory.Exists(bare)) Directory.Delete(bare, recursive: true);
        }
    }
}
