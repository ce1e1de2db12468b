using System.Diagnostics;
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

    [Fact]
    public void A_pack_larger_than_libgit2_may_map_at_once_is_read_whole()
    {
        // Each commit adds an incompressible file the size of a mapped window: the one pack is larger than the mapped
        // limit, so the walk back maps windows again after others were unmapped, and each file crosses windows.
        using var test = TestRepository.Create();
        var random = new Random(17);
        var files = new List<byte[]>();
        var commits = (int)(NativeSettings.MappedLimitBytes / NativeSettings.MappedWindowBytes) + 2;
        for (var i = 0; i < commits; i++)
        {
            var bytes = new byte[NativeSettings.MappedWindowBytes + 1000];
            random.NextBytes(bytes);
            files.Add(bytes);
            test.WriteBytes($"assets/{i}.bin", bytes).Write($"backlog/item-{i}.md", $"# Item {i}\n").Commit($"2026-01-{i + 1:00}");
        }

        // One pack, as git gc makes it; no delta search (random files have none to find, and it is slow on them).
        using (var git = Process.Start(new ProcessStartInfo("git", ["-C", test.Path, "repack", "-a", "-d", "-q", "--window=0"]))!)
        {
            git.WaitForExit();
            git.ExitCode.ShouldBe(0);
        }
        var pack = Directory.GetFiles(Path.Combine(test.Path, ".git", "objects", "pack"), "*.pack").ShouldHaveSingleItem();
        new FileInfo(pack).Length.ShouldBeGreaterThan(NativeSettings.MappedLimitBytes);

        using (var repository = new Repository(test.Path))
        {
            var history = GitHistoryReader.Read(repository, [.. Enumerable.Range(0, commits).Select(i => $"backlog/item-{i}.md")], new Dictionary<string, IReadOnlyCollection<string>>());
            for (var i = 0; i < commits; i++) history.LastChanged($"backlog/item-{i}.md").ShouldBe(new DateOnly(2026, 1, i + 1));

            using var objects = new GitObjects(repository.Info.Path);
            for (var i = 0; i < commits; i++)
            {
                var read = objects.ReadBlob(GitId.FromHex(((Blob)repository.Head.Tip[$"assets/{i}.bin"].Target).Sha));
                read.AsSpan().SequenceEqual(files[i]).ShouldBeTrue($"assets/{i}.bin was read differently");
            }
        }
    }
}
