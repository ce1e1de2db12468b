using System.Collections.Concurrent;
using BacklogLint.Core.Parsing;
using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Dates files and lines from one walk of first-parent history, newest first. Each commit's tree is compared
/// with its first parent's once, descending only into changed folders that hold items (<see cref="TreeComparer"/>);
/// the walk stops as soon as every file and line asked about is dated. A line's date is that of the newest commit whose
/// diff adds that exact line.</summary>
public static class GitHistoryReader
{
    /// <summary>Commits compared in the first parallel stretch; small, so that a walk that stops early wastes little.</summary>
    private const int FirstChunk = 16;

    /// <summary>The longest stretch compared at once; each doubles until this.</summary>
    private const int LargestChunk = 1024;

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
        var head = start is null ? repository.Head.Tip : repository.Lookup<LibGit2Sharp.Commit>(start);
        if (head is null) return HistoryIndex.Unavailable("the repository has no commits yet");

        using var walk = new Walk(repository.Info.Path, files.Concat(lines.Keys).ToHashSet(StringComparer.Ordinal));
        return walk.Run(GitId.FromHex(head.Sha), lines);
    }

    /// <summary>One walk: the readers it compares trees with (one per worker thread, reused across stretches), and
    /// what is still undated.</summary>
    private sealed class Walk(string gitDirectory, HashSet<string> wanted) : IDisposable
    {
        private readonly GitObjects _objects = new(gitDirectory);
        private readonly ConcurrentBag<GitObjects> _workers = [];

        public HistoryIndex Run(GitId head, IReadOnlyDictionary<string, IReadOnlyCollection<string>> lines)
        {
            // Only what the start commit has can be dated: leave out untracked files and uncommitted lines, or the walk
            // never stops.
            var headCommit = _objects.ReadCommit(head);
            var atHead = new TreeComparer(_objects, wanted).Changes(null, headCommit.Tree).ToDictionary(change => change.Path, StringComparer.Ordinal);
            var pendingFiles = atHead.Keys.ToHashSet(StringComparer.Ordinal);
            var pendingLines = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (path, asked) in lines)
            {
                if (!atHead.TryGetValue(path, out var change)) continue;
                var committed = LinesOf(change.Blob);
                var set = asked.Select(line => line.TrimEnd()).Where(committed.Contains).ToHashSet(StringComparer.Ordinal);
                if (set.Count > 0) pendingLines[path] = set;
            }

            var fileDates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
            var lineDates = new Dictionary<(string, string), DateOnly>();
            var walked = 0;
            (GitId Id, CommitHeader Header)? next = (head, headCommit);
            var chunkSize = FirstChunk;
            while (next is not null && (pendingFiles.Count > 0 || pendingLines.Count > 0))
            {
                // The next stretch of first-parent history, compared in parallel, then applied newest first in order.
                var chunk = new List<CommitHeader>(chunkSize);
                for (; next is { } commit && chunk.Count < chunkSize; next = Parent(commit.Header))
                    chunk.Add(commit.Header);
                var parentTree = next?.Header.Tree;
                var comparer = new TreeComparer(_objects, pendingFiles.Concat(pendingLines.Keys).ToHashSet(StringComparer.Ordinal));
                var changes = CompareInParallel(chunk, parentTree, comparer.Files);
                for (var i = 0; i < chunk.Count && (pendingFiles.Count > 0 || pendingLines.Count > 0); i++, walked++)
                {
                    foreach (var change in changes[i])
                    {
                        if (pendingFiles.Remove(change.Path)) fileDates[change.Path] = chunk[i].AuthorDate;
                        if (!pendingLines.TryGetValue(change.Path, out var asked)) continue;
                        DateLines(change, chunk[i].AuthorDate, asked, lineDates);
                        if (asked.Count == 0 || change.OldBlob is null) pendingLines.Remove(change.Path);
                    }
                }

                chunkSize = Math.Min(chunkSize * 2, LargestChunk);
            }

            return new HistoryIndex(fileDates, lineDates, walked);
        }

        private (GitId, CommitHeader)? Parent(CommitHeader commit) =>
            commit.FirstParent is { } parent ? (parent, _objects.ReadCommit(parent)) : null;

        /// <summary>The wanted files each commit of <paramref name="chunk"/> changed against its first parent (the next
        /// in the chunk; for the last, <paramref name="lastParentTree"/>). Each worker takes a run of consecutive commits,
        /// so that the tree it read for one commit is the parent's tree of the one before.</summary>
        private List<FileChange>[] CompareInParallel(List<CommitHeader> chunk, GitId? lastParentTree, IReadOnlySet<string> files)
        {
            var result = new List<FileChange>[chunk.Count];
            var runs = Math.Min(chunk.Count, Environment.ProcessorCount * 2);
            Parallel.For(
                0,
                runs,
                () => _workers.TryTake(out var objects) ? objects : new GitObjects(gitDirectory),
                (run, _, objects) =>
                {
                    var comparer = new TreeComparer(objects, files);
                    for (var i = (run + 1) * chunk.Count / runs - 1; i >= run * chunk.Count / runs; i--)
                        result[i] = comparer.Changes(i + 1 < chunk.Count ? chunk[i + 1].Tree : lastParentTree, chunk[i].Tree);
                    return objects;
                },
                _workers.Add);
            return result;
        }

        private void DateLines(FileChange change, DateOnly date, HashSet<string> wanted, Dictionary<(string, string), DateOnly> lineDates)
        {
            var now = LinesOf(change.Blob);
            var before = change.OldBlob is { } old ? LinesOf(old) : [];
            foreach (var line in wanted.Where(line => now.Contains(line) && !before.Contains(line)).ToList())
            {
                lineDates[(change.Path, line)] = date;
                wanted.Remove(line);
            }
        }

        /// <summary>A blob's lines without trailing white space, decoded as the parser decodes files.</summary>
        private HashSet<string> LinesOf(GitId blob)
        {
            var text = SourceText.Decode(_objects.ReadBlob(blob), out _);
            var lines = new HashSet<string>(StringComparer.Ordinal);
            if (text is null) return lines;
            for (var line = 1; line <= text.LineCount; line++) lines.Add(text.Line(line).TrimEnd());
            return lines;
        }

        public void Dispose()
        {
            _objects.Dispose();
            foreach (var objects in _workers) objects.Dispose();
        }
    }
}
