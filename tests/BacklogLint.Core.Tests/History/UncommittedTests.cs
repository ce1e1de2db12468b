using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.History;

/// <summary>An uncommitted change counts as touched today (DESIGN §1): a file changed in the working tree or not yet
/// tracked is dated today, and so are its lines the last commit does not have; a commit's own files are not.</summary>
public sealed class UncommittedTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private const string Agreement = """
        ---
        id: AGR-1
        type: agreement
        status: active
        owner: "@alice"
        ---
        # Working agreement

        ## Agreements
        - We pair on every incident review.
        """;

    [Fact]
    public void A_file_changed_in_the_working_tree_was_touched_today_and_its_unchanged_lines_keep_their_commit()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/AGR-1.md", Agreement).Write("backlog/AGR-2.md", Agreement.Replace("AGR-1", "AGR-2")).Commit("2025-01-10");
        test.Write("backlog/AGR-1.md", Agreement + "\n- We rotate the on-call lead weekly.\n");

        var repository = RepositoryLoader.Load(PlanningLocation.Find(test.Path), new BacklogLintConfig(), new LoadOptions { Today = Today });

        repository.History.LastChanged("backlog/AGR-1.md").ShouldBe(Today);
        repository.History.LastChanged("backlog/AGR-2.md").ShouldBe(new DateOnly(2025, 1, 10));
        repository.History.LastChanged("backlog/AGR-1.md", "- We pair on every incident review.").ShouldBe(new DateOnly(2025, 1, 10));
        repository.History.LastChanged("backlog/AGR-1.md", "- We rotate the on-call lead weekly.").ShouldBe(Today);
    }

    [Fact]
    public void An_untracked_file_was_touched_today_but_a_commit_of_the_same_tree_knows_only_its_commits()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/AGR-1.md", Agreement).Commit("2025-01-10");
        test.Write("backlog/AGR-3.md", Agreement.Replace("AGR-1", "AGR-3"));
        test.Write("backlog/AGR-1.md", Agreement + "\nMore.\n");
        var location = PlanningLocation.Find(test.Path);

        RepositoryLoader.Load(location, new BacklogLintConfig(), new LoadOptions { Today = Today }).History.LastChanged("backlog/AGR-3.md").ShouldBe(Today);
        var atHead = RepositoryLoader.LoadCommit(location, new BacklogLintConfig(), "HEAD");
        atHead.History.LastChanged("backlog/AGR-1.md").ShouldBe(new DateOnly(2025, 1, 10));
        atHead.History.IsUncommitted("backlog/AGR-1.md").ShouldBeFalse();
    }

    [Fact]
    public void A_file_staged_but_not_committed_was_touched_today()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/AGR-1.md", Agreement).Commit("2025-01-10");
        test.Write("backlog/AGR-1.md", Agreement + "\nStaged.\n");
        using (var git = new LibGit2Sharp.Repository(test.Path)) LibGit2Sharp.Commands.Stage(git, "backlog/AGR-1.md");

        RepositoryLoader.Load(PlanningLocation.Find(test.Path), new BacklogLintConfig(), new LoadOptions { Today = Today })
            .History.LastChanged("backlog/AGR-1.md").ShouldBe(Today);
    }
}
