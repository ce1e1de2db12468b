using BacklogLint.Core.Analysis;
using BacklogLint.Core.Comparison;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Rules;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.Comparison;

/// <summary>A pull request's two sides read from git objects, and what it did to the findings.</summary>
public sealed class PullRequestComparisonTests : IDisposable
{
    private static readonly FixedTimeProvider Now = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TestRepository _repository = TestRepository.Create();
    private readonly string _base;
    private readonly string _head;

    public PullRequestComparisonTests()
    {
        _repository
            .Write("plan/backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\n---\n# Unowned, fixed by the PR\n")
            .Write("plan/backlog/PAY-2.md", "---\nid: PAY-2\nstatus: todo\nteam: payments\n---\n# Unowned, untouched\n")
            .Write("code/README.md", "---\nid: NOT-PLANNING\nstatus: todo\n---\n# Outside the planning folder\n");
        _base = _repository.Commit("2026-11-01");
        _repository
            .Write("plan/backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\n---\n# Owned now\n")
            .Write("plan/backlog/PAY-3.md", "---\nid: PAY-3\nstatus: doing\n---\n# New and unowned\n");
        _head = _repository.Commit("2026-11-20");
        // The working tree differs from both commits: loading a commit must not read it.
        _repository.Write("plan/backlog/PAY-4.md", "---\nid: PAY-4\nstatus: todo\n---\n# Uncommitted\n");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_commit_is_read_from_git_objects_not_from_the_working_tree()
    {
        var location = PlanningLocation.Find(Path.Combine(_repository.Path, "plan"));

        var before = RepositoryLoader.LoadCommit(location, new BacklogLintConfig(), _base);
        var after = RepositoryLoader.LoadCommit(location, new BacklogLintConfig(), _head);

        before.Items.Select(i => i.Id.Value).ShouldBe(["PAY-1", "PAY-2"]);
        after.Items.Select(i => i.Id.Value).ShouldBe(["PAY-1", "PAY-2", "PAY-3"]);
        before.History.LastChanged("plan/backlog/PAY-1.md").ShouldBe(new DateOnly(2026, 11, 1));
        after.History.LastChanged("plan/backlog/PAY-1.md").ShouldBe(new DateOnly(2026, 11, 20));
    }

    [Fact]
    public void A_commit_that_is_not_in_the_clone_is_said_so()
    {
        var location = PlanningLocation.Find(_repository.Path);

        Should.Throw<NotFoundException>(() => RepositoryLoader.LoadCommit(location, new BacklogLintConfig(), new string('a', 40)));
    }

    [Fact]
    public void Findings_are_sorted_into_new_fixed_and_unchanged_by_fingerprint()
    {
        var location = PlanningLocation.Find(Path.Combine(_repository.Path, "plan"));
        var engine = new AnalysisEngine(BuiltInRules.All);
        var config = new BacklogLintConfig();

        var delta = FindingDelta.Compare(
            engine.Analyze(RepositoryLoader.LoadCommit(location, config, _base), config, Now),
            engine.Analyze(RepositoryLoader.LoadCommit(location, config, _head), config, Now));

        delta.New.Select(d => (d.Id, d.ItemId)).ShouldBe([("BL0001", "PAY-3")]);
        delta.Fixed.Select(d => (d.Id, d.ItemId)).ShouldBe([("BL0001", "PAY-1")]);
        delta.Unchanged.Select(d => (d.Id, d.ItemId)).ShouldBe([("BL0001", "PAY-2")]);
    }

    [Fact]
    public void Changed_files_are_those_added_or_modified_between_the_commits()
    {
        var location = PlanningLocation.Find(_repository.Path);

        ChangedFiles.Between(location.GitDirectory!, _base, _head)!.Order(StringComparer.Ordinal)
            .ShouldBe(["plan/backlog/PAY-1.md", "plan/backlog/PAY-3.md"]);
        ChangedFiles.Between(location.GitDirectory!, new string('b', 40), _head).ShouldBeNull();
    }
}
