using BacklogLint.Core.Parsing;
using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Dates files and lines from one walk of first-parent history, newest first. Each commit's tree is compared
/// with its first parent's once, descending only into changed folders that hold items (<see cref="TreeComparer"/>);
/// the walk stops as soon as every file and line asked about is dated. A line's date is that of the newest commit whose
/// diff adds that exact line. A commit a request ignores (<c>.git-blame-ignore-revs</c>) is no change: a file it
/// changed is dated by the change before it, and a line it added takes the date of the file's change before it (the
/// version it rewrote), as <c>git blame --ignore-revs-file</c> passes such lines on.
/// The walk runs on one thread. It once compared stretches of commits on every processor, and that was slower: libgit2
/// shares one pack, with one cache of delta bases, between all readers of a repository, and readers of two stretches of
/// history evict each other's bases, so each re-inflated the delta chains the other had just read (10,000 items and
/// 50,000 commits on 2 cores: 8.7-9.1 s and 12.4 s of CPU in parallel, 5.3-5.7 s and 5.1 s on one thread; with half the
/// items carrying inline agreements 11.6-15.5 s against 7.9 s; 240 MB against 183 MB at the peak).</summary>
internal static class GitHistoryReader
{
    /// <summary>Commits compared in the first stretch; small, so that a walk that stops early wastes little.</summary>
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
        string? start = null) =>
        Read(repository, [new HistoryRequest(start, files, lines)])[0];

    /// <summary>Dates what each request asks, as of its own commit, in one walk: two commits' histories (a pull
    /// request's base and head) share everything below the commit where their first-parent lines meet, and that part is
    /// compared once for both.</summary>
    /// <param name="walked">Told the number of commits walked so far, after each stretch.</param>
    /// <param name="maxFileBytes">A version of a file larger than this is not read line by line (<c>limits.max-file-size</c>):
    /// its lines are dated as if it had none, so a huge blob in the history never stops the walk.</param>
    /// <param name="ignoredCommits">Revisions that are no change to anything (<c>.git-blame-ignore-revs</c>: reformatting,
    /// mass renames), for every request alike.</param>
    public static IReadOnlyList<HistoryIndex> Read(
        Repository repository, IReadOnlyList<HistoryRequest> requests, Action<int>? walked = null,
        long maxFileBytes = Configuration.BacklogLintConfig.DefaultMaxFileBytes, IReadOnlyCollection<string>? ignoredCommits = null)
    {
        if (repository.Info.IsShallow)
            return [.. requests.Select(_ => HistoryIndex.Unavailable("the clone is shallow, so file dates from git are unknown (fetch with fetch-depth: 0)"))];
        var starts = requests.Select(request => request.Start is null ? repository.Head.Tip : repository.Lookup<LibGit2Sharp.Commit>(request.Start)).ToList();
        if (starts.Any(start => start is null))
        {
            return [.. requests.Select((request, i) => starts[i] is null
                ? HistoryIndex.Unavailable("the repository has no commits yet")
                : Read(repository, [request], walked, maxFileBytes, ignoredCommits)[0])];
        }

        using var walk = new Walk(repository.Info.Path, walked, maxFileBytes, IgnoredIds(repository, ignoredCommits ?? []));
        var states = requests.Select((request, i) => walk.Start(GitId.FromHex(starts[i]!.Sha), request)).ToList();
        if (states.Count == 1)
        {
            walk.Run(states[0].Head, stopAt: null, states);
        }
        else
        {
            // Each start's own commits first, then the history they share, once.
            var meeting = walk.MeetingPoint(states.Select(state => state.Head).ToList());
            foreach (var state in states) walk.Run(state.Head, meeting, [state]);
            if (meeting is { } shared) walk.Run(shared, stopAt: null, states);
        }

        return [.. states.Select(state => state.ToIndex())];
    }

    /// <summary>Dates what each request asks, as of its own commit, in one walk down the first-parent line of the first
    /// request's commit, where every other request's commit lies, newest first (samples of one branch's history): each
    /// request joins the walk at its commit, and every commit below it is compared once for all of them. A request
    /// whose commit the walk never meets is dated by a walk of its own.</summary>
    /// <param name="walked">Told the number of commits walked so far, after each stretch.</param>
    public static IReadOnlyList<HistoryIndex> ReadAlongLine(
        Repository repository, IReadOnlyList<HistoryRequest> requests, Action<int>? walked = null,
        long maxFileBytes = Configuration.BacklogLintConfig.DefaultMaxFileBytes, IReadOnlyCollection<string>? ignoredCommits = null)
    {
        if (requests.Count < 2 || repository.Info.IsShallow) return Read(repository, requests, walked, maxFileBytes, ignoredCommits);
        var starts = requests.Select(request => request.Start is null ? repository.Head.Tip : repository.Lookup<LibGit2Sharp.Commit>(request.Start)).ToList();
        if (starts.Any(start => start is null)) return Read(repository, requests, walked, maxFileBytes, ignoredCommits);

        using var walk = new Walk(repository.Info.Path, walked, maxFileBytes, IgnoredIds(repository, ignoredCommits ?? []));
        var states = requests.Select((request, i) => walk.Start(GitId.FromHex(starts[i]!.Sha), request)).ToList();
        walk.Run(states[0].Head, stopAt: null, states);
        foreach (var state in states.Where(state => !state.Reached)) walk.Run(state.Head, stopAt: null, [state]);
        return [.. states.Select(state => state.ToIndex())];
    }

    /// <summary>The commits a request ignores, resolved in the clone: a full or abbreviated sha, or any revision git
    /// resolves to a commit. One the clone does not have (history cut, a rebased branch) is left out, as git blame does.</summary>
    private static HashSet<GitId> IgnoredIds(Repository repository, IReadOnlyCollection<string> revisions)
    {
        var ids = new HashSet<GitId>();
        foreach (var revision in revisions)
        {
            try
            {
                if (repository.Lookup(revision)?.Peel<LibGit2Sharp.Commit>() is { } commit) ids.Add(GitId.FromHex(commit.Sha));
            }
            catch (Exception e) when (e is LibGit2SharpException or ArgumentException)
            {
                // Not a revision of this clone.
            }
        }

        return ids;
    }

    /// <summary>One walk, and the reader it compares trees with.</summary>
    private sealed class Walk(string gitDirectory, Action<int>? walked, long maxFileBytes, HashSet<GitId> ignored) : IDisposable
    {
        private readonly GitObjects _objects = new(gitDirectory);
        private int _walked;

        /// <summary>What a request leaves to date. Only what its commit has can be dated: untracked files and
        /// uncommitted lines are left out, or the walk would never stop.</summary>
        public WalkState Start(GitId head, HistoryRequest request)
        {
            var wanted = request.Files.Concat(request.Lines.Keys).ToHashSet(StringComparer.Ordinal);
            var atHead = new TreeComparer(_objects, wanted).Changes(null, _objects.ReadCommit(head).Tree)
                .ToDictionary(change => change.Path, StringComparer.Ordinal);
            var state = new WalkState(head, atHead.Keys.ToHashSet(StringComparer.Ordinal));
            foreach (var (path, asked) in request.Lines)
            {
                if (!atHead.TryGetValue(path, out var change))
                {
                    state.UncommittedLines.UnionWith(asked.Select(line => (path, line.TrimEnd())));
                    continue;
                }

                var committed = LineScanner.Present(_objects, change.Blob, asked.Select(line => line.TrimEnd()).ToHashSet(StringComparer.Ordinal), maxFileBytes);
                var set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var line in asked.Select(line => line.TrimEnd()))
                {
                    if (committed.Contains(line)) set.Add(line);
                    else state.UncommittedLines.Add((path, line));
                }

                if (set.Count > 0) state.Lines[path] = set;
            }

            return state;
        }

        /// <summary>The first commit on every start's first-parent line, found by reading the lines' commits in turns
        /// until one is seen on all; null when they never meet.</summary>
        public GitId? MeetingPoint(List<GitId> heads)
        {
            var seen = heads.Select(_ => new HashSet<GitId>()).ToList();
            var next = heads.Select(head => (GitId?)head).ToList();
            while (next.Any(commit => commit is not null))
            {
                for (var i = 0; i < next.Count; i++)
                {
                    if (next[i] is not { } commit) continue;
                    seen[i].Add(commit);
                    if (seen.All(line => line.Contains(commit))) return commit;
                    next[i] = _objects.ReadCommit(commit).FirstParent;
                }
            }

            return null;
        }

        /// <summary>Walks first-parent history from <paramref name="from"/> down to <paramref name="stopAt"/>
        /// (not included) or the root, in stretches compared oldest first and applied newest first, until every state
        /// is dated.</summary>
        public void Run(GitId from, GitId? stopAt, IReadOnlyList<WalkState> states)
        {
            (GitId Id, CommitHeader Header)? next = (from, _objects.ReadCommit(from));
            foreach (var state in states.Where(state => state.Head == from)) state.Reached = true;
            var chunkSize = FirstChunk;
            while (next is not null && next.Value.Id != stopAt && states.Any(state => !state.IsDone))
            {
                var chunk = new List<(GitId Id, CommitHeader Header)>(chunkSize);
                for (; next is { } commit && commit.Id != stopAt && chunk.Count < chunkSize; next = Parent(commit.Header))
                    chunk.Add(commit);
                var lastParentTree = next?.Header.Tree; // the stop commit is the last one's parent too
                var wanted = states.SelectMany(state => state.Wanted).ToHashSet(StringComparer.Ordinal);
                var changes = Compare([.. chunk.Select(commit => commit.Header)], lastParentTree, wanted, LinesAsked(states));
                for (var i = 0; i < chunk.Count; i++)
                {
                    foreach (var state in states)
                    {
                        // A request joins the walk at its own commit (ReadAlongLine); what is newer is not its history.
                        if (!state.Reached && state.Head == chunk[i].Id) state.Reached = true;
                        if (state.Reached) Apply(state, changes[i], chunk[i].Id, chunk[i].Header.AuthorDate);
                    }
                }

                walked?.Invoke(_walked += chunk.Count);
                chunkSize = Math.Min(chunkSize * 2, LargestChunk);
            }
        }

        private void Apply(WalkState state, List<FileChange> changes, GitId commit, DateOnly date)
        {
            if (state.IsDone) return;
            state.Walked++;
            var isIgnored = ignored.Contains(commit);
            foreach (var change in changes)
            {
                // An ignored commit that made the file is still its start: nothing older dates it.
                if (isIgnored && change.OldBlob is not null)
                {
                    if (state.Lines.TryGetValue(change.Path, out var rewritten)) PassOn(change, rewritten, state);
                    continue;
                }

                if (state.Files.Remove(change.Path)) state.FileDates[change.Path] = date;
                if (state.PassedOn.Remove(change.Path, out var passed))
                    foreach (var line in passed) state.LineDates[(change.Path, line)] = date;
                if (!state.Lines.TryGetValue(change.Path, out var asked)) continue;
                DateLines(change, date, asked, state.LineDates);
                if (asked.Count == 0 || change.OldBlob is null) state.Lines.Remove(change.Path);
            }
        }

        /// <summary>The asked lines an ignored commit added are dated by the file's change before it.</summary>
        private void PassOn(FileChange change, HashSet<string> asked, WalkState state)
        {
            var added = AddedLines(change, asked);
            foreach (var line in asked.Where(added.Contains).ToList())
            {
                asked.Remove(line);
                if (!state.PassedOn.TryGetValue(change.Path, out var passed)) state.PassedOn[change.Path] = passed = new HashSet<string>(StringComparer.Ordinal);
                passed.Add(line);
            }

            if (asked.Count == 0) state.Lines.Remove(change.Path);
        }

        /// <summary>The lines still asked about, per file, over all states: a copy, read while a stretch is compared.</summary>
        private static Dictionary<string, HashSet<string>> LinesAsked(IReadOnlyList<WalkState> states)
        {
            var asked = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var state in states)
            {
                foreach (var (path, lines) in state.Lines)
                {
                    if (!asked.TryGetValue(path, out var set)) asked[path] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.UnionWith(lines);
                }
            }

            return asked;
        }

        private (GitId, CommitHeader)? Parent(CommitHeader commit) =>
            commit.FirstParent is { } parent ? (parent, _objects.ReadCommit(parent)) : null;

        /// <summary>The wanted files each commit of <paramref name="chunk"/> changed against its first parent (the next
        /// in the chunk; for the last, <paramref name="lastParentTree"/>), compared from the oldest, so that the tree read
        /// for one commit is the parent's tree of the one before.</summary>
        /// <param name="lines">The lines asked about, per file: which of them each change adds is worked out here too
        /// (<see cref="LineScanner"/>).</param>
        private List<FileChange>[] Compare(
            List<CommitHeader> chunk, GitId? lastParentTree, IReadOnlySet<string> files, Dictionary<string, HashSet<string>> lines)
        {
            var result = new List<FileChange>[chunk.Count];
            var wanted = new TreeComparer(_objects, files);
            var scanner = new LineScanner(_objects, lines, maxFileBytes);
            for (var i = chunk.Count - 1; i >= 0; i--)
                result[i] = scanner.Scan(wanted.Changes(i + 1 < chunk.Count ? chunk[i + 1].Tree : lastParentTree, chunk[i].Tree));
            return result;
        }

        private void DateLines(FileChange change, DateOnly date, HashSet<string> wanted, Dictionary<(string, string), DateOnly> lineDates)
        {
            var added = AddedLines(change, wanted);
            foreach (var line in wanted.Where(added.Contains).ToList())
            {
                lineDates[(change.Path, line)] = date;
                wanted.Remove(line);
            }
        }

        /// <summary>Of <paramref name="asked"/>, the lines <paramref name="change"/> added: as the comparison found them,
        /// or (when it could not read a version then) read now, where a failure stops the walk.</summary>
        private IReadOnlySet<string> AddedLines(FileChange change, HashSet<string> asked) =>
            change.AddedLines ?? LineScanner.Added(_objects, change, asked, maxFileBytes);

        public void Dispose() => _objects.Dispose();
    }

    /// <summary>Which asked lines each change of a file adds, worked out as the trees are compared, for a run of
    /// consecutive commits taken oldest first. Each version of a file is read once: the version a change replaces is the
    /// one the change before it in the run made (first-parent history is a line); read per change, two blobs were
    /// decoded for every change of a file with inline agreements.</summary>
    private sealed class LineScanner(GitObjects objects, Dictionary<string, HashSet<string>> asked, long maxFileBytes)
    {
        private readonly Dictionary<string, (GitId Blob, HashSet<string> Present)> _last = new(StringComparer.Ordinal);

        /// <summary><paramref name="changes"/> (one commit's, the run's commits in turn from the oldest) with the lines
        /// each adds; a change whose versions cannot be read here is left without, to be read again when it is applied.</summary>
        public List<FileChange> Scan(List<FileChange> changes)
        {
            if (asked.Count == 0) return changes;
            for (var i = 0; i < changes.Count; i++)
            {
                var change = changes[i];
                if (!asked.TryGetValue(change.Path, out var lines)) continue;
                try
                {
                    var before = change.OldBlob is not { } old ? []
                        : _last.TryGetValue(change.Path, out var last) && last.Blob == old ? last.Present
                        : Present(objects, old, lines, maxFileBytes);
                    var now = Present(objects, change.Blob, lines, maxFileBytes);
                    _last[change.Path] = (change.Blob, now);
                    changes[i] = change with { AddedLines = now.Where(line => !before.Contains(line)).ToHashSet(StringComparer.Ordinal) };
                }
                catch (Exception e) when (e is LibGit2SharpException or IOException)
                {
                    _last.Remove(change.Path);
                }
            }

            return changes;
        }

        /// <summary>Of <paramref name="asked"/>, the lines in <paramref name="change"/>'s blob and not in its old one.</summary>
        public static HashSet<string> Added(GitObjects objects, FileChange change, HashSet<string> asked, long maxFileBytes)
        {
            var now = Present(objects, change.Blob, asked, maxFileBytes);
            if (change.OldBlob is { } old) now.ExceptWith(Present(objects, old, asked, maxFileBytes));
            return now;
        }

        /// <summary>Which of <paramref name="lines"/> a blob has, its lines taken without trailing white space and decoded
        /// as the parser decodes files; none for a blob over the size limit (its header says how large it is, so it is
        /// never read).</summary>
        public static HashSet<string> Present(GitObjects objects, GitId blob, HashSet<string> lines, long maxFileBytes)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            if (objects.ReadSize(blob) > maxFileBytes) return present;
            var text = SourceText.Decode(objects.ReadBlob(blob), out _);
            if (text is null) return present;
            var lookup = lines.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var line = 1; line <= text.LineCount && present.Count < lines.Count; line++)
                if (lookup.TryGetValue(text.LineSpan(line).TrimEnd(), out var found)) present.Add(found);
            return present;
        }
    }

    /// <summary>One request's progress: what is still undated, and the dates found.</summary>
    private sealed class WalkState(GitId head, HashSet<string> files)
    {
        public GitId Head => head;

        public HashSet<string> Files => files;

        public Dictionary<string, HashSet<string>> Lines { get; } = new(StringComparer.Ordinal);

        /// <summary>Lines an ignored commit added, per file: dated by the file's next older change.</summary>
        public Dictionary<string, HashSet<string>> PassedOn { get; } = new(StringComparer.Ordinal);

        /// <summary>Asked lines the start commit does not have: written since, not committed.</summary>
        public HashSet<(string, string)> UncommittedLines { get; } = [];

        public Dictionary<string, DateOnly> FileDates { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string, string), DateOnly> LineDates { get; } = [];

        public int Walked { get; set; }

        /// <summary>Whether the walk has come to <see cref="Head"/>: only the commits from there down are this request's history.</summary>
        public bool Reached { get; set; }

        public bool IsDone => Files.Count == 0 && Lines.Count == 0 && PassedOn.Count == 0;

        public IEnumerable<string> Wanted => Files.Concat(Lines.Keys).Concat(PassedOn.Keys);

        public HistoryIndex ToIndex() => new(FileDates, LineDates, Walked) { UncommittedLines = UncommittedLines };
    }
}

/// <summary>What to date as of one commit.</summary>
/// <param name="Start">The commit (a sha or reference); HEAD when null.</param>
/// <param name="Files">Repository-relative, '/'-separated paths of the files to date.</param>
/// <param name="Lines">For some of those files, lines (as written) to date one by one.</param>
internal sealed record HistoryRequest(
    string? Start, IReadOnlyCollection<string> Files, IReadOnlyDictionary<string, IReadOnlyCollection<string>> Lines);
