using LibGit2Sharp;

namespace BacklogLint.Core.Comparison;

/// <summary>The files a pull request changed: the diff between its base and head commits, from git objects.</summary>
public static class ChangedFiles
{
    /// <returns>Repository-relative, '/'-separated paths of files added, modified or renamed (the new path); null when
    /// either commit is not in the clone (a shallow checkout).</returns>
    public static IReadOnlySet<string>? Between(string gitDirectory, string baseCommit, string headCommit)
    {
        using var repository = new Repository(gitDirectory);
        if (repository.Lookup<Commit>(baseCommit) is not { } before || repository.Lookup<Commit>(headCommit) is not { } after) return null;
        using var changes = repository.Diff.Compare<TreeChanges>(before.Tree, after.Tree);
        return changes.Where(change => change.Status != ChangeKind.Deleted).Select(change => change.Path).ToHashSet(StringComparer.Ordinal);
    }
}
