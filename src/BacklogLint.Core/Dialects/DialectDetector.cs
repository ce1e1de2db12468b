using System.Text.RegularExpressions;

namespace BacklogLint.Core.Dialects;

/// <summary>Which built-in dialect a repository is written in, from its layout alone (for <c>backloglint init</c>).</summary>
public static partial class DialectDetector
{
    /// <summary>Folders where numbered decision records live, as MADR and adr-tools lay them out.</summary>
    private static readonly string[] DecisionFolders = ["docs/decisions", "doc/adr", "docs/adr", "docs/architecture/decisions", "adr"];

    /// <summary>The dialect of the repository in <paramref name="folder"/>: <c>backlog-md</c> when there is
    /// <c>backlog/tasks</c>; <c>kep</c> when <c>keps/**/kep.yaml</c> exists; <c>madr</c> when a decision folder holds
    /// <c>NNNN-*.md</c> records; else <c>native</c>.</summary>
    public static string Detect(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "backlog", "tasks"))) return "backlog-md";
        var keps = Path.Combine(folder, "keps");
        if (Directory.Exists(keps) && Directory.EnumerateFiles(keps, "kep.yaml", SearchOption.AllDirectories).Any())
            return "kep";
        foreach (var decisions in DecisionFolders.Select(path => Path.Combine(folder, path)).Where(Directory.Exists))
            if (Directory.EnumerateFiles(decisions, "*.md").Any(file => NumberedRecord().IsMatch(Path.GetFileName(file))))
                return "madr";
        return BuiltInDialects.Native;
    }

    [GeneratedRegex(@"^\d{3,5}-.+\.md$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedRecord();
}
