using System.Text;
using System.Text.RegularExpressions;
using BacklogLint.Core.Loading;

namespace BacklogLint.Core.Dialects;

/// <summary>Which built-in dialect a repository is written in, from its layout alone (for <c>backloglint init</c>).</summary>
public static partial class DialectDetector
{
    /// <summary>Folders where numbered decision records live, as MADR and adr-tools lay them out.</summary>
    private static readonly string[] DecisionFolders = ["docs/decisions", "doc/adr", "docs/adr", "docs/architecture/decisions", "adr"];

    /// <summary>Folders of EIP-1-style improvement proposals (the eip dialect's items).</summary>
    private static readonly string[] ImprovementProposalFolders = ["EIPS", "ERCS", "RIPS", "CAIPs"];

    /// <summary>Folders where RFC and proposal repositories keep numbered proposals (the header dialect's items).</summary>
    private static readonly string[] ProposalFolders = ["proposals", "rfcs", "design", "text"];

    /// <summary>The dialect of the repository in <paramref name="folder"/>: <c>backlog-md</c> when there is
    /// <c>backlog/tasks</c>; <c>kep</c> when <c>keps/**/kep.yaml</c> exists; <c>madr</c> when a decision folder holds
    /// <c>NNNN-*.md</c> records; <c>header</c> when a proposal folder holds a numbered proposal whose first lines say
    /// <c>Status:</c> or <c>Author(s):</c>; else <c>native</c>.</summary>
    public static string Detect(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "backlog", "tasks"))) return "backlog-md";
        if (ImprovementProposalFolders.Any(name => Directory.Exists(Path.Combine(folder, name)))) return "eip";
        var keps = Path.Combine(folder, "keps");
        if (Directory.Exists(keps) && Directory.EnumerateFiles(keps, "kep.yaml", SearchOption.AllDirectories).Any())
            return "kep";
        foreach (var decisions in DecisionFolders.Select(path => Path.Combine(folder, path)).Where(Directory.Exists))
            if (Directory.EnumerateFiles(decisions, "*.md").Any(file => NumberedRecord().IsMatch(Path.GetFileName(file))))
                return "madr";
        using var files = new WorkingTreeSource(folder);
        foreach (var proposals in ProposalFolders.Select(path => Path.Combine(folder, path)).Where(Directory.Exists))
            if (Directory.EnumerateFiles(proposals, "*.md").Any(file => NumberedRecord().IsMatch(Path.GetFileName(file)) && HasHeaderLines(files, file)))
                return "header";
        return BuiltInDialects.Native;
    }

    /// <summary>The built-in format for the repository at <paramref name="location"/>, and how many items each reads:
    /// the one its layout shows (<see cref="Detect"/>) when that reads most of what the best reads (native also counts
    /// a page beside the items that has an <c>id:</c>, which the layout's format rightly leaves out); else the one that
    /// reads the most, a tie going to native.</summary>
    public static (string Dialect, IReadOnlyDictionary<string, int> Counts) Propose(PlanningLocation location)
    {
        var layout = Detect(location.Folder);
        var counts = BuiltInDialects.Names.ToDictionary(name => name, name => RepositoryLoader.CountItems(location, Configuration.ConfigLoader.ForDialect(name)), StringComparer.Ordinal);
        var most = counts.Values.Max();
        if (counts[layout] > 0 && counts[layout] * 5 >= most * 4) return (layout, counts);
        var best = counts.OrderByDescending(pair => pair.Value)
            .ThenByDescending(pair => pair.Key == layout)
            .ThenByDescending(pair => pair.Key == BuiltInDialects.Native)
            .First().Key;
        return (best, counts);
    }

    /// <summary>Whether the file's first lines are proposal metadata (<c>* Status: Accepted</c>); a file with front
    /// matter is a native item, whatever its folder.</summary>
    private static bool HasHeaderLines(WorkingTreeSource files, string path)
    {
        string start;
        try
        {
            // Read through the source, which refuses a FIFO named like a proposal instead of blocking on it.
            start = Encoding.UTF8.GetString(files.ReadStart(path, 4096));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return !start.StartsWith("---", StringComparison.Ordinal) && start.Split('\n').Take(30).Any(line => HeaderLine().IsMatch(line));
    }

    [GeneratedRegex(@"^\s{0,3}(?:[-*+]\s+)?(?:\*\*)?(?:Status|Authors?|Author\(s\)|Start Date|Feature Name|RFC PR)(?:\*\*)?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\d{3,5}-.+\.md$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedRecord();
}
