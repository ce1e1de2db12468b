using BacklogLint.Core.History;
using BacklogLint.Core.Loading;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Loading;

/// <summary>Files read from a commit's objects through pooled raw readers.</summary>
public sealed class CommitSourceTests
{
    [Fact]
    public void Disposing_twice_frees_the_pooled_readers_once()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/a.md", "a\n").Commit("2026-01-01");
        var source = new CommitSource(PlanningLocation.Find(test.FullPath("backlog")), "HEAD");
        source.Read(source.ItemCandidates().Single()).ShouldBe("a\n"u8.ToArray());

        source.Dispose();
        source.Dispose();
    }

    [Fact]
    public void Raw_reader_disposed_twice_frees_its_handles_once_and_refuses_reads_after()
    {
        using var test = TestRepository.Create();
        test.Write("a.md", "a\n").Commit("2026-01-01");
        using var repository = new LibGit2Sharp.Repository(test.Path);
        var objects = new GitObjects(repository.Info.Path);
        var commit = GitId.FromHex(repository.Head.Tip.Sha);
        objects.ReadCommit(commit);

        objects.Dispose();
        objects.Dispose();

        Should.Throw<ObjectDisposedException>(() => objects.ReadCommit(commit));
    }

    [Fact]
    public void Commit_that_is_not_in_the_clone_leaves_no_repository_open()
    {
        if (!OperatingSystem.IsLinux()) return; // what the process has mapped is read from /proc
        using var test = TestRepository.Create();
        test.Write("backlog/a.md", "a\n").Commit("2026-01-01");
        using (var repository = new LibGit2Sharp.Repository(test.Path))
        {
            // Packed, so that looking an id up maps the pack's index, which stays mapped while the repository is open.
            var pack = Path.Combine(repository.Info.Path, "objects", "pack");
            repository.ObjectDatabase.Pack(new LibGit2Sharp.PackBuilderOptions(pack));
        }

        var location = PlanningLocation.Find(test.FullPath("backlog"));
        Should.Throw<LibGit2Sharp.NotFoundException>(() => new CommitSource(location, "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef"));

        File.ReadAllLines("/proc/self/maps").ShouldNotContain(line => line.Contains(test.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Blob_missing_from_the_clone_is_a_problem_on_its_file_and_the_others_are_read()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "---\nid: A\nstatus: open\n---\n").Write("backlog/B.md", "---\nid: B\nstatus: open\n---\n").Commit("2026-01-01");
        using (var repository = new LibGit2Sharp.Repository(test.Path))
        {
            // As in a partial clone (filter=blob:none): the commit names a blob the clone does not have.
            var blob = repository.Head.Tip["backlog/A.md"].Target.Sha;
            File.Delete(Path.Combine(repository.Info.Path, "objects", blob[..2], blob[2..]));
        }

        var loaded = RepositoryLoader.LoadCommit(PlanningLocation.Find(test.Path), new BacklogLint.Core.Configuration.BacklogLintConfig(), "HEAD");

        loaded.Items.ShouldHaveSingleItem().Id.Value.ShouldBe("B");
        loaded.Files.Single(file => file.Path == "backlog/A.md").Problems.ShouldHaveSingleItem().Message.ShouldStartWith("the file cannot be read");
    }
}
