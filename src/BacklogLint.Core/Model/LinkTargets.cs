using System.Text.RegularExpressions;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Model;

/// <summary>How a relative Markdown link resolves, as GitHub resolves it in a file's rendered view.</summary>
public static partial class LinkTargets
{
    /// <summary>The decoded path of a relative link to a Markdown file (without <c>#anchor</c> or <c>?query</c>);
    /// null for a link with a scheme, an absolute path, a pure anchor or a file that is not Markdown.</summary>
    public static string? MarkdownFile(string target)
    {
        var text = target.Trim();
        if (text.Length == 0 || text[0] is '#' or '/' || UriScheme().IsMatch(text)) return null;
        var end = text.IndexOfAny(['#', '?']);
        if (end >= 0) text = text[..end];
        text = Uri.UnescapeDataString(text);
        return text.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? text : null;
    }

    /// <summary>The repository-relative path <paramref name="file"/> points at from <paramref name="fromPath"/>'s
    /// folder; null when it climbs above the repository's root.</summary>
    public static string? Resolve(string fromPath, string file)
    {
        var slash = fromPath.LastIndexOf('/');
        var segments = new List<string>();
        foreach (var segment in (slash < 0 ? file : fromPath[..slash] + "/" + file).Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count == 0) return null;
                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>The Markdown files the links of the repository's files point at that it does not have (for
    /// <see cref="History.RenameFinder"/>: where did they go).</summary>
    public static HashSet<string> Missing(IEnumerable<ParsedFile> files, IReadOnlySet<string> markdownPaths)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var link in file.Item?.Links ?? file.Links)
            {
                if (MarkdownFile(link.Target) is { } target && Resolve(file.Path, target) is { } path && !markdownPaths.Contains(path))
                    missing.Add(path);
            }
        }

        return missing;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex UriScheme();
}
