using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

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

    /// <summary>The findings people see: everything but <see cref="Severity.Silent"/>.</summary>
    public IEnumerable<Diagnostic> Visible => Diagnostics.Where(d => d.Severity.IsShown());

    /// <summary>Counts per key, most first, then by key.</summary>
    public static IReadOnlyList<KeyCount> CountBy(IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, string> key)
    {
        // Counted and sorted by hand, over classes: Linq's grouping and sorting by an int, or over tuples, are compiled at
        // run time for those types (ReadyToRun code holds no such instantiation), ~10 ms of every report.
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var name = key(diagnostic);
            if (!tallies.TryGetValue(name, out var tally)) tallies[name] = tally = new Tally();
            tally.Count++;
        }

        var counts = new List<KeyCount>(tallies.Count);
        foreach (var entry in tallies) counts.Add(new KeyCount(entry.Key, entry.Value.Count));
        counts.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Key, b.Key));
        return counts;
    }

    private sealed class Tally
    {
        public int Count { get; set; }
    }

    public static string OwnerOf(Diagnostic diagnostic) => diagnostic.Owner ?? diagnostic switch
    {
        { Path: null } => "(repository)",
        { Path: var path, ItemId: null } when path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) => "(configuration)",
        { ItemId: null } => "(unreadable item)",
        _ => "(unowned)",
    };
}

/// <summary>How many findings have <paramref name="Key"/> (<see cref="AnalysisReport.CountBy"/>).</summary>
public sealed record KeyCount(string Key, int Count);
