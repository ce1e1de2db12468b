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
    public static IReadOnlyList<(string Key, int Count)> CountBy(IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, string> key) =>
        [.. diagnostics.GroupBy(key, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Count()))
            .OrderByDescending(entry => entry.Item2)
            .ThenBy(entry => entry.Key, StringComparer.Ordinal)];

    public static string OwnerOf(Diagnostic diagnostic) => diagnostic.Owner ?? diagnostic switch
    {
        { Path: null } => "(repository)",
        { Path: var path, ItemId: null } when path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) => "(configuration)",
        { ItemId: null } => "(unreadable item)",
        _ => "(unowned)",
    };
}
