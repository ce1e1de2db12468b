using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Dates files and lines from one walk of first-parent history, newest first. Each commit is diffed
/// against its first parent once (pruned to the items' folders); the walk stops as soon as every file and line
/// asked about is dated. A line's date is that of the newest commit whose diff adds that exact line.</summary>
public static class GitHistoryReader
{
    /// <param name="files">Repository-relative, '/'-separated paths of the files to date.</param>
    /// <param name="lines">For some of those files, lines (as written) to date one by one.</param>
    public static HistoryIndex Read(
        Repository repository,
        IReadOnlyCollection<string> files,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> lines)
    {
        if (repository.Info.IsShallow)
            return HistoryIndex.Unavailable("the clone is shallow, so file dates from git are unknown (fetch with fetch-depth: 0)");
        var head = repository.Head.Tip;
        if (head is null) return HistoryIndex.Unavailable("the repository has no commits yet");

        // Only what HEAD has can be dated: leave out untracked files and uncommitted lines, or the walk never stops.
        var pendingFiles = files.Where(path => head[path]?.TargetType == TreeEntryTargetType.Blob).ToHashSet(StringComparer.Ordinal);
        var pendingLines = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (path, wanted) in lines)
        {
            if (head[path]?.Target is not Blob blob) continue;
            var committed = LinesOf(blob);
            var set = wanted.Select(line => line.TrimEnd()).Where(committed.Contains).ToHashSet(StringComparer.Ordinal);
            if (set.Count > 0) pendingLines[path] = set;
        }

        var fileDates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var lineDates = new Dictionary<(string, string), DateOnly>();
        var pathSpec = Folders(files.Concat(lines.Keys));
        var walked = 0;
        for (var commit = head; commit is not null && (pendingFiles.Count > 0 || pendingLines.Count > 0); walked++)
        {
            var parent = commit.Parents.FirstOrDefault();
            var date = DateOnly.FromDateTime(commit.Author.When.UtcDateTime);
            using var changes = repository.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree, pathSpec);
            foreach (var change in changes)
            {
                if (change.Status == ChangeKind.Deleted) continue;
                if (pendingFiles.Remove(change.Path)) fileDates[change.Path] = date;
                if (pendingLines.TryGetValue(change.Path, out var wanted))
                    DateLines(repository, change, date, wanted, lineDates);
                if (wanted is { Count: 0 } || change.Status == ChangeKind.Added) pendingLines.Remove(change.Path);
            }

            commit = parent;
        }

        return new HistoryIndex(fileDates, lineDates, walked);
    }

    private static void DateLines(Repository repository, TreeEntryChanges change, DateOnly date, HashSet<string> wanted,
        Dictionary<(string, string), DateOnly> lineDates)
    {
        var now = LinesOf(repository.Lookup<Blob>(change.Oid));
        var before = change.Status == ChangeKind.Added || change.OldOid == ObjectId.Zero
            ? []
            : LinesOf(repository.Lookup<Blob>(change.OldOid));
        foreach (var line in wanted.Where(line => now.Contains(line) && !before.Contains(line)).ToList())
        {
            lineDates[(change.Path, line)] = date;
            wanted.Remove(line);
        }
    }

    private static HashSet<string> LinesOf(Blob? blob)
    {
        if (blob is null) return [];
        var text = blob.GetContentText();
        return text.Split('\n').Select(line => line.TrimEnd()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The fewest folders that hold every path; null (the whole tree) when a path is at the top.</summary>
    private static string[]? Folders(IEnumerable<string> paths)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var slash = path.LastIndexOf('/');
            if (slash < 0) return null;
            folders.Add(path[..slash] + "/");
        }

        var result = new List<string>();
        foreach (var folder in folders)
            if (result.Count == 0 || !folder.StartsWith(result[^1], StringComparison.Ordinal)) result.Add(folder);
        return [.. result.Select(folder => folder.TrimEnd('/'))];
    }
}
