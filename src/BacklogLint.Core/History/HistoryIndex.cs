namespace BacklogLint.Core.History;

/// <summary>When files and lines were last changed, from git history. When history is unavailable (not a git
/// repository, a shallow clone, no commits) it knows no dates and says why.</summary>
public sealed class HistoryIndex
{
    private readonly IReadOnlyDictionary<string, DateOnly> _files;
    private readonly IReadOnlyDictionary<(string Path, string Line), DateOnly> _lines;

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

    public static HistoryIndex Unavailable(string reason) => new(reason);

    /// <summary>The UTC date of the newest commit that changed <paramref name="path"/>; null when none did.</summary>
    public DateOnly? LastChanged(string path) => _files.TryGetValue(path, out var date) ? date : null;

    /// <summary>The UTC date of the newest commit whose diff added <paramref name="line"/> (as written, without
    /// trailing white space) to <paramref name="path"/>; null when none did.</summary>
    public DateOnly? LastChanged(string path, string line) =>
        _lines.TryGetValue((path, line.TrimEnd()), out var date) ? date : null;
}
