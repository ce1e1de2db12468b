using BacklogLint.Core.Configuration;
using BacklogLint.Core.Dialects;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Loading;

/// <summary>Status words a repository lists in its own configuration, in workflow order (Backlog.md's
/// <c>statuses: [To Do, In Progress, Done]</c> in <c>backlog/config.yml</c>): a word not already known is open when
/// first, closed when last and active in between.</summary>
internal static class StatusListReader
{
    /// <summary>The words the format's status list names (none when the format has no status list).</summary>
    /// <param name="readText">Reads a file by full path; null when there is none.</param>
    public static RepositoryConventions Read(BacklogLintConfig config, PlanningLocation location, Func<string, string?> readText) =>
        config.Format.StatusList is { } list ? Conventions(readText, Path.Combine(location.Folder, list.Path), list) : RepositoryConventions.None;

    /// <summary>The configured vocabulary with <paramref name="words"/> (from <see cref="Read"/>) added.</summary>
    public static StatusVocabulary Extend(BacklogLintConfig config, IReadOnlyList<string> words)
    {
        if (words.Count == 0) return config.Statuses;
        var vocabulary = config.Statuses.Copy();
        for (var i = 0; i < words.Count; i++)
        {
            if (vocabulary.Classify(ItemType.Task, words[i], out _) != StatusClass.Unknown) continue;
            vocabulary.AddWork(i == 0 ? StatusClass.Open : i == words.Count - 1 ? StatusClass.Closed : StatusClass.Active, words[i]);
        }

        // Backlog.md's drafts have a status of their own, outside the list.
        vocabulary.RestrictTo(words, "Draft");

        return vocabulary;
    }

    /// <summary>The list under the list's key and the id prefix under its prefix key; none when the file is missing or
    /// not such YAML (it is the other tool's file, not ours to report on).</summary>
    private static RepositoryConventions Conventions(Func<string, string?> readText, string path, StatusListFile list)
    {
        string? text;
        try
        {
            text = readText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RepositoryConventions.None;
        }

        if (text is null) return RepositoryConventions.None;
        var (root, problem) = YamlReader.Read(text, firstLine: 1);
        if (problem is not null || root is not YamlMapping map) return RepositoryConventions.None;
        var words = map.Find(list.Key)?.Value is YamlSequence sequence
            ? sequence.Items.OfType<YamlScalar>().Where(word => !word.IsNull).Select(word => word.Value.Trim()).ToList()
            : [];
        var prefix = list.PrefixKey is { } key && map.Find(key)?.Value is YamlScalar { IsNull: false } value && value.Value.Trim().Length is > 0 and <= 40
            ? value.Value.Trim()
            : list.DefaultPrefix;
        return new RepositoryConventions(words, prefix);
    }
}

/// <summary>What a repository's own configuration file says (Backlog.md's <c>backlog/config.yml</c>): its status words
/// in workflow order and its id prefix (<c>task_prefix: "back"</c>: ids are <c>BACK-1</c>).</summary>
public sealed record RepositoryConventions(IReadOnlyList<string> Words, string? IdPrefix)
{
    public static RepositoryConventions None { get; } = new([], null);

    /// <summary>Whether files parse alike under both.</summary>
    public bool SameAs(RepositoryConventions other) =>
        Words.SequenceEqual(other.Words, StringComparer.Ordinal) && IdPrefix == other.IdPrefix;
}
