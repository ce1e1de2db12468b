using BacklogLint.Core.History;
using BacklogLint.Core.Loading;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.History;

/// <summary>A commit in <c>.git-blame-ignore-revs</c> is no change (DESIGN §1 "Lifecycle per format"): what it
/// rewrote keeps the date of the change before it, as <c>git blame --ignore-revs-file</c> shows it.</summary>
public sealed class IgnoreRevsTests
{
    private static readonly Dictionary<string, IReadOnlyCollection<string>> NoLines = [];

    private static HistoryIndex Read(
        TestRepository test, IReadOnlyCollection<string> files, IReadOnlyCollection<string> ignored, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? lines = null)
    {
        using var repository = new Repository(test.Path);
        return GitHistoryReader.Read(repository, [new HistoryRequest(null, files, lines ?? NoLines)], ignoredCommits: ignored)[0];
    }

    [Fact]
    public void A_file_an_ignored_commit_changed_keeps_the_date_of_the_change_before()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "a\n").Commit("2025-01-10");
        var reformat = test.Write("backlog/A.md", "a  \n\n").Commit("2026-06-01", message: "prettier");
        test.Write("backlog/B.md", "b\n").Commit("2026-07-01");

        Read(test, ["backlog/A.md"], [reformat]).LastChanged("backlog/A.md").ShouldBe(new DateOnly(2025, 1, 10));
        Read(test, ["backlog/A.md"], []).LastChanged("backlog/A.md").ShouldBe(new DateOnly(2026, 6, 1));
    }

    [Fact]
    public void A_line_an_ignored_commit_rewrote_takes_the_date_of_the_files_change_before_it()
    {
        using var test = TestRepository.Create();
        test.Write("A.md", "- rule one\n").Commit("2025-01-10");
        test.Write("A.md", "- rule one\n- rule two\n").Commit("2025-03-10");
        var reformat = test.Write("A.md", "* rule one\n* rule two\n").Commit("2026-06-01", message: "bullets");
        test.Write("A.md", "* rule one\n* rule two\n* rule three\n").Commit("2026-08-01");
        var lines = new Dictionary<string, IReadOnlyCollection<string>> { ["A.md"] = ["* rule one", "* rule two", "* rule three"] };

        var history = Read(test, ["A.md"], [reformat[..10]], lines);

        history.LastChanged("A.md", "* rule one").ShouldBe(new DateOnly(2025, 3, 10));
        history.LastChanged("A.md", "* rule two").ShouldBe(new DateOnly(2025, 3, 10));
        history.LastChanged("A.md", "* rule three").ShouldBe(new DateOnly(2026, 8, 1));
        history.LastChanged("A.md").ShouldBe(new DateOnly(2026, 8, 1));
    }

    [Fact]
    public void A_file_an_ignored_commit_created_is_dated_by_it()
    {
        using var test = TestRepository.Create();
        test.Write("other.md", "x\n").Commit("2025-01-10");
        var created = test.Write("A.md", "a\n").Commit("2026-02-01", message: "import");

        Read(test, ["A.md"], [created]).LastChanged("A.md").ShouldBe(new DateOnly(2026, 2, 1));
    }

    [Fact]
    public void Revisions_the_clone_does_not_have_are_left_out()
    {
        using var test = TestRepository.Create();
        test.Write("A.md", "a\n").Commit("2025-01-10");
        test.Write("A.md", "b\n").Commit("2026-02-01");

        Read(test, ["A.md"], [new string('e', 40), "not a revision", "refs/heads/nowhere"]).LastChanged("A.md").ShouldBe(new DateOnly(2026, 2, 1));
    }

    [Fact]
    public void The_file_is_git_blames_one_revision_per_line_with_comments()
    {
        IgnoreRevs.Parse("# Prettier\r\n1111111111111111111111111111111111111111\n\n  2222222  # licence headers\n#3333\n")
            .ShouldBe(["1111111111111111111111111111111111111111", "2222222"]);
    }

    [Fact]
    public void The_conventional_file_at_the_root_is_read_else_the_one_git_config_names_and_the_configuration_wins()
    {
        using var test = TestRepository.Create();
        test.Write("planning/A.md", "a\n").Write(".git-blame-ignore-revs", "aaaa\n").Write("revs/ours", "bbbb\n").Commit("2025-01-10");
        var location = PlanningLocation.Find(Path.Combine(test.Path, "planning"));
        using var repository = new Repository(test.Path);

        IgnoreRevs.Read(repository, location, configured: null).ShouldBe(["aaaa"]);
        repository.Config.Set("blame.ignoreRevsFile", "revs/ours");
        IgnoreRevs.Read(repository, location, configured: null).ShouldBe(["bbbb"]);
        IgnoreRevs.Read(repository, location, configured: test.FullPath(".git-blame-ignore-revs")).ShouldBe(["aaaa"]);
        IgnoreRevs.Read(repository, location, configured: "").ShouldBeEmpty();
    }
}
