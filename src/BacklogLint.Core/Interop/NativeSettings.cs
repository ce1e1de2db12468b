using LibGit2Sharp;

namespace BacklogLint.Core.Interop;

/// <summary>Process-wide native settings, set once, explicitly, by the front end at start-up (the CLI's first line,
/// the language server's host) rather than by whichever class happens to be used first. Opening a
/// <see cref="Session.LintSession"/> makes sure of it too, so that a library user (a test, a rule pack's tests) cannot
/// forget it; a second call does nothing.</summary>
public static class NativeSettings
{
    private static readonly Lazy<System.Version> Applied = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The libgit2 version loaded.</summary>
    public static System.Version Libgit2Version => Applied.Value;

    /// <summary>Resolves libgit2 for the raw object reads to LibGit2Sharp's own native library, checks its version, and
    /// turns off libgit2's hash verification of every object read (SHA-1 with collision detection: ~0.15 ms for a
    /// folder's tree of 2,000 files, most of a history walk). git does not verify on reads either; `git fsck` is for
    /// that. And it bounds libgit2's memory, which was a third of a large check's peak (10,000 items, 50,000 commits:
    /// 333-352 MB → 263-266 MB peak, the same time):
    /// <list type="bullet">
    /// <item>the object cache holds at most <see cref="CacheBytes"/> (256 MB by default): it kept every commit and small
    /// tree read while the history walk reads each commit once and keeps the trees it compares itself
    /// (<see cref="History.GitObjects"/>). A cache still pays where LibGit2Sharp reads a tree again and again (a pull
    /// request's diff and trees, a report's samples: ~20% slower without one);</item>
    /// <item>pack files are mapped in windows of <see cref="MappedWindowBytes"/>, at most <see cref="MappedLimitBytes"/>
    /// at once, instead of whole (git's default maps up to 1 GB per window): every page of a pack the walk touched
    /// stayed resident, the whole pack on a long history.</item>
    /// </list>
    /// This affects LibGit2Sharp for the whole process, which is why it is a start-up decision.</summary>
    public static void Initialize() => _ = Applied.Value;

    internal const uint CacheBytes = 32 * 1024 * 1024;

    internal const uint MappedWindowBytes = 8 * 1024 * 1024;

    internal const uint MappedLimitBytes = 32 * 1024 * 1024;

    private static System.Version Apply()
    {
        Libgit2.Resolve();
        var version = Libgit2.CheckVersion();
        GlobalSettings.SetStrictHashVerification(false);
        Libgit2.SetOption(Libgit2.Option.SetCacheMaxSize, CacheBytes);
        Libgit2.SetOption(Libgit2.Option.SetMappedWindowSize, MappedWindowBytes);
        Libgit2.SetOption(Libgit2.Option.SetMappedLimit, MappedLimitBytes);
        return version;
    }
}
