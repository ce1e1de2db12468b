using System.Globalization;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Reporting.Terminal;

namespace BacklogLint.Reporting;

/// <summary>The terminal format: one line per finding in the MSBuild canonical form that editors' problem matchers
/// read (<c>path(line,col): warning BL0001: message</c>), then a summary by rule, by owner (a finding counts for each of its owners) and, when items name teams, by team.</summary>
public static class TextReportWriter
{
    public static void Write(TextWriter writer, AnalysisReport report)
    {
        var visible = report.Visible.ToList();
        WriteLines(writer, visible);
        if (visible.Count > 0) writer.WriteLine();
        writer.WriteLine(Headline(visible, report, TerminalStyle.Plain));
        foreach (var note in Notes(report)) writer.WriteLine(note);
        if (visible.Count == 0) return;

        writer.WriteLine("By rule:");
        var titles = visible.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Descriptor.Title);
        foreach (var (rule, count) in AnalysisReport.CountBy(visible, d => d.Id))
            writer.WriteLine($"  {rule}  {count,4}  {titles[rule]}");
        writer.WriteLine("By owner:");
        foreach (var (owner, count) in AnalysisReport.CountByEach(visible, AnalysisReport.OwnersOf))
            writer.WriteLine($"  {count,4}  {TerminalText.OneLine(owner)}");
        if (!AnalysisReport.AnyTeam(visible)) return;
        writer.WriteLine("By team:");
        foreach (var (team, count) in AnalysisReport.CountBy(visible, AnalysisReport.TeamOf))
            writer.WriteLine($"  {count,4}  {TerminalText.OneLine(team)}");
    }

    /// <summary><c>path(line,col): severity ID: message</c>; a finding without a file is reported by the tool itself.</summary>
    public static string FormatLine(Diagnostic diagnostic)
    {
        var origin = diagnostic.Path is null
            ? "backloglint"
            : diagnostic.Span is { } span
                ? string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Path}({span.Line},{span.Column})")
                : diagnostic.Path;
        return $"{TerminalText.OneLine(origin)}: {Category(diagnostic.Severity)} {diagnostic.Id}: {TerminalText.OneLine(diagnostic.Message)}";
    }

    // MSBuild's categories are error, warning and info; a suggestion is info, as Roslyn prints it.
    private static string Category(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Only the finding lines, nothing else: <c>check --quiet</c>.</summary>
    public static void WriteLines(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) writer.WriteLine(FormatLine(diagnostic));
    }

    /// <summary>"25 findings (8 errors, 14 warnings, 3 suggestions): 25 items in 27 Markdown files checked."</summary>
    internal static string Headline(IReadOnlyList<Diagnostic> visible, AnalysisReport report, TerminalStyle style)
    {
        var checkedText = $"{Plural(report.ItemCount, "item")} in {Plural(report.FileCount, "Markdown file")}";
        if (visible.Count == 0) return $"{style.Good("No findings")}: {checkedText} checked.";
        // Counted by hand: grouping by the enum would compile Linq's grouping for it at run time.
        var perSeverity = new int[Severities.Names.Count];
        foreach (var diagnostic in visible) perSeverity[(int)diagnostic.Severity]++;
        var bySeverity = new List<string>();
        for (var i = 0; i < perSeverity.Length; i++)
        {
            var severity = (Severity)i;
            if (perSeverity[i] > 0) bySeverity.Add(style.For(severity, Plural(perSeverity[i], severity == Severity.Suggestion ? "suggestion" : severity.ToName())));
        }

        return $"{style.Bold(Plural(visible.Count, "finding"))} ({string.Join(", ", bySeverity)}): {checkedText} checked.";
    }

    /// <summary>What the report does not show: suppressed and baselined findings, and a baseline that can shrink.</summary>
    internal static IEnumerable<string> Notes(AnalysisReport report)
    {
        if (report.SuppressedCount > 0 || report.BaselinedCount > 0)
            yield return $"Not shown: {Plural(report.SuppressedCount, "suppressed finding")}, {Plural(report.BaselinedCount, "baselined finding")}.";
        if (ShrinkableBaseline(report) is { } shrink) yield return shrink;
    }

    /// <summary>"2 baselined findings no longer found: run 'backloglint baseline' …", or null when none are gone.</summary>
    public static string? ShrinkableBaseline(AnalysisReport report) => report.FixedSinceBaselineCount > 0
        ? $"{Plural(report.FixedSinceBaselineCount, "baselined finding")} no longer found: run 'backloglint baseline' to shrink the baseline."
        : null;

    internal static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
