using BacklogLint.Core.History;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.History;

public sealed class RenameFinderTests
{
    private const string Proposal = "# Deliver webhooks through the queue\n\nWebhooks are written to the queue first and delivered by a worker.\nThe worker retries with backoff.\n";

    private static IReadOnlyDictionary<string, PathMove> Find(TestRepository test, params string[] paths)
    {
        using var repository = new Repository(test.Path);
        return RenameFinder.Find(repository, paths);
    }

    [Fact]
    public void A_renamed_file_is_found_where_it_went_with_the_commit_and_its_date()
    {
        using var test = TestRepository.Create();
        test.Write("keps/0001-queue.md", Proposal).Commit("2024-01-10");
        File.Delete(test.FullPath("keps/0001-queue.md"));
        var move = test.Write("keps/0001-queue/README.md", Proposal + "Status: implementable\n").Commit("2025-03-01");
        test.Write("keps/other.md", "x\n").Commit("2025-04-01");

        var found = Find(test, "keps/0001-queue.md");

        found["keps/0001-queue.md"].ShouldBe(new PathMove("keps/0001-queue/README.md", move[..7], new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void A_deleted_file_has_no_place_to_go_and_a_renamed_one_that_is_gone_again_neither()
    {
        using var test = TestRepository.Create();
        test.Write("a/notes.md", "# Notes\n\nAlice, Bob.\n").Write("a/plan.md", Proposal).Commit("2024-01-10");
        File.Delete(test.FullPath("a/notes.md"));
        test.Commit("2024-02-01");
        File.Delete(test.FullPath("a/plan.md"));
        test.Write("b/plan.md", Proposal).Commit("2024-03-01");
        File.Delete(test.FullPath("b/plan.md"));
        test.Commit("2024-04-01");

        var found = Find(test, "a/notes.md", "a/plan.md", "a/never.md");

        found["a/notes.md"].To.ShouldBeNull();
        found["a/notes.md"].Date.ShouldBe(new DateOnly(2024, 2, 1));
        found["a/plan.md"].To.ShouldBeNull("b/plan.md is gone too");
        found.ShouldNotContainKey("a/never.md");
    }

    [Fact]
    public void A_link_left_behind_when_its_own_file_moved_down_a_folder_finds_the_file_above()
    {
        using var test = TestRepository.Create();
        test.Write("keps/0001-queue.md", Proposal).Commit("2024-01-10");
        File.Delete(test.FullPath("keps/0001-queue.md"));
        test.Write("keps/0001-queue/README.md", Proposal).Commit("2025-03-01");

        // keps/0002-retry/README.md once was keps/0002-retry.md and linked 0001-queue.md beside it.
        Find(test, "keps/0002-retry/0001-queue.md")["keps/0002-retry/0001-queue.md"].To.ShouldBe("keps/0001-queue/README.md");
    }
}
