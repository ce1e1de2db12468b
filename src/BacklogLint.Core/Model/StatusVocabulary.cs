namespace BacklogLint.Core.Model;

/// <summary>Maps status words to <see cref="StatusClass"/>es by item type. Words compare case-insensitively with
/// spaces, '_', '-' and apostrophes ignored ("In Progress" = "in-progress", "WONT_FIX" = "won't fix"). The defaults
/// are DESIGN §1's; configuration adds or overrides words.</summary>
public sealed class StatusVocabulary
{
    private readonly Dictionary<string, (StatusClass Class, string Word)> _work = [];
    private readonly Dictionary<string, (StatusClass Class, string Word)> _agreements = [];
    private readonly HashSet<string> _dropped = [];
    private HashSet<string>? _listed;

    /// <summary>The work statuses a repository's own list allows (Backlog.md's <c>statuses</c>), as written there; null
    /// when it lists none and every known word is allowed.</summary>
    public IReadOnlyList<string>? Listed { get; private set; }

    /// <summary>Allows only <paramref name="words"/> (and <paramref name="alsoAllowed"/>) as work statuses; other known
    /// words still classify, so the rules still work, and the parser reports them.</summary>
    public void RestrictTo(IReadOnlyList<string> words, params string[] alsoAllowed)
    {
        Listed = words;
        _listed = [.. words.Concat(alsoAllowed).Select(Normalize)];
    }

    /// <summary>Whether <paramref name="word"/> is one the repository's own list allows (always, without a list).</summary>
    public bool IsListed(string word) => _listed is null || _listed.Contains(Normalize(word));

    public static StatusVocabulary CreateDefault()
    {
        var vocabulary = new StatusVocabulary();
        vocabulary.AddWork(StatusClass.Open, "open", "todo", "ready", "backlog", "proposed", "new");
        vocabulary.AddWork(StatusClass.Active, "active", "in-progress", "doing", "review", "in-review", "wip");
        vocabulary.AddWork(StatusClass.Blocked, "blocked", "on-hold");
        vocabulary.AddWork(StatusClass.Closed, "closed", "done", "complete", "completed", "resolved");
        vocabulary.AddWork(StatusClass.Closed, dropped: true, "dropped", "wontfix", "cancelled", "canceled");
        vocabulary.AddAgreement(StatusClass.Proposed, "proposed", "draft");
        vocabulary.AddAgreement(StatusClass.InForce, "in-force", "active", "accepted", "agreed", "approved");
        vocabulary.AddAgreement(StatusClass.Retired, "retired", "superseded", "deprecated", "rejected", "withdrawn");
        return vocabulary;
    }

    /// <summary>A vocabulary with the same words, to extend without changing this one.</summary>
    public StatusVocabulary Copy()
    {
        var copy = new StatusVocabulary();
        foreach (var (key, entry) in _work) copy._work[key] = entry;
        foreach (var (key, entry) in _agreements) copy._agreements[key] = entry;
        copy._dropped.UnionWith(_dropped);
        copy._listed = _listed is null ? null : [.. _listed];
        copy.Listed = Listed;
        return copy;
    }

    public static string Normalize(string word) =>
        string.Concat(word.ToLowerInvariant().Where(c => c is not (' ' or '_' or '-' or '\t' or '\'' or '\u2019')));

    public void AddWork(StatusClass status, params string[] words) => AddWork(status, dropped: false, words);

    public void AddWork(StatusClass status, bool dropped, params string[] words)
    {
        foreach (var word in words)
        {
            var key = Normalize(word);
            _work[key] = (status, word);
            if (dropped) _dropped.Add(key);
            else _dropped.Remove(key);
        }
    }

    public void AddAgreement(StatusClass status, params string[] words)
    {
        foreach (var word in words) _agreements[Normalize(word)] = (status, word);
    }

    /// <summary>The class of <paramref name="word"/> for an item of <paramref name="type"/>, or
    /// <see cref="StatusClass.Unknown"/>.</summary>
    public StatusClass Classify(ItemType type, string word, out bool isDropped)
    {
        var key = Normalize(word);
        var map = type == ItemType.Agreement ? _agreements : _work;
        isDropped = type != ItemType.Agreement && _dropped.Contains(key);
        return map.TryGetValue(key, out var entry) ? entry.Class : StatusClass.Unknown;
    }

    /// <summary>The words known for <paramref name="type"/>, for messages.</summary>
    public IEnumerable<string> KnownWords(ItemType type) =>
        (type == ItemType.Agreement ? _agreements : _work).Values.Select(entry => entry.Word).Order(StringComparer.Ordinal);
}
