using BacklogLint.Core.Loading;
using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Commits that change nothing a reader would call a change (reformatting, a mass rename, a licence header),
/// listed as git blame lists them: one revision per line, <c>#</c> comments. The file is, in this order, the one the
/// configuration names (<c>history.ignore-revs-file</c>), git's <c>blame.ignoreRevsFile</c>, or
/// <c>.git-blame-ignore-revs</c> at the work tree's root, the name GitHub's blame view reads.</summary>
internal static class IgnoreRevs
{
    public const string ConventionalName = ".git-blame-ignore-revs";

    /// <param name="configured">The file the configuration names (absolute), "" for none, null for git's own.</param>
    public static IReadOnlyList<string> Read(Repository repository, PlanningLocation location, string? configured)
    {
        if (configured == "") return [];
        var file = configured ?? FromGitConfig(repository, location) ?? Conventional(location);
        if (file is null || !File.Exists(file)) return [];
        try
        {
            return Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The revisions of an ignore-revs file: the first word of each line, without comments.</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        [.. text.Split('\n')
            .Select(line => (line.IndexOf('#') is var hash and >= 0 ? line[..hash] : line).Trim())
            .Where(line => line.Length > 0)
            .Select(line => line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0])];

    private static string? FromGitConfig(Repository repository, PlanningLocation location)
    {
        var name = repository.Config.Get<string>("blame.ignoreRevsFile")?.Value;
        if (string.IsNullOrWhiteSpace(name) || location.WorkTree is null) return null;
        return Path.GetFullPath(Path.Combine(location.WorkTree, name));
    }

    private static string? Conventional(PlanningLocation location) =>
        location.WorkTree is null ? null : Path.Combine(location.WorkTree, ConventionalName);
}
