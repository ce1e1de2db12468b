using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Where files that are gone went (DESIGN §1 "References"): for each path, the newest first-parent commit that
/// deleted it and, when git's rename detection pairs it with a file that commit added and that still exists, that file.
/// A link written before its own file moved down into a folder (a flat <c>keps/sig-x/0001-a.md</c> that became
/// <c>keps/sig-x/0001-a/README.md</c>) resolves below where its target was: the same name in each folder above is
/// looked for too, nearest first. One walk for all paths, descending only into the folders that held them; it stops
/// once each is found.</summary>
internal static class RenameFinder
{
    /// <summary>How many files a commit may add and delete for git's similarity search to run on it (git's own
    /// <c>diff.renameLimit</c> is 1000); exact renames are found in a commit of any size.</summary>
    private const int RenameLimit = 1000;

    /// <param name="paths">Repository-relative paths that are missing in <paramref name="start"/>.</param>
    /// <param name="start">The commit whose tree the paths are missing from (a sha or reference); HEAD when null.</param>
    public static IReadOnlyDictionary<string, PathMove> Find(Repository repository, IReadOnlyCollection<string> paths, string? start = null) =>
        Find(repository, paths, start, out _);

    /// <param name="neverDeleted">The paths for which no commit below <paramref name="start"/> deleted the path or any
    /// file of its name above it: no commit below that one did either (a report's older samples need not look again).</param>
    public static IReadOnlyDictionary<string, PathMove> Find(Repository repository, IReadOnlyCollection<string> paths, string? start, out IReadOnlySet<string> neverDeleted)
    {
        var result = new Dictionary<string, PathMove>(StringComparer.Ordinal);
        neverDeleted = new HashSet<string>(StringComparer.Ordinal);
        if (paths.Count == 0 || repository.Info.IsShallow) return result;
        var tip = start is null ? repository.Head.Tip : repository.Lookup<LibGit2Sharp.Commit>(start);
        if (tip is null) return result;

        var deletions = new List<(string Path, GitId Commit, GitId Parent, DateOnly Date)>();
        var candidates = paths.ToDictionary(path => path, Candidates, StringComparer.Ordinal);
        using (var objects = new GitObjects(repository.Info.Path))
        {
            var wanted = candidates.Values.SelectMany(list => list).ToHashSet(StringComparer.Ordinal);
            var comparer = new TreeComparer(objects, wanted);
            var id = GitId.FromHex(tip.Sha);
            var commit = objects.ReadCommit(id);
            while (wanted.Count > 0 && commit.FirstParent is { } parentId)
            {
                var parent = objects.ReadCommit(parentId);
                // Compared backwards, a file the parent has and the commit has not is "added": the commit deleted it.
                var gone = comparer.Changes(commit.Tree, parent.Tree).Where(change => change.OldBlob is null).ToList();
                foreach (var change in gone)
                {
                    deletions.Add((change.Path, id, parentId, commit.AuthorDate));
                    wanted.Remove(change.Path);
                }

                if (gone.Count > 0) comparer = new TreeComparer(objects, wanted);
                (id, commit) = (parentId, parent);
            }
        }

        var deleted = deletions.Select(deletion => deletion.Path).ToHashSet(StringComparer.Ordinal);
        neverDeleted = candidates.Where(entry => !entry.Value.Any(deleted.Contains)).Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        var moves = new Dictionary<string, PathMove>(StringComparer.Ordinal);
        foreach (var group in deletions.GroupBy(deletion => deletion.Commit))
        {
            var (_, commitId, parentId, date) = group.First();
            var renamed = RenamesIn(repository, parentId.ToString(), commitId.ToString(), [.. group.Select(deletion => deletion.Path)]);
            foreach (var (path, _, _, _) in group)
            {
                var to = renamed.GetValueOrDefault(path);
                // Only a file that is still there is a place to point at; one moved on again or deleted since is not.
                if (to is not null && tip[to] is null) to = null;
                moves[path] = new PathMove(to, commitId.ToString()[..7], date);
            }
        }

        foreach (var (path, list) in candidates)
        {
            // The path itself first; a file of that name above it only when it went somewhere.
            if (moves.GetValueOrDefault(path) is { } own) result[path] = own;
            else if (list.Skip(1).Select(moves.GetValueOrDefault).FirstOrDefault(move => move?.To is not null) is { } above) result[path] = above;
        }

        return result;
    }

    /// <summary><c>a/b/c/x.md</c>, then <c>a/b/x.md</c>, <c>a/x.md</c> and <c>x.md</c>.</summary>
    private static List<string> Candidates(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        var list = new List<string> { path };
        for (var folder = slash < 0 ? null : path[..slash]; folder is not null;)
        {
            var up = folder.LastIndexOf('/');
            folder = up < 0 ? null : folder[..up];
            list.Add(folder is null ? name : folder + "/" + name);
        }

        return list;
    }

    private static Dictionary<string, string> RenamesIn(Repository repository, string parent, string commit, HashSet<string> paths)
    {
        var options = new CompareOptions { Similarity = new SimilarityOptions { RenameDetectionMode = RenameDetectionMode.Renames, RenameLimit = RenameLimit } };
        using var changes = repository.Diff.Compare<TreeChanges>(repository.Lookup<LibGit2Sharp.Commit>(parent).Tree, repository.Lookup<LibGit2Sharp.Commit>(commit).Tree, options);
        return changes.Renamed.Where(change => paths.Contains(change.OldPath))
            .ToDictionary(change => change.OldPath, change => change.Path, StringComparer.Ordinal);
    }
}

/// <summary>What became of a file: deleted by <see cref="Commit"/> (short sha) on <see cref="Date"/>, and renamed to
/// <see cref="To"/> when git pairs it with a file that still exists.</summary>
public sealed record PathMove(string? To, string Commit, DateOnly Date);
