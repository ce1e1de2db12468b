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
    /// <c>backlog/tasks</c>; <c>kep</c> when <c>keps/**/kep.yaml</c> exists; <c>eip</c> for an <c>EIPS/</c>-style folder;
    /// <c>madr</c> when a decision folder holds <c>NNNN-*.md</c> records; <c>header</c> when a proposal folder holds a
    /// numbered proposal whose first lines say <c>Status:</c> or <c>Author(s):</c> (or front matter with a status or
    /// authors); else what the files' contents show (<see cref="Guess"/>), else <c>native</c>.</summary>
    public static string Detect(string folder) => Guess(folder).Dialect;

    /// <summary>The dialect of the repository in <paramref name="folder"/> and, when its items are not where that
    /// dialect looks by default, the globs of their folders (relative to <paramref name="folder"/>).</summary>
    public static DialectGuess Guess(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "backlog", "tasks"))) return new("backlog-md") { Reason = "backlog/tasks/ is Backlog.md's layout" };
        var keps = Path.Combine(folder, "keps");
        if (Directory.Exists(keps) && Directory.EnumerateFiles(keps, "kep.yaml", SearchOption.AllDirectories).Any())
            return new("kep") { Reason = "keps/ holds kep.yaml files" };
        if (ImprovementProposalFolders.FirstOrDefault(name => Directory.Exists(Path.Combine(folder, name))) is { } eips)
            return new("eip") { Reason = $"{eips}/ is where EIP-1 proposals live" };
        foreach (var decisions in DecisionFolders.Where(path => Directory.Exists(Path.Combine(folder, path))))
            if (Directory.EnumerateFiles(Path.Combine(folder, decisions), "*.md").Any(file => NumberedRecord().IsMatch(Path.GetFileName(file))))
                return new("madr") { Reason = $"{decisions}/ holds numbered decision records" };
        using var files = new WorkingTreeSource(folder);
        foreach (var proposals in ProposalFolders.Where(path => Directory.Exists(Path.Combine(folder, path))))
            if (Directory.EnumerateFiles(Path.Combine(folder, proposals), "*.md").Any(file => NumberedRecord().IsMatch(Path.GetFileName(file)) && IsProposal(Start(files, file))))
                return new("header") { Reason = $"{proposals}/ holds numbered proposals with a status or authors" };
        return ByContent(folder, files);
    }

    /// <summary>What the files say when the layout does not: EIP-1 preambles (<c>cip: 12</c>, <c>status: Last Call</c>),
    /// KEP keys in front matter, numbered decision records or proposals in folders of other names. The items are then
    /// listed by the folders that hold them. At most <see cref="MaxScanned"/> files are looked at, their first 4 KB.</summary>
    private static DialectGuess ByContent(string folder, WorkingTreeSource files)
    {
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var file in files.ItemCandidates().Take(MaxScanned))
        {
            var name = Path.GetFileName(file);
            var start = Start(files, file);
            var kind = start.StartsWith("---", StringComparison.Ordinal)
                ? EipPreamble().IsMatch(start) ? "eip" : KepFrontMatter().IsMatch(start) ? "kep"
                    : NumberedRecord().IsMatch(name) && IsProposal(start) ? "header" : null
                : NumberedRecord().IsMatch(name) && AdrLines().IsMatch(start) ? "madr"
                : NumberedRecord().IsMatch(name) && IsProposal(start) ? "header"
                : null;
            if (kind is null) continue;
            var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var top = relative == "." ? "" : relative.Split('/')[0];
            var counts = votes.TryGetValue(kind, out var found) ? found : votes[kind] = new(StringComparer.Ordinal);
            counts[top] = counts.GetValueOrDefault(top) + 1;
        }

        if (votes.Count == 0) return new(BuiltInDialects.Native) { Reason = "no file is laid out or written as another format's" };
        var (dialect, folders) = votes.OrderByDescending(vote => vote.Value.Values.Sum()).First();
        // A folder of items, not a stray file: at least two records, or all there are.
        var kept = folders.Where(pair => pair.Value >= 2 || folders.Count == 1).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
        var described = dialect switch
        {
            "eip" => "EIP-1 preambles",
            "kep" => "KEP keys in front matter",
            "madr" => "numbered decision records",
            _ => "numbered proposals with a status or authors",
        };
        var globs = kept.Select(top => top.Length == 0 ? "*.md" : $"{top}/**/*.md").ToList();
        return new(dialect, globs) { Reason = $"{folders.Values.Sum()} files in {string.Join(", ", globs)} are {described}" };
    }

    private const int MaxScanned = 5000;

    private static string Start(WorkingTreeSource files, string path)
    {
        try
        {
            // Read through the source, which refuses a FIFO named like a proposal instead of blocking on it.
            return Encoding.UTF8.GetString(files.ReadStart(path, 4096));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The built-in format for the repository at <paramref name="location"/> (with the item globs it needs,
    /// when not its own), and how many items each reads:
    /// the one its layout shows (<see cref="Detect"/>) when that reads most of what the best reads (native also counts
    /// a page beside the items that has an <c>id:</c>, which the layout's format rightly leaves out); else the one that
    /// reads the most, a tie going to native.</summary>
    public static (DialectGuess Format, IReadOnlyDictionary<string, int> Counts) Propose(PlanningLocation location)
    {
        var layout = Guess(location.Folder);
        var counts = BuiltInDialects.Names.ToDictionary(name => name, name => Count(location, name, name == layout.Dialect ? layout.Items : null), StringComparer.Ordinal);
        var most = counts.Values.Max();
        if (counts[layout.Dialect] > 0 && counts[layout.Dialect] * 5 >= most * 4) return (layout, counts);
        var best = counts.OrderByDescending(pair => pair.Value)
            .ThenByDescending(pair => pair.Key == BuiltInDialects.Native)
            .First().Key;
        return (new DialectGuess(best) { Reason = $"it reads the most items ({layout.Dialect}, which {layout.Reason}, reads {counts[layout.Dialect]})" }, counts);
    }

    private static int Count(PlanningLocation location, string dialect, IReadOnlyList<string>? items)
    {
        var config = Configuration.ConfigLoader.ForDialect(dialect);
        return RepositoryLoader.CountItems(location, items is null ? config : config with { Items = items });
    }

    /// <summary>Whether a file starts as a proposal does: metadata lines (<c>* Status: Accepted</c>, <c>- Start Date:</c>)
    /// near the top, or front matter with a status and authors (a front-matter RFC).</summary>
    private static bool IsProposal(string start) =>
        start.StartsWith("---", StringComparison.Ordinal)
            ? FrontMatter(start) is var keys && FrontMatterStatus().IsMatch(keys) && FrontMatterProposalKeys().IsMatch(keys)
            : start.Split('\n').Take(30).Any(line => HeaderLine().IsMatch(line));

    /// <summary>The front matter's lines, without the body after it.</summary>
    private static string FrontMatter(string start)
    {
        var end = start.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? start : start[..end];
    }

    [GeneratedRegex(@"^(?:status|stage|state)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex FrontMatterStatus();

    // What a proposal's front matter has besides its status (Ember's RFCs: stage, start-date, teams, prs).
    [GeneratedRegex(@"^(?:authors?|author\(s\)|champions?|start[-_ ]date|rfc[-_ ]?pr|prs|teams|discussion)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex FrontMatterProposalKeys();

    // EIP-1 and its relatives: a number key ending in "ip" (eip, erc, cip, sip, …) and a status of EIP-1's.
    [GeneratedRegex(@"\A---\s*\n(?=(?:.*\n){0,40}?(?:[a-z]{0,3}ip|erc)\s*:\s*\d+\s*\n)(?=(?:.*\n){0,40}?status\s*:\s*(?:Idea|Draft|Review|Last Call|Final|Living|Stagnant|Withdrawn)\s*\n)", RegexOptions.IgnoreCase)]
    private static partial Regex EipPreamble();

    [GeneratedRegex(@"^(?:kep-number\s*:|status\s*:\s*(?:provisional|implementable)\s*$)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex KepFrontMatter();

    // adr-tools and Nygard records: "# 1. Title", then "Date:" and a "## Status" section.
    [GeneratedRegex(@"^##\s+Status\s*$|^Status\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex AdrLines();

    [GeneratedRegex(@"^\s{0,3}(?:[-*+]\s+)?(?:\*\*)?(?:Status|Authors?|Author\(s\)|Start Date|Feature Name|RFC PR)(?:\*\*)?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();

    // 0012-use-postgres.md, 12345-generics.md, and gRPC's A1-http-proxy.md / L105-x.md; a name that starts with a
    // date is a record too (20200101-use-x.md).
    [GeneratedRegex(@"^(?:\d{3,8}|[A-Z]{1,3}\d{1,4})[-_].+\.md$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedRecord();
}

/// <summary>A dialect <see cref="DialectDetector"/> found, with the item globs to write when they are not the dialect's
/// own (null: the dialect's).</summary>
public sealed record DialectGuess(string Dialect, IReadOnlyList<string>? Items = null)
{
    /// <summary>Why, in words for <c>init</c> to print: "backlog/tasks/ is Backlog.md's layout".</summary>
    public string Reason { get; init; } = "";
}
