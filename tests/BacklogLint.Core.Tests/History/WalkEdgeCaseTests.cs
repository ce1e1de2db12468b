using BacklogLint.Core.History;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.History;

/// <summary>The history walk where an entry changes kind, or an object cannot be read.</summary>
public sealed class WalkEdgeCaseTests
{
    private static readonly Dictionary<string, IReadOnlyCollection<string>> NoLines = [];

    /// <summary>A commit whose only entry is <c>backlog/x.md</c>, built with <paramref name="add"/>.</summary>
    private static LibGit2Sharp.Commit CommitTree(Repository repository, string date, Action<TreeDefinition> add)
    {
        var definition = new TreeDefinition();
        add(definition);
        var tree = repository.ObjectDatabase.CreateTree(definition);
        var signature = new LibGit2Sharp.Signature("alice", "alice@example.com", DateTimeOffset.Parse(date + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var parents = repository.Head.Tip is { } tip ? new[] { tip } : [];
        var commit = repository.ObjectDatabase.CreateCommit(signature, signature, "change", tree, parents, prettifyMessage: false);
        repository.Refs.UpdateTarget(repository.Refs.Head.ResolveToDirectReference() ?? repository.Refs.Head, commit.Id);
        if (repository.Head.Tip is null) repository.Refs.UpdateTarget("HEAD", commit.Id.Sha);
        return commit;
    }

    [Theory]
    [InlineData("submodule")]
    [InlineData("symlink")]
    public void File_that_replaces_a_submodule_or_link_of_the_same_name_is_dated_by_that_commit(string before)
    {
        using var test = TestRepository.Create();
        using var repository = new Repository(test.Path);
        var content = repository.ObjectDatabase.CreateBlob(new MemoryStream("line one\n"u8.ToArray()));
        var first = CommitTree(repository, "2026-01-01", tree => tree.Add("other.md", content, Mode.NonExecutableFile));
        CommitTree(repository, "2026-02-01", tree =>
        {
            if (before == "submodule") tree.AddGitLink("backlog/x.md", first.Id);
            else tree.Add("backlog/x.md", content, Mode.SymbolicLink);
        });
        CommitTree(repository, "2026-03-01", tree => tree.Add("backlog/x.md", content, Mode.NonExecutableFile));

        var history = GitHistoryReader.Read(repository, ["backlog/x.md"], new Dictionary<string, IReadOnlyCollection<string>> { ["backlog/x.md"] = ["line one"] });

        history.UnavailableReason.ShouldBeNull();
        history.LastChanged("backlog/x.md").ShouldBe(new DateOnly(2026, 3, 1));
        history.LastChanged("backlog/x.md", "line one").ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Fact]
    public void Missing_tree_object_in_history_throws_a_libgit2_error()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/a.md", "a1\n").Write("backlog/b.md", "b1\n").Commit("2026-01-01");
        test.Write("backlog/a.md", "a2\n").Commit("2026-02-01");
        test.Write("backlog/a.md", "a3\n").Commit("2026-03-01");
        using (var repository = new Repository(test.Path))
        {
            var folder = repository.Head.Tip.Parents.Single().Parents.Single()["backlog"].Target.Sha;
            File.Delete(Path.Combine(repository.Info.Path, "objects", folder[..2], folder[2..]));
        }

        using var reopened = new Repository(test.Path);
        // The loader turns a libgit2 error into "history unavailable"; an AggregateException from the parallel part
        // would crash it instead.
        Should.Throw<LibGit2SharpException>(() => GitHistoryReader.Read(reopened, ["backlog/a.md", "backlog/b.md"], NoLines));
    }

    [Fact]
    public void A_version_over_the_size_limit_is_not_read_line_by_line()
    {
        using var test = TestRepository.Create();
        test.Write("A.md", "- we pair on incidents\n" + new string('x', 500) + "\n").Commit("2025-01-10");
        test.Write("A.md", "- we pair on incidents\n").Commit("2026-02-01");
        var lines = new Dictionary<string, IReadOnlyCollection<string>> { ["A.md"] = ["- we pair on incidents"] };
        using var repository = new Repository(test.Path);

        GitHistoryReader.Read(repository, [new HistoryRequest(null, ["A.md"], lines)])[0]
            .LastChanged("A.md", "- we pair on incidents").ShouldBe(new DateOnly(2025, 1, 10));
        GitHistoryReader.Read(repository, [new HistoryRequest(null, ["A.md"], lines)], maxFileBytes: 100)[0]
            .LastChanged("A.md", "- we pair on incidents").ShouldBe(new DateOnly(2026, 2, 1), "the 2025 version is too large to read: the line is new as far as can be known");
    }
}
