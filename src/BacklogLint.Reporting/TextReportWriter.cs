using System.Globalization;
using System.Text;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting;

/// <summary>The terminal format: one line per finding in the MSBuild canonical form that editors' problem matchers
/// read (<c>path(line,col): warning BL0001: message</c>), then a summary by rule and by owner.</summary>
public static class TextReportWriter
{
    public static void Write(TextWriter writer, AnalysisReport report)
    {
        var visible = report.Visible.ToList();
        foreach (var diagnostic in visible) writer.WriteLine(FormatLine(diagnostic));
        if (visible.Count > 0) writer.WriteLine();
        writer.WriteLine(Headline(visible, report));
        if (report.SuppressedCount > 0 || report.BaselinedCount > 0)
            writer.WriteLine($"Not shown: {Plural(report.SuppressedCount, "suppressed finding")}, {Plural(report.BaselinedCount, "baselined finding")}.");
        if (report.FixedSinceBaselineCount > 0)
            writer.WriteLine($"{Plural(report.FixedSinceBaselineCount, "baselined finding")} no longer found: run 'backloglint baseline' to shrink the baseline.");
        if (visible.Count == 0) return;

        writer.WriteLine("By rule:");
        var titles = visible.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Descriptor.Title);
        foreach (var (rule, count) in AnalysisReport.CountBy(visible, d => d.Id))
            writer.WriteLine($"  {rule}  {count,4}  {titles[rule]}");
        writer.WriteLine("By owner:");
        foreach (var (owner, count) in AnalysisReport.CountBy(visible, AnalysisReport.OwnerOf))
            writer.WriteLine($"  {count,4}  {OneLine(owner)}");
    }

    /// <summary><c>path(line,col): severity ID: message</c>; a finding without a file is reported by the tool itself.</summary>
    public static string FormatLine(Diagnostic diagnostic)
    {
        var origin = diagnostic.Path is null
            ? "backloglint"
            : diagnostic.Span is { } span
                ? string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Path}({span.Line},{span.Column})")
                : diagnostic.Path;
        return $"{OneLine(origin)}: {Category(diagnostic.Severity)} {diagnostic.Id}: {OneLine(diagnostic.Message)}";
    }

    // MSBuild's categories are error, warning and info; a suggestion is info, as Roslyn prints it.
    private static string Category(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>One line a terminal shows as written: line breaks and control characters (an ESC could start an ANSI
    /// sequence from item text) become spaces, and bidirectional overrides are dropped.</summary>
    private static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') continue;
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return line.ToString();
    }

    private static string Headline(List<Diagnostic> visible, AnalysisReport report)
    {
        var checkedText = $"{Plural(report.ItemCount, "item")} in {Plural(report.FileCount, "Markdown file")}";
        if (visible.Count == 0) return $"No findings: {checkedText} checked.";
        var bySeverity = visible.GroupBy(d => d.Severity).OrderBy(g => g.Key)
            .Select(g => Plural(g.Count(), g.Key == Severity.Suggestion ? "suggestion" : g.Key.ToName()));
        return $"{Plural(visible.Count, "finding")} ({string.Join(", ", bySeverity)}): {checkedText} checked.";
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
