using BacklogLint.Core.History;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.History;

public sealed class GitHistoryReaderTests
{
    private static readonly Dictionary<string, IReadOnlyCollection<string>> NoLines = [];

    private static HistoryIndex Read(TestRepository test, IReadOnlyCollection<string> files, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? lines = null)
    {
        using var repository = new Repository(test.Path);
        return GitHistoryReader.Read(repository, files, lines ?? NoLines);
    }

    [Fact]
    public void Each_file_is_dated_by_the_newest_commit_that_changed_it()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "a1\n").Commit("2026-01-10");
        test.Write("backlog/B.md", "b1\n").Commit("2026-02-10");
        test.Write("backlog/C.md", "c1\n").Commit("2026-03-10");
        test.Write("backlog/A.md", "a2\n").Commit("2026-04-10");
        test.Write("README.md", "r\n").Commit("2026-05-10");

        var history = Read(test, ["backlog/A.md", "backlog/B.md", "backlog/C.md"]);

        history.UnavailableReason.ShouldBeNull();
        history.LastChanged("backlog/A.md").ShouldBe(new DateOnly(2026, 4, 10));
        history.LastChanged("backlog/B.md").ShouldBe(new DateOnly(2026, 2, 10));
        history.LastChanged("backlog/C.md").ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public void File_date_is_the_utc_date_of_the_author_date()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/LATE.md", "x\n").Commit(new DateTimeOffset(2026, 5, 1, 23, 30, 0, TimeSpan.FromHours(-5)));
        test.Write("backlog/EARLY.md", "y\n").Commit(new DateTimeOffset(2026, 5, 3, 1, 0, 0, TimeSpan.FromHours(9)));

        var history = Read(test, ["backlog/LATE.md", "backlog/EARLY.md"]);

        history.LastChanged("backlog/LATE.md").ShouldBe(new DateOnly(2026, 5, 2));
        history.LastChanged("backlog/EARLY.md").ShouldBe(new DateOnly(2026, 5, 2));
    }

    [Fact]
    public void Walk_stops_once_every_file_is_dated()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "a\n").Commit("2026-01-01");
        for (var day = 2; day <= 6; day++) test.Write("other/B.md", $"{day}\n").Commit($"2026-01-0{day}");
        test.Write("backlog/A.md", "a2\n").Commit("2026-02-01");

        var history = Read(test, ["backlog/A.md"]);

        history.LastChanged("backlog/A.md").ShouldBe(new DateOnly(2026, 2, 1));
        history.CommitsWalked.ShouldBe(1);
    }

    [Fact]
    public void Untracked_file_has_no_date()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "a\n").Commit("2026-01-10");
        test.Write("backlog/NEW.md", "new\n");

        var history = Read(test, ["backlog/A.md", "backlog/NEW.md"]);

        history.LastChanged("backlog/A.md").ShouldBe(new DateOnly(2026, 1, 10));
        history.LastChanged("backlog/NEW.md").ShouldBeNull();
    }

    [Fact]
    public void Files_in_several_folders_are_all_dated()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "a\n").Commit("2026-01-10");
        test.Write("agreements/AGR-1.md", "g\n").Commit("2026-02-10");
        test.Write("backlog/deep/er/D.md", "d\n").Commit("2026-03-10");
        test.Write("other/X.md", "x\n").Write("agreements/notes/N.md", "n\n").Commit("2026-04-10");

        var history = Read(test, ["backlog/A.md", "agreements/AGR-1.md", "backlog/deep/er/D.md"]);

        history.LastChanged("backlog/A.md").ShouldBe(new DateOnly(2026, 1, 10));
        history.LastChanged("agreements/AGR-1.md").ShouldBe(new DateOnly(2026, 2, 10));
        history.LastChanged("backlog/deep/er/D.md").ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public void Files_in_folders_whose_names_share_a_prefix_are_all_dated()
    {
        using var test = TestRepository.Create();
        test.Write("plan/A.md", "a\n").Commit("2026-01-10");
        test.Write("planning/B.md", "b\n").Commit("2026-02-10");
        test.Write("planning-old/C.md", "c\n").Commit("2026-03-10");

        var history = Read(test, ["plan/A.md", "planning/B.md"]);

        history.LastChanged("plan/A.md").ShouldBe(new DateOnly(2026, 1, 10));
        history.LastChanged("planning/B.md").ShouldBe(new DateOnly(2026, 2, 10));
    }

    [Fact]
    public void Files_under_one_deep_folder_created_after_the_first_commit_are_dated()
    {
        using var test = TestRepository.Create();
        test.Write("README.md", "r\n").Commit("2026-01-01");
        test.Write("docs/planning/backlog/A.md", "a\n").Commit("2026-02-10");
        test.Write("docs/planning/backlog/B.md", "b\n").Write("docs/other.md", "o\n").Commit("2026-03-10");
        test.Write("docs/other.md", "o2\n").Commit("2026-04-10");

        var history = Read(test, ["docs/planning/backlog/A.md", "docs/planning/backlog/B.md"]);

        history.LastChanged("docs/planning/backlog/A.md").ShouldBe(new DateOnly(2026, 2, 10));
        history.LastChanged("docs/planning/backlog/B.md").ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public void File_at_the_root_is_dated()
    {
        using var test = TestRepository.Create();
        test.Write("PAY-1.md", "a\n").Commit("2026-01-10");
        test.Write("backlog/B.md", "b\n").Commit("2026-02-10");

        var history = Read(test, ["PAY-1.md"]);

        history.LastChanged("PAY-1.md").ShouldBe(new DateOnly(2026, 1, 10));
    }

    private const string AgreementOne = "- 2025-01-03 @payments @sre: webhooks are delivered at least once.";
    private const string AgreementTwo = "- 2025-01-03 @payments @sre: retries back off.";
    private const string AgreementTwoEdited = "- 2025-01-03 @payments @sre: retries back off exponentially.";

    [Fact]
    public void Line_keeps_the_date_it_was_committed_when_other_lines_change_later()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", $"---\nid: PAY-1\nstatus: open\n---\n## Agreements\n{AgreementOne}\n{AgreementTwo}\n").Commit("2025-01-05");
        test.Write("backlog/PAY-1.md", $"---\nid: PAY-1\nstatus: done\n---\n## Agreements\n{AgreementOne}\n{AgreementTwo}\n").Commit("2026-06-01");
        test.Write("backlog/PAY-1.md", $"---\nid: PAY-1\nstatus: done\n---\n## Agreements\n{AgreementOne}\n{AgreementTwoEdited}\n").Commit("2026-07-01");

        var history = Read(test, ["backlog/PAY-1.md"],
            new Dictionary<string, IReadOnlyCollection<string>> { ["backlog/PAY-1.md"] = [AgreementOne, AgreementTwoEdited] });

        history.LastChanged("backlog/PAY-1.md").ShouldBe(new DateOnly(2026, 7, 1));
        history.LastChanged("backlog/PAY-1.md", AgreementOne).ShouldBe(new DateOnly(2025, 1, 5));
        history.LastChanged("backlog/PAY-1.md", AgreementTwoEdited).ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void Line_moved_down_by_inserted_lines_keeps_its_date()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", $"## Agreements\n{AgreementOne}\n").Commit("2025-01-05");
        test.Write("backlog/PAY-1.md", $"intro\nmore intro\n\n## Agreements\n{AgreementTwo}\n{AgreementOne}\n").Commit("2026-06-01");

        var history = Read(test, ["backlog/PAY-1.md"],
            new Dictionary<string, IReadOnlyCollection<string>> { ["backlog/PAY-1.md"] = [AgreementOne, AgreementTwo] });

        history.LastChanged("backlog/PAY-1.md", AgreementOne).ShouldBe(new DateOnly(2025, 1, 5));
        history.LastChanged("backlog/PAY-1.md", AgreementTwo).ShouldBe(new DateOnly(2026, 6, 1));
    }

    [Fact]
    public void Line_with_crlf_endings_is_dated()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", $"## Agreements\r\n{AgreementOne}\r\n").Commit("2025-01-05");
        test.Write("backlog/PAY-1.md", $"## Agreements\r\n{AgreementOne}\r\n{AgreementTwo}\r\n").Commit("2026-06-01");

        var history = Read(test, ["backlog/PAY-1.md"],
            new Dictionary<string, IReadOnlyCollection<string>> { ["backlog/PAY-1.md"] = [AgreementOne] });

        history.LastChanged("backlog/PAY-1.md", AgreementOne).ShouldBe(new DateOnly(2025, 1, 5));
    }

    [Fact]
    public void Uncommitted_line_has_no_date()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", $"## Agreements\n{AgreementOne}\n").Commit("2025-01-05");
        test.Write("backlog/PAY-1.md", $"## Agreements\n{AgreementOne}\n{AgreementTwo}\n");

        var history = Read(test, ["backlog/PAY-1.md"],
            new Dictionary<string, IReadOnlyCollection<string>> { ["backlog/PAY-1.md"] = [AgreementOne, AgreementTwo] });

        history.LastChanged("backlog/PAY-1.md", AgreementOne).ShouldBe(new DateOnly(2025, 1, 5));
        history.LastChanged("backlog/PAY-1.md", AgreementTwo).ShouldBeNull();
    }

    [Fact]
    public void Shallow_clone_is_unavailable_with_a_reason()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "a\n").Commit("2026-01-10");
        test.Write("backlog/A.md", "a2\n").Commit("2026-02-10");
        test.MakeShallow();

        var history = Read(test, ["backlog/A.md"]);

        history.UnavailableReason.ShouldNotBeNull().ShouldContain("shallow");
        history.LastChanged("backlog/A.md").ShouldBeNull();
    }

    [Fact]
    public void Repository_without_commits_is_unavailable_with_a_reason()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "a\n");

        var history = Read(test, ["backlog/A.md"]);

        history.UnavailableReason.ShouldNotBeNull().ShouldContain("no commits");
        history.LastChanged("backlog/A.md").ShouldBeNull();
    }

    [Fact]
    public void Files_in_sibling_and_nested_folders_are_each_dated_by_their_own_last_commit()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "a1\n").Write("backlog/sub/B.md", "b1\n").Write("agreements/C.md", "c1\n").Commit("2026-01-10");
        test.Write("backlog/sub/B.md", "b2\n").Commit("2026-02-10");
        test.Write("agreements/C.md", "c2\n").Write("code/x.cs", "x\n").Commit("2026-03-10");
        test.Write("backlog/A.md", "a2\n").Commit("2026-04-10");

        var history = Read(test, ["backlog/A.md", "backlog/sub/B.md", "agreements/C.md"]);

        history.LastChanged("backlog/A.md").ShouldBe(new DateOnly(2026, 4, 10));
        history.LastChanged("backlog/sub/B.md").ShouldBe(new DateOnly(2026, 2, 10));
        history.LastChanged("agreements/C.md").ShouldBe(new DateOnly(2026, 3, 10));
    }
}
