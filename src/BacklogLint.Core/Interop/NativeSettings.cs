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
    /// that. This affects LibGit2Sharp for the whole process, which is why it is a start-up decision.</summary>
    public static void Initialize() => _ = Applied.Value;

    private static System.Version Apply()
    {
        Libgit2.Resolve();
        var version = Libgit2.CheckVersion();
        GlobalSettings.SetStrictHashVerification(false);
        return version;
    }
}
