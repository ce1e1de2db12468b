using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.History;
using BacklogLint.Core.Model;

namespace BacklogLint.Reporting;

/// <summary>What the writers report: the findings of one run and what was checked.</summary>
public sealed record AnalysisReport(IReadOnlyList<Diagnostic> Diagnostics, int ItemCount, int FileCount, string ToolVersion)
{
    public const string ToolName = "BacklogLint";

    /// <summary>Findings silenced by suppression directives (not in <see cref="Diagnostics"/>).</summary>
    public int SuppressedCount { get; init; }

    /// <summary>The suppressed findings themselves, with their directives, for formats that show suppressions (SARIF).
    /// May be empty while <see cref="SuppressedCount"/> is not: a writer that only counts needs no more.</summary>
    public IReadOnlyList<SuppressedDiagnostic> Suppressed { get; init; } = [];

    /// <summary>Findings accepted by the baseline (not in <see cref="Diagnostics"/>).</summary>
    public int BaselinedCount { get; init; }

    /// <summary>Baseline entries whose finding is gone: the baseline can shrink.</summary>
    public int FixedSinceBaselineCount { get; init; }

    /// <summary>The items the findings are about, by path, for reports that show them (<c>--format markdown</c>); empty
    /// when the front end did not fill it in. A finding in a document of an item (a KEP's README.md beside its
    /// kep.yaml) is the item's by its id.</summary>
    public IReadOnlyDictionary<string, ReportedItem> Items { get; init; } = new Dictionary<string, ReportedItem>();

    /// <summary>Where the files are on GitHub at the checked commit, for links to lines; null for links relative to the
    /// repository's root.</summary>
    public WebAddress? Web { get; init; }

    /// <summary>Files whose text is not the checked commit's (uncommitted changes): a link to the commit's lines would
    /// point at other lines, so they get relative links.</summary>
    public IReadOnlySet<string> ChangedFiles { get; init; } = new HashSet<string>();

    /// <summary>This report with what the lead's report shows of the repository's items (<see cref="Items"/>), links to
    /// the lines at <paramref name="web"/>'s commit, and the files changed since it (<see cref="ChangedFiles"/>).</summary>
    public AnalysisReport WithItems(PlanningRepository repository, WebAddress? web)
    {
        var items = new Dictionary<string, ReportedItem>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in repository.Items)
        {
            items.TryAdd(item.Path, ReportedItem.Of(item));
            if (repository.History.IsUncommitted(item.Path)) changed.Add(item.Path);
        }

        return this with { Items = items, Web = web, ChangedFiles = changed };
    }

    /// <summary>The findings people see: everything but <see cref="Severity.Silent"/>.</summary>
    public IEnumerable<Diagnostic> Visible => Diagnostics.Where(d => d.Severity.IsShown());

    /// <summary>Counts per key, most first, then by key.</summary>
    public static IReadOnlyList<KeyCount> CountBy(IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, string> key)
    {
        var tallies = new Tallies();
        foreach (var diagnostic in diagnostics) tallies.Add(key(diagnostic));
        return tallies.Sorted();
    }

    /// <summary>Counts per key where a finding may have several (<see cref="OwnersOf"/>): it counts once for each, so
    /// the counts add up to more than the findings when findings are shared.</summary>
    public static IReadOnlyList<KeyCount> CountByEach(IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, IReadOnlyList<string>> keys)
    {
        var tallies = new Tallies();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var key in keys(diagnostic)) tallies.Add(key);
        }

        return tallies.Sorted();
    }

    /// <summary>Counted and sorted by hand, over classes: Linq's grouping and sorting by an int, or over tuples, are
    /// compiled at run time for those types (ReadyToRun code holds no such instantiation), ~10 ms of every report.</summary>
    private sealed class Tallies
    {
        private readonly Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

        public void Add(string key)
        {
            if (!_tallies.TryGetValue(key, out var tally)) _tallies[key] = tally = new Tally();
            tally.Count++;
        }

        public List<KeyCount> Sorted()
        {
            var counts = new List<KeyCount>(_tallies.Count);
            foreach (var entry in _tallies) counts.Add(new KeyCount(entry.Key, entry.Value.Count));
            counts.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Key, b.Key));
            return counts;
        }
    }

    private sealed class Tally
    {
        public int Count { get; set; }
    }

    /// <summary>Whose a finding is, for counts by owner: each of its owners (people and teams), else what it is about
    /// when nobody owns it: "(unowned)" for an item, "(repository)", "(configuration)", "(unreadable item)".</summary>
    public static IReadOnlyList<string> OwnersOf(Diagnostic diagnostic) => diagnostic.Owners.Count > 0 ? diagnostic.Owners : diagnostic switch
    {
        { Path: null } => RepositoryOwner,
        { Path: var path, ItemId: null } when path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) => ConfigurationOwner,
        { ItemId: null } => UnreadableOwner,
        _ => Unowned,
    };

    /// <summary>What <see cref="OwnersOf"/> gives for an item that nobody owns.</summary>
    public const string UnownedKey = "(unowned)";

    private static readonly string[] RepositoryOwner = ["(repository)"];
    private static readonly string[] ConfigurationOwner = ["(configuration)"];
    private static readonly string[] UnreadableOwner = ["(unreadable item)"];
    private static readonly string[] Unowned = [UnownedKey];

    /// <summary>Where a finding belongs, for counts by team: its item's team, else "(no team)".</summary>
    public static string TeamOf(Diagnostic diagnostic) => diagnostic.Team ?? NoTeam;

    /// <summary>What <see cref="TeamOf"/> gives for a finding whose item names no team.</summary>
    public const string NoTeam = "(no team)";

    /// <summary>True when some finding's item names a team, so that counts by team say something.</summary>
    public static bool AnyTeam(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => d.Team is not null);
}

/// <summary>How many findings have <paramref name="Key"/> (<see cref="AnalysisReport.CountBy"/>).</summary>
public sealed record KeyCount(string Key, int Count);

/// <summary>What a report shows of the item a finding is about.</summary>
/// <param name="Status">As a message shows it (<see cref="Core.Model.Status.Display"/>).</param>
/// <param name="IsSettled">Archived, finished, dropped or a final record: nobody works on it any more, so a lead's
/// report shows its findings last.</param>
public sealed record ReportedItem(string Path, string Id, string? Title, string Status, bool IsSettled)
{
    public static ReportedItem Of(WorkItem item) => new(
        item.Path,
        item.Id.Value,
        item.Title?.Value,
        item.Status.Display,
        item.IsArchived || item.Status.IsFinal || item.Status.Class == StatusClass.Closed);
}
