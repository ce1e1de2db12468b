using BacklogLint.Core.Configuration;
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
    public static IReadOnlyList<string> Read(BacklogLintConfig config, PlanningLocation location, Func<string, string?> readText) =>
        config.Format.StatusList is { } list ? Words(readText, Path.Combine(location.Folder, list.Path), list.Key) : [];

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

        return vocabulary;
    }

    /// <summary>The list under <paramref name="key"/>; empty when the file is missing or not such YAML (it is the
    /// other tool's file, not ours to report on).</summary>
    private static List<string> Words(Func<string, string?> readText, string path, string key)
    {
        string? text;
        try
        {
            text = readText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        if (text is null) return [];
        var (root, problem) = YamlReader.Read(text, firstLine: 1);
        if (problem is not null || root is not YamlMapping map || map.Find(key)?.Value is not YamlSequence sequence) return [];
        return [.. sequence.Items.OfType<YamlScalar>().Where(word => !word.IsNull).Select(word => word.Value.Trim())];
    }
}
