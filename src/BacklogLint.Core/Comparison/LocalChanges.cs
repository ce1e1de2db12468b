using LibGit2Sharp;

namespace BacklogLint.Core.Comparison;

/// <summary>What a branch changed locally, for <c>check --changed</c>: the files changed since the merge base with the
/// default branch, plus every uncommitted change (staged or not) and untracked file.</summary>
/// <param name="Paths">Repository-relative, '/'-separated paths that exist now (deleted files are not in it).</param>
/// <param name="Against">What was compared with: "origin/main at 1a2b3c4", or "HEAD" when no default branch was found.</param>
/// <param name="Notice">Said once when the comparison is weaker than asked for (no default branch, no merge base).</param>
public sealed record LocalChanges(IReadOnlySet<string> Paths, string Against, string? Notice)
{
    /// <summary>The default branch, in this order: what <c>origin/HEAD</c> points at, then <c>main</c>, <c>master</c>,
    /// <c>origin/main</c>, <c>origin/master</c>.</summary>
    private static readonly string[] DefaultBranches = ["main", "master", "origin/main", "origin/master"];

    public static LocalChanges Find(string gitDirectory)
    {
        using var repository = new Repository(gitDirectory);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        string? notice = null;
        var against = "HEAD";

        if (repository.Head.Tip is { } head)
        {
            var (name, tip) = DefaultBranch(repository);
            if (tip is null)
            {
                notice = "no default branch found (origin/HEAD, main or master): only uncommitted and untracked changes are checked";
            }
            else
            {
                var mergeBase = repository.ObjectDatabase.FindMergeBase(head, tip);
                if (mergeBase is null)
                    notice = $"no merge base with {name} (a shallow clone?): compared with {name} itself";
                var from = mergeBase ?? tip;
                against = $"{name} at {from.Sha[..7]}";
                using var committed = repository.Diff.Compare<TreeChanges>(from.Tree, head.Tree);
                paths.UnionWith(committed.Where(change => change.Status != ChangeKind.Deleted).Select(change => change.Path));
            }
        }

        // Staged, unstaged and untracked files; deleted ones have nothing left to report on.
        var status = repository.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false });
        foreach (var entry in status)
        {
            if (entry.State is FileStatus.Unaltered or FileStatus.Ignored) continue;
            if (entry.State.HasFlag(FileStatus.DeletedFromWorkdir) || entry.State.HasFlag(FileStatus.DeletedFromIndex)) continue;
            paths.Add(entry.FilePath.Replace('\\', '/'));
        }

        return new LocalChanges(paths, against, notice);
    }

    private static (string Name, Commit? Tip) DefaultBranch(Repository repository)
    {
        if (repository.Refs["refs/remotes/origin/HEAD"] is SymbolicReference { Target: { } target }
            && target.ResolveToDirectReference()?.Target is Commit originHead)
            return (target.CanonicalName.Replace("refs/remotes/", "", StringComparison.Ordinal), originHead);

        foreach (var name in DefaultBranches)
        {
            if (repository.Branches[name]?.Tip is { } tip) return (name, tip);
        }

        return ("", null);
    }
}
