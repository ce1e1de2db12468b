using BacklogLint.Core.History;
using BacklogLint.Core.Interop;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.Interop;

public sealed class NativeSettingsTests
{
    [Fact]
    public void The_loaded_libgit2_is_the_1x_the_raw_reads_are_declared_for()
    {
        NativeSettings.Initialize();
        NativeSettings.Initialize(); // a second call changes nothing

        NativeSettings.Libgit2Version.Major.ShouldBe(1);
        NativeSettings.Libgit2Version.ShouldBeGreaterThanOrEqualTo(new System.Version(1, 1));
        GlobalSettings.Version.InformationalVersion.ShouldContain(GlobalSettings.Version.LibGit2CommitSha);
    }

    [Fact]
    public void Object_handles_are_freed_once_and_not_used_after()
    {
        using var folder = TestRepository.Create().Write("backlog/a.md", "# A\n");
        folder.Commit("2026-01-05");
        using var repository = new Repository(folder.Path);
        var commit = GitId.FromHex(repository.Head.Tip.Sha);

        var objects = new GitObjects(repository.Info.Path);
        objects.ReadCommit(commit).Tree.ShouldBe(GitId.FromHex(repository.Head.Tip.Tree.Sha));
        objects.Dispose();
        objects.Dispose();

        Should.Throw<ObjectDisposedException>(() => objects.ReadCommit(commit));
    }

    [Fact]
    public void A_missing_object_is_a_git_error_naming_it()
    {
        using var folder = TestRepository.Create().Write("backlog/a.md", "# A\n");
        folder.Commit("2026-01-05");
        using var objects = new GitObjects(Path.Combine(folder.Path, ".git"));

        var missing = GitId.FromHex(new string('1', 40));
        Should.Throw<LibGit2SharpException>(() => objects.ReadBlob(missing)).Message.ShouldContain("1111111111");
    }
}
