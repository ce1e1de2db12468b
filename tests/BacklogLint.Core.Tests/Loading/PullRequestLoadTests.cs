using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Rules;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.Loading;

/// <summary>A pull request's base and head loaded together (one history walk, unchanged files parsed once) give what
/// loading each commit on its own gives.</summary>
public sealed class PullRequestLoadTests
{
    private static readonly BacklogLintConfig Config = new();

    /// <summary>main: c1, c2, then b1 (the base); the pull request branches at c2 (h1, h2); M merges it into b1, as
    /// GitHub's merge ref does.</summary>
    private static (TestRepository Test, string Base, string Head, string Merge) PullRequest()
    {
        var test = TestRepository.Create();
        test.Write("backlog/A.md", "---\nid: A\nstatus: active\nowner: \"@alice\"\n---\n## Agreements\n- 2025-01-01 @payments @sre: first. \n- 2025-01-02 @payments @sre: second.\n")
            .Write("backlog/B.md", "---\nid: B\nstatus: open\n---\n")
            .Write("backlog/C.md", "---\nid: C\nstatus: active\nowner: \"@carol\"\ndepends-on: [B]\n---\n")
            .Commit("2025-02-01");
        test.Write("backlog/B.md", "---\nid: B\nstatus: active\nowner: \"@bob\"\n---\n").Commit("2025-03-01");
        using var repository = new Repository(test.Path);
        var main = repository.Head;
        var branch = repository.CreateBranch("pr", repository.Head.Tip);

        Commands.Checkout(repository, branch);
        test.Write("backlog/C.md", "---\nid: C\nstatus: blocked\nowner: \"@carol\"\n---\n").Commit("2025-04-01");
        test.Write("backlog/D.md", "---\nid: D\nstatus: active\n---\n## Agreements\n- 2025-04-02 @payments: new.\n").Commit("2025-05-01");
        var head = repository.Head.Tip.Sha;

        Commands.Checkout(repository, main);
        test.Write("backlog/A.md", "---\nid: A\nstatus: active\nowner: \"@alice\"\n---\n## Agreements\n- 2025-01-01 @payments @sre: first. \n- 2025-06-02 @payments @sre: second, revisited.\n").Commit("2025-06-01");
        var @base = repository.Head.Tip.Sha;
        var signature = new LibGit2Sharp.Signature("github", "github@example.com", new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var merge = repository.Merge(branch, signature, new MergeOptions { FastForwardStrategy = FastForwardStrategy.NoFastForward }).Commit.Sha;
        return (test, @base, head, merge);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Base_and_head_loaded_together_equal_each_loaded_alone(bool headIsMergeCommit)
    {
        var (test, @base, head, merge) = PullRequest();
        using var _ = test;
        var location = PlanningLocation.Find(test.Path);
        var headCommit = headIsMergeCommit ? merge : head;

        var (basePair, headPair) = RepositoryLoader.LoadPair(location, Config, @base, headCommit);

        Describe(basePair).ShouldBe(Describe(RepositoryLoader.LoadCommit(location, Config, @base)));
        Describe(headPair).ShouldBe(Describe(RepositoryLoader.LoadCommit(location, Config, headCommit)));
    }

    [Fact]
    public void A_file_with_the_same_content_on_both_sides_is_parsed_once()
    {
        var (test, @base, head, _) = PullRequest();
        using var _ = test;

        var (basePair, headPair) = RepositoryLoader.LoadPair(PlanningLocation.Find(test.Path), Config, @base, head);

        headPair.Files.Single(f => f.Path == "backlog/B.md").ShouldBeSameAs(basePair.Files.Single(f => f.Path == "backlog/B.md"));
        headPair.Files.Single(f => f.Path == "backlog/C.md").ShouldNotBeSameAs(basePair.Files.Single(f => f.Path == "backlog/C.md"));
    }

    /// <summary>Every item's dates from git and every finding: what rules see of a repository.</summary>
    private static List<string> Describe(PlanningRepository repository)
    {
        var lines = repository.Items.SelectMany(item =>
            new[] { $"{item.Path} file {repository.History.LastChanged(item.Path)}" }
                .Concat(item.Agreements.Where(a => a.SourceLine is not null)
                    .Select(a => $"{item.Path} line '{a.SourceLine}' {repository.History.LastChanged(item.Path, a.SourceLine!)}")))
            .ToList();
        var engine = new AnalysisEngine(BuiltInRules.All);
        lines.AddRange(engine.AnalyzeWithSuppressions(repository, Config, new FixedTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))).Diagnostics
            .Select(d => $"{d.Id} {d.Path}({d.Span}) {d.Message}"));
        return lines;
    }
}
