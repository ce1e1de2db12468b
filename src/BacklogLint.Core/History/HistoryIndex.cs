namespace BacklogLint.Core.History;

/// <summary>When files and lines were last changed, from git history. When history is unavailable (not a git
/// repository, a shallow clone, no commits) it knows no dates and says why. A file changed in the working tree and not
/// committed (or not yet tracked) was touched today, and so were its lines that are not in the last commit.</summary>
public sealed class HistoryIndex
{
    private readonly IReadOnlyDictionary<string, DateOnly> _files;
    private readonly IReadOnlyDictionary<(string Path, string Line), DateOnly> _lines;
    private IReadOnlySet<string> _uncommitted = new HashSet<string>();
    private IReadOnlySet<string> _edited = new HashSet<string>();
    private DateOnly _today;

    internal HistoryIndex(
        IReadOnlyDictionary<string, DateOnly> files,
        IReadOnlyDictionary<(string Path, string Line), DateOnly> lines,
        int commitsWalked)
    {
        _files = files;
        _lines = lines;
        CommitsWalked = commitsWalked;
    }

    private HistoryIndex(string reason)
        : this(new Dictionary<string, DateOnly>(), new Dictionary<(string, string), DateOnly>(), 0)
    {
        UnavailableReason = reason;
    }

    /// <summary>Why there is no history; null when there is.</summary>
    public string? UnavailableReason { get; }

    public int CommitsWalked { get; }

    /// <summary>Asked lines the start commit does not have (their file was changed since).</summary>
    internal IReadOnlySet<(string Path, string Line)> UncommittedLines { get; init; } = new HashSet<(string, string)>();

    public static HistoryIndex Unavailable(string reason) => new(reason);

    /// <summary>History that is being read (<see cref="IsPending"/>): the rules that read it do not run on it.</summary>
    public static HistoryIndex Pending { get; } = new("git history is still being read");

    /// <summary>Whether this is <see cref="Pending"/>: not unavailable, only not read yet.</summary>
    public bool IsPending => ReferenceEquals(this, Pending);

    /// <summary>This history with <paramref name="files"/> (repository-relative) changed in the working tree and not
    /// committed: they, and their lines the last commit does not have, were touched <paramref name="today"/>.</summary>
    public HistoryIndex WithUncommitted(IReadOnlySet<string> files, DateOnly today)
    {
        if (UnavailableReason is not null || files.Count == 0) return this;
        return new HistoryIndex(_files, _lines, CommitsWalked) { UncommittedLines = UncommittedLines, _uncommitted = files, _today = today };
    }

    /// <summary>This history with <paramref name="files"/> as an editor has them, unsaved or saved since this history
    /// was read, and different from the last commit: they were touched <paramref name="today"/>, and so was each of
    /// their lines that history does not date (it was typed since).</summary>
    public HistoryIndex WithEdited(IReadOnlySet<string> files, DateOnly today)
    {
        if (UnavailableReason is not null || (files.Count == 0 && _edited.Count == 0)) return this;
        return new HistoryIndex(_files, _lines, CommitsWalked)
        {
            UncommittedLines = UncommittedLines, _uncommitted = _uncommitted, _edited = files, _today = today,
        };
    }

    /// <summary>The files whose dates may differ between this history and <paramref name="other"/>: with one history
    /// read and other files edited (<see cref="WithEdited"/>), those edited in one of them; with histories read as of
    /// different commits (a report's samples), the files whose dates or dated lines differ. Null when one is
    /// unavailable (or pending) and the other not, and any file's may differ.</summary>
    internal IEnumerable<string>? DatedOtherwiseThan(HistoryIndex other)
    {
        if (ReferenceEquals(this, other)) return [];
        if (UnavailableReason != other.UnavailableReason) return null;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (!ReferenceEquals(_files, other._files)) AddDiffering(_files, other._files, key => key, paths);
        if (!ReferenceEquals(_lines, other._lines)) AddDiffering(_lines, other._lines, key => key.Path, paths);
        if (!ReferenceEquals(UncommittedLines, other.UncommittedLines))
            paths.UnionWith(UncommittedLines.Except(other.UncommittedLines).Concat(other.UncommittedLines.Except(UncommittedLines)).Select(key => key.Path));
        paths.UnionWith(_uncommitted.Except(other._uncommitted).Concat(other._uncommitted.Except(_uncommitted)));
        paths.UnionWith(_edited.Except(other._edited).Concat(other._edited.Except(_edited)));
        // "Today" dates the uncommitted and edited files: on another day, all of them are dated otherwise.
        if (_today != other._today) paths.UnionWith(_uncommitted.Concat(_edited).Concat(other._uncommitted).Concat(other._edited));
        return paths;
    }

    /// <summary>Whether both were read in one walk as of one commit (they may differ in what is edited): what else
    /// history tells (where a file went, <see cref="Model.PlanningRepository.MoveOf"/>) is the same in both.</summary>
    internal bool IsSameReadingAs(HistoryIndex other) => ReferenceEquals(_files, other._files) && ReferenceEquals(_lines, other._lines);

    private static void AddDiffering<TKey>(IReadOnlyDictionary<TKey, DateOnly> one, IReadOnlyDictionary<TKey, DateOnly> other, Func<TKey, string> pathOf, HashSet<string> paths)
    {
        foreach (var (key, date) in one)
            if (!other.TryGetValue(key, out var otherDate) || otherDate != date) paths.Add(pathOf(key));
        foreach (var key in other.Keys)
            if (!one.ContainsKey(key)) paths.Add(pathOf(key));
    }

    /// <summary>Whether <paramref name="path"/> has changes that are not committed.</summary>
    public bool IsUncommitted(string path) => _uncommitted.Contains(path) || _edited.Contains(path);

    /// <summary>The UTC date of the newest commit that changed <paramref name="path"/> (today when it has uncommitted
    /// changes); null when none did.</summary>
    public DateOnly? LastChanged(string path) =>
        IsUncommitted(path) ? _today : _files.TryGetValue(path, out var date) ? date : null;

    /// <summary>The UTC date of the newest commit whose diff added <paramref name="line"/> (as written, without
    /// trailing white space) to <paramref name="path"/> (today when the line is written but not committed); null when
    /// none did.</summary>
    public DateOnly? LastChanged(string path, string line)
    {
        var key = (path, line.TrimEnd());
        if (_lines.TryGetValue(key, out var date)) return date;
        return _edited.Contains(path) || (_uncommitted.Contains(path) && UncommittedLines.Contains(key)) ? _today : null;
    }
}
