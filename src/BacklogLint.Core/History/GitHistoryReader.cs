using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Dates files and lines from one walk of first-parent history, newest first. Each commit is diffed
/// against its first parent once (only the subtree that holds the items); the walk stops as soon as every file and line
/// asked about is dated. A line's date is that of the newest commit whose diff adds that exact line.</summary>
public static class GitHistoryReader
{
    /// <summary>Commits diffed in the first parallel stretch; small, so that a walk that stops early wastes little.</summary>
    private const int FirstChunk = 16;

    /// <summary>The longest stretch diffed at once; each doubles until this.</summary>
    private const int LargestChunk = 1024;

    /// <summary>Up to this many item folders are diffed one by one; beyond, their common folder is.</summary>
    private const int MaxFolders = 64;

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
        var folders = FoldersToDiff(files.Concat(lines.Keys));
        var walked = 0;
        var commit = head;
        var chunkSize = FirstChunk;
        while (commit is not null && (pendingFiles.Count > 0 || pendingLines.Count > 0))
        {
            // The next stretch of first-parent history, diffed in parallel, then applied newest first in order.
            var chunk = new List<(ObjectId Commit, ObjectId? Parent, DateOnly Date)>(chunkSize);
            for (; commit is not null && chunk.Count < chunkSize; commit = commit.Parents.FirstOrDefault())
                chunk.Add((commit.Id, commit.Parents.FirstOrDefault()?.Id, DateOnly.FromDateTime(commit.Author.When.UtcDateTime)));
            var wantedPaths = pendingFiles.Concat(pendingLines.Keys).ToHashSet(StringComparer.Ordinal);
            var changes = DiffInParallel(repository.Info.Path, chunk, folders, wantedPaths);
            for (var i = 0; i < chunk.Count && (pendingFiles.Count > 0 || pendingLines.Count > 0); i++, walked++)
            {
                foreach (var change in changes[i])
                {
                    if (pendingFiles.Remove(change.Path)) fileDates[change.Path] = chunk[i].Date;
                    if (!pendingLines.TryGetValue(change.Path, out var wanted)) continue;
                    DateLines(repository, change, chunk[i].Date, wanted, lineDates);
                    if (wanted.Count == 0 || change.OldBlob is null) pendingLines.Remove(change.Path);
                }
            }

            chunkSize = Math.Min(chunkSize * 2, LargestChunk);
        }

        return new HistoryIndex(fileDates, lineDates, walked);
    }

    /// <summary>The wanted files each commit of <paramref name="chunk"/> changed against its first parent. Each
    /// worker opens its own <see cref="Repository"/> (libgit2 objects are not shared between threads); only the
    /// subtree that holds the items is diffed, and a commit that did not touch it costs one lookup.</summary>
    private static List<Change>[] DiffInParallel(
        string gitDirectory, List<(ObjectId Commit, ObjectId? Parent, DateOnly Date)> chunk, IReadOnlyList<string> folders, HashSet<string> wanted)
    {
        var result = new List<Change>[chunk.Count];
        Parallel.For(
            0,
            chunk.Count,
            () => new Repository(gitDirectory),
            (i, _, repository) =>
            {
                var changes = result[i] = [];
                var commit = repository.Lookup<Commit>(chunk[i].Commit);
                var parent = chunk[i].Parent is { } parentId ? repository.Lookup<Commit>(parentId) : null;
                foreach (var folder in folders)
                {
                    var tree = Subtree(commit, folder);
                    var parentTree = parent is null ? null : Subtree(parent, folder);
                    if (tree is null || tree.Id == parentTree?.Id) continue;
                    var prefix = folder.Length == 0 ? "" : folder + "/";
                    using var diff = repository.Diff.Compare<TreeChanges>(parentTree, tree);
                    foreach (var change in diff)
                    {
                        var path = prefix + change.Path;
                        if (change.Status == ChangeKind.Deleted || !wanted.Contains(path)) continue;
                        changes.Add(new Change(path, change.Oid, change.Status == ChangeKind.Added || change.OldOid == ObjectId.Zero ? null : change.OldOid));
                    }
                }

                return repository;
            },
            repository => repository.Dispose());
        return result;
    }

    private static void DateLines(Repository repository, Change change, DateOnly date, HashSet<string> wanted,
        Dictionary<(string, string), DateOnly> lineDates)
    {
        var now = LinesOf(repository.Lookup<Blob>(change.Blob));
        var before = change.OldBlob is null ? [] : LinesOf(repository.Lookup<Blob>(change.OldBlob));
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

    /// <summary>The folders whose subtrees are diffed: the folders that hold the paths, less those inside another
    /// of them; when there are more than <see cref="MaxFolders"/>, their deepest common folder instead. A commit costs
    /// one lookup per folder, and a diff only of the folders it changed.</summary>
    private static List<string> FoldersToDiff(IEnumerable<string> paths)
    {
        var all = paths.Select(path => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "").ToList();
        var distinct = all.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var outermost = new List<string>();
        foreach (var folder in distinct)
            if (!outermost.Any(outer => outer.Length == 0 || folder.StartsWith(outer + "/", StringComparison.Ordinal))) outermost.Add(folder);
        return outermost.Count <= MaxFolders ? outermost : [CommonFolder(all)];
    }

    /// <summary>The deepest folder that holds every path ("" for the whole tree). Diffing only its subtree keeps
    /// the rest of a large repository out of the walk, and a commit that did not touch it costs one lookup.</summary>
    private static string CommonFolder(IEnumerable<string> folders)
    {
        string? common = null;
        foreach (var folder in folders)
        {
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

    /// <summary>A change to a wanted file; <see cref="OldBlob"/> is null when the commit added it.</summary>
    private sealed record Change(string Path, ObjectId Blob, ObjectId? OldBlob);

    private static Tree? Subtree(Commit commit, string folder) =>
        folder.Length == 0 ? commit.Tree : commit[folder]?.Target as Tree;
}
