using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Dates files and lines from one walk of first-parent history, newest first. Each commit is diffed
/// against its first parent once (only the subtree that holds the items); the walk stops as soon as every file and line
/// asked about is dated. A line's date is that of the newest commit whose diff adds that exact line.</summary>
public static class GitHistoryReader
{
    /// <param name="files">Repository-relative, '/'-separated paths of the files to date.</param>
    /// <param name="lines">For some of those files, lines (as written) to date one by one.</param>
    /// <param name="start">The commit to walk back from (a sha or reference); HEAD when null.</param>
    public static HistoryIndex Read(
        Repository repository,
        IReadOnlyCollection<string> files,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> lines,
        string? start = null)
    {
        if (repository.Info.IsShallow)
            return HistoryIndex.Unavailable("the clone is shallow, so file dates from git are unknown (fetch with fetch-depth: 0)");
        var head = start is null ? repository.Head.Tip : repository.Lookup<Commit>(start);
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
        var folder = CommonFolder(files.Concat(lines.Keys));
        var prefix = folder.Length == 0 ? "" : folder + "/";
        var walked = 0;
        for (var commit = head; commit is not null && (pendingFiles.Count > 0 || pendingLines.Count > 0); walked++)
        {
            var parent = commit.Parents.FirstOrDefault();
            var date = DateOnly.FromDateTime(commit.Author.When.UtcDateTime);
            var tree = Subtree(commit, folder);
            var parentTree = parent is null ? null : Subtree(parent, folder);
            if (tree is not null && tree.Id != parentTree?.Id)
            {
                using var changes = repository.Diff.Compare<TreeChanges>(parentTree, tree);
                foreach (var change in changes)
                {
                    if (change.Status == ChangeKind.Deleted) continue;
                    var path = prefix + change.Path;
                    if (pendingFiles.Remove(path)) fileDates[path] = date;
                    if (pendingLines.TryGetValue(path, out var wanted))
                        DateLines(repository, change, date, wanted, lineDates, path);
                    if (wanted is { Count: 0 } || change.Status == ChangeKind.Added) pendingLines.Remove(path);
                }
            }

            commit = parent;
        }

        return new HistoryIndex(fileDates, lineDates, walked);
    }

    private static void DateLines(Repository repository, TreeEntryChanges change, DateOnly date, HashSet<string> wanted,
        Dictionary<(string, string), DateOnly> lineDates, string path)
    {
        var now = LinesOf(repository.Lookup<Blob>(change.Oid));
        var before = change.Status == ChangeKind.Added || change.OldOid == ObjectId.Zero
            ? []
            : LinesOf(repository.Lookup<Blob>(change.OldOid));
        foreach (var line in wanted.Where(line => now.Contains(line) && !before.Contains(line)).ToList())
        {
            lineDates[(path, line)] = date;
            wanted.Remove(line);
        }
    }

    private static HashSet<string> LinesOf(Blob? blob)
    {
        if (blob is null) return [];
        var text = blob.GetContentText();
        return text.Split('\n').Select(line => line.TrimEnd()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The deepest folder that holds every path ("" for the whole tree). Diffing only its subtree keeps
    /// the rest of a large repository out of the walk, and a commit that did not touch it costs one lookup.</summary>
    private static string CommonFolder(IEnumerable<string> paths)
    {
        string? common = null;
        foreach (var path in paths)
        {
            var folder = path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "";
            common = common is null ? folder : SharedFolder(common, folder);
            if (common.Length == 0) break;
        }

        return common ?? "";
    }

    private static string SharedFolder(string a, string b)
    {
        var shared = 0;
        for (var i = 0; i <= Math.Min(a.Length, b.Length); i++)
        {
            var endA = i == a.Length || a[i] == '/';
            var endB = i == b.Length || b[i] == '/';
            if (endA && endB) shared = i;
            if (i == Math.Min(a.Length, b.Length) || a[i] != b[i]) break;
        }

        return a[..shared];
    }

    private static Tree? Subtree(Commit commit, string folder) =>
        folder.Length == 0 ? commit.Tree : commit[folder]?.Target as Tree;
}
