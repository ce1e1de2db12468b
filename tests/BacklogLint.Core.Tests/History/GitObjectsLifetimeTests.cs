using System.Runtime.InteropServices;
using BacklogLint.Core.History;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.History;

[CollectionDefinition(nameof(GitObjectsLifetimeTests), DisableParallelization = true)]
public sealed class GitObjectsLifetimeDefinition;

/// <summary>libgit2 counts its users (git_libgit2_init returns the count): every reader that initialises it shuts it
/// down, even one whose constructor fails. Not run alongside other tests, whose readers change the count.</summary>
[Collection(nameof(GitObjectsLifetimeTests))]
public sealed class GitObjectsLifetimeTests
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Counter();

    private static int Users()
    {
        var library = NativeLibrary.Load("git2-" + GlobalSettings.Version.LibGit2CommitSha, typeof(Repository).Assembly, null);
        var init = Marshal.GetDelegateForFunctionPointer<Counter>(NativeLibrary.GetExport(library, "git_libgit2_init"));
        var shutdown = Marshal.GetDelegateForFunctionPointer<Counter>(NativeLibrary.GetExport(library, "git_libgit2_shutdown"));
        var users = init();
        shutdown();
        return users;
    }

    [Fact]
    public void Reader_whose_repository_cannot_be_opened_leaves_libgit2s_user_count_as_it_was()
    {
        using var test = TestRepository.Create(withGit: false);
        using (var other = TestRepository.Create())
        using (var repository = new Repository(other.Path))
            new GitObjects(repository.Info.Path).Dispose(); // loads libgit2 as the reader does
        var before = Users();

        for (var i = 0; i < 3; i++) Should.Throw<LibGit2SharpException>(() => new GitObjects(test.Path));

        Users().ShouldBe(before);
    }

    [Fact]
    public void Reader_disposed_leaves_libgit2s_user_count_as_it_was()
    {
        using var test = TestRepository.Create();
        test.Write("a.md", "a\n").Commit("2026-01-01");
        using var repository = new Repository(test.Path);
        new GitObjects(repository.Info.Path).Dispose();
        var before = Users();

        new GitObjects(repository.Info.Path).Dispose();

        Users().ShouldBe(before);
    }
}
