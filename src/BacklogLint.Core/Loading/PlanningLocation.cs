using BacklogLint.Core.Interop;
using LibGit2Sharp;

namespace BacklogLint.Core.Loading;

/// <summary>Where a check runs: the folder given, and the git repository found upwards from it, if any.</summary>
public sealed class PlanningLocation
{
    private PlanningLocation(string folder, string? gitDirectory, string? workTree)
    {
        Folder = folder;
        GitDirectory = gitDirectory;
        WorkTree = workTree;
    }

    /// <summary>The folder checked (absolute).</summary>
    public string Folder { get; }

    /// <summary>The <c>.git</c> directory of the repository around <see cref="Folder"/>; null outside git.</summary>
    public string? GitDirectory { get; }

    /// <summary>The root of the git work tree; null outside git or for a bare repository.</summary>
    public string? WorkTree { get; }

    /// <summary>What paths are relative to: the work tree when there is one, else the folder.</summary>
    public string PathBase => WorkTree ?? Folder;

    public static PlanningLocation Find(string folder)
    {
        var full = WithoutLinks(folder);
        string? gitDirectory = null;
        string? workTree = null;
        try
        {
            NativeSettings.Initialize(); // the imports of Libgit2 resolve to LibGit2Sharp's native library
            gitDirectory = Libgit2.Discover(full);
            if (gitDirectory is not null)
            {
                using var repository = new Repository(gitDirectory);
                workTree = repository.Info.IsBare ? null : Path.GetFullPath(repository.Info.WorkingDirectory);
                if (workTree is null) gitDirectory = null;
            }
        }
        catch (LibGit2SharpException)
        {
            gitDirectory = null;
            workTree = null;
        }

        return new PlanningLocation(full, gitDirectory, workTree?.TrimEnd(Path.DirectorySeparatorChar));
    }

    /// <summary>The first of <paramref name="candidates"/> (shas or references) that names a commit in this clone;
    /// null outside git or when none does.</summary>
    public string? FirstCommitOf(IEnumerable<string?> candidates)
    {
        if (GitDirectory is null) return null;
        using var repository = new Repository(GitDirectory);
        foreach (var candidate in candidates.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (repository.Lookup<Commit>(candidate) is not null) return candidate;
            }
            catch (Exception e) when (e is LibGit2SharpException or ArgumentException)
            {
                // Not a name git knows: try the next.
            }
        }

        return null;
    }

    /// <summary>The absolute path of <paramref name="path"/> with every symbolic link (or junction) on the way resolved,
    /// as <c>realpath(3)</c> gives it. git reports its work tree resolved, so a folder reached through a link must be
    /// resolved too, or none of its paths would lie in the work tree and its history would look empty. A part that
    /// does not exist is kept as written.</summary>
    public static string WithoutLinks(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var root = Path.GetPathRoot(full)!;
            var resolved = root;
            string? linked = null;
            var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length && linked is null; i++)
            {
                var next = Path.Combine(resolved, parts[i]);
                var info = new FileInfo(next);
                FileSystemInfo? target = null;
                try
                {
                    target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    // A link loop or an unreadable link: keep the path as written.
                }

                if (target is null) resolved = next;
                else linked = Path.Combine([target.FullName, .. parts[(i + 1)..]]);
            }

            if (linked is null) return resolved;
            full = Path.GetFullPath(linked);
        }

        return full;
    }

    /// <summary>Another folder of the same work tree, without discovering the repository again.</summary>
    internal PlanningLocation At(string folder) => new(Path.GetFullPath(folder), GitDirectory, WorkTree);

    /// <summary>The '/'-separated path of <paramref name="fullPath"/> relative to <see cref="PathBase"/>.</summary>
    public string RelativePath(string fullPath) => Path.GetRelativePath(PathBase, fullPath).Replace('\\', '/');
}
