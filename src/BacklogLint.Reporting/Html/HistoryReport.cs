using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Session;

namespace BacklogLint.Reporting.Html;

/// <summary>What the HTML report shows, worked out from the samples of history (<see cref="LintSession.AnalyzeHistory"/>):
/// the open findings on each sampled day counted by rule category, team and owner (and the stale agreements and
/// waiting handoffs by team), and today's findings one by one. Pure: no I/O.</summary>
public sealed class HistoryReport
{
    /// <summary>The rules the lead's questions are about (the catalogue's IDs, DESIGN §2), with the column each gets.</summary>
    public static readonly IReadOnlyList<(string Id, string Heading)> KeyRules =
    [
        ("BL0302", "Overdue"),
        ("BL0001", "Unowned"),
        ("BL0301", "Untouched"),
        ("BL0101", "Stale agreements"),
        ("BL0202", "Waiting handoffs"),
    ];

    /// <summary>How many teams or owners a chart draws as lines of their own (the most findings today); the rest are one line.</summary>
    public const int TopSeries = 8;

    /// <summary>What a finding that is on no item's team counts under.</summary>
    public const string NoTeam = "(no team)";

    private HistoryReport(IReadOnlyList<Point> points, IReadOnlyList<Finding> findings)
    {
        Points = points;
        Findings = findings;
    }

    /// <summary>One count per sampled day, measure and key ("team" "payments" 12), oldest day first.</summary>
    public IReadOnlyList<Point> Points { get; }

    /// <summary>The findings of the newest sample (today), in report order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The days sampled, oldest first.</summary>
    public IReadOnlyList<DateOnly> Days { get; private init; } = [];

    /// <summary>The newest sample: the repository as it is today (HEAD).</summary>
    public required HistorySample Latest { get; init; }

    /// <summary>The sample a quarter before the newest (the newest at least three months older; else the oldest);
    /// null when there is only one.</summary>
    public HistorySample? QuarterAgo { get; private init; }

    /// <summary>How the findings of the two compared samples count, by key, for one measure.</summary>
    public IReadOnlyDictionary<string, int> Now(string measure) => CountsOn(Latest.Day, measure);

    public IReadOnlyDictionary<string, int> Before(string measure) => QuarterAgo is { } before ? CountsOn(before.Day, measure) : new Dictionary<string, int>();

    private Dictionary<string, int> CountsOn(DateOnly day, string measure) =>
        Points.Where(point => point.Day == day && point.Measure == measure).ToDictionary(point => point.Key, point => point.Count, StringComparer.Ordinal);

    /// <summary>The report of <paramref name="samples"/> (oldest first, at least one).</summary>
    public static HistoryReport From(IReadOnlyList<HistorySample> samples)
    {
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count);
        var points = new List<Point>();
        foreach (var sample in samples) points.AddRange(Count(sample));
        var latest = samples[^1];
        var quarter = latest.Day.AddMonths(-3);
        var before = samples.Count < 2 ? null : samples.LastOrDefault(sample => sample.Day <= quarter) ?? samples[0];
        var findings = latest.Reported.Select(d => new Finding(d, TeamOf(latest, d), OwnersOf(d))).ToList();
        return new HistoryReport(points, findings) { Latest = latest, QuarterAgo = before, Days = [.. samples.Select(sample => sample.Day)] };
    }

    /// <summary>Who a finding belongs to: each of its owners (<see cref="AnalysisReport.OwnersOf"/>).</summary>
    public static IReadOnlyList<string> OwnersOf(Diagnostic diagnostic) => AnalysisReport.OwnersOf(diagnostic);

    /// <summary>The team of the item a finding is on (its <c>team:</c>); <see cref="NoTeam"/> for none.</summary>
    private static string TeamOf(HistorySample sample, Diagnostic diagnostic) =>
        diagnostic.Team is { Length: > 0 } team ? team
        : diagnostic.Path is { } path && sample.Repository.ItemAt(path)?.Team?.Value is { Length: > 0 } itemTeam ? itemTeam : NoTeam;

    private static IEnumerable<Point> Count(HistorySample sample)
    {
        var counts = new Dictionary<(string Measure, string Key), int>();
        void Add(string measure, string key) => counts[(measure, key)] = counts.GetValueOrDefault((measure, key)) + 1;
        foreach (var diagnostic in sample.Reported)
        {
            var team = TeamOf(sample, diagnostic);
            Add(Measures.Total, "all");
            Add(Measures.Severity, diagnostic.Severity.ToString().ToLowerInvariant());
            Add(Measures.Category, diagnostic.Descriptor.Category.ToString());
            Add(Measures.Team, team);
            Add(Measures.Rule, diagnostic.Id);
            foreach (var owner in OwnersOf(diagnostic)) Add(Measures.Owner, owner);
            if (diagnostic.Descriptor.Category == RuleCategory.Agreements && diagnostic.Id == "BL0101") Add(Measures.StaleAgreements, team);
            if (diagnostic.Descriptor.Category == RuleCategory.Handoffs) Add(Measures.Handoffs, team);
            foreach (var (id, _) in KeyRules)
            {
                if (diagnostic.Id != id) continue;
                Add(Measures.TeamRule(id), team);
                foreach (var owner in OwnersOf(diagnostic)) Add(Measures.OwnerRule(id), owner);
            }
        }

        return counts.Select(entry => new Point(sample.Day, entry.Key.Measure, entry.Key.Key, entry.Value))
            .OrderBy(point => point.Measure, StringComparer.Ordinal).ThenBy(point => point.Key, StringComparer.Ordinal);
    }

    /// <summary>The measures counted per day.</summary>
    public static class Measures
    {
        public const string Total = "total";
        public const string Severity = "severity";
        public const string Category = "category";
        public const string Team = "team";
        public const string Owner = "owner";
        public const string Rule = "rule";
        public const string StaleAgreements = "stale-agreements";
        public const string Handoffs = "handoffs";

        /// <summary>One key rule's findings by team.</summary>
        public static string TeamRule(string id) => "team:" + id;

        /// <summary>One key rule's findings by owner.</summary>
        public static string OwnerRule(string id) => "owner:" + id;
    }

    /// <param name="Measure">What is counted (<see cref="Measures"/>).</param>
    /// <param name="Key">Of which: a category, team, owner, severity or rule.</param>
    public sealed record Point(DateOnly Day, string Measure, string Key, int Count);

    /// <summary>One of today's findings with the team of its item and its owners.</summary>
    public sealed record Finding(Diagnostic Diagnostic, string Team, IReadOnlyList<string> Owners);
}
