using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Loading;

/// <summary>What a check of PATH loads and what it reports (DESIGN §3, as ESLint does): the configuration is found
/// upward from PATH, stopping at the git work-tree root; the planning repository it describes (globs relative to its
/// folder) is loaded whole, so cross-item rules and links see everything; the findings under PATH are reported.</summary>
/// <param name="Location">The folder the configuration describes (its own folder, else PATH's folder) in its repository.</param>
/// <param name="ConfigPath">The configuration file found or given; null for the defaults.</param>
/// <param name="Under">PATH repository-relative (a folder or a file) when it is not the root; null: report everything.</param>
public sealed record CheckScope(PlanningLocation Location, string? ConfigPath, string? Under)
{

    /// <summary>The scope of a check of <paramref name="path"/> (a folder or a file), with <paramref name="explicitConfig"/>
    /// (<c>--config</c>) when given: a configuration inside PATH's work tree, at or above PATH, describes its own folder;
    /// one elsewhere describes PATH's folder.</summary>
    public static CheckScope For(string path, string? explicitConfig)
    {
        var full = PlanningLocation.WithoutLinks(path);
        var folder = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        var location = PlanningLocation.Find(folder);
        var workTree = location.WorkTree;
        var config = explicitConfig is not null ? PlanningLocation.WithoutLinks(explicitConfig) : FindUpward(folder, workTree);
        var configFolder = config is null ? null : Path.GetDirectoryName(config)!;
        // The configuration's folder is at or above PATH and in its work tree, so the repository is the same one.
        var root = configFolder is not null && IsAtOrAbove(configFolder, folder) && (explicitConfig is null || workTree is null || IsAtOrAbove(workTree, configFolder))
            ? location.At(configFolder)
            : location;
        var under = full == root.Folder ? null : root.RelativePath(full);
        return new CheckScope(root, config, under);
    }

    /// <summary>Whether a finding is reported: it is under <see cref="Under"/>, about the repository as a whole, or about
    /// the configuration itself.</summary>
    public bool Reports(Diagnostic diagnostic, string? configRelativePath) =>
        Under is null || diagnostic.Path is null || diagnostic.Path == configRelativePath || Contains(diagnostic.Path);

    /// <summary>Whether a repository-relative path lies under <see cref="Under"/>.</summary>
    public bool Contains(string path) =>
        Under is null || path == Under || path.StartsWith(Under + "/", StringComparison.Ordinal);

    private static string? FindUpward(string folder, string? workTree)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            foreach (var name in BacklogLintConfig.FileNames)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate)) return candidate;
            }

            // Outside git, only PATH's own folder; inside, up to the work tree's root.
            if (workTree is null || Same(dir.FullName, workTree)) break;
        }

        return null;
    }

    private static bool IsAtOrAbove(string ancestor, string folder)
    {
        var relative = Path.GetRelativePath(ancestor, folder);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static bool Same(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
