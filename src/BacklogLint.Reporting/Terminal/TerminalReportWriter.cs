using System.Globalization;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting.Terminal;

/// <summary>The report for a person at a terminal: findings grouped by file, each with its line quoted and the offending
/// span underlined, then tables by rule, by owner (a finding counts for each of its owners) and by team. Each finding still starts with its MSBuild line
/// (<see cref="TextReportWriter.FormatLine"/>), free of escapes, so editors' terminals and problem matchers read it as
/// they read the plain format.</summary>
public static class TerminalReportWriter
{
    /// <summary>How much of a long line is quoted.</summary>
    private const int QuoteWidth = 160;

    /// <param name="sourceLines">The lines of a file, by the repository-relative path of a finding; null when it cannot
    /// be read (the finding is then shown without a quote).</param>
    /// <param name="quiet">Only the findings (given already filtered), no summary.</param>
    public static void Write(TextWriter writer, AnalysisReport report, IReadOnlyList<Diagnostic> shown, TerminalStyle style,
        Func<string, IReadOnlyList<string>?> sourceLines, bool quiet = false)
    {
        // Files in the report's order; findings about the repository as a whole come last.
        foreach (var file in shown.GroupBy(d => d.Path).OrderBy(g => g.Key is null))
        {
            var findings = file.ToList();
            writer.WriteLine(file.Key is null
                ? style.Bold("repository")
                : $"{style.Underline(style.Bold(TerminalText.OneLine(file.Key)))}  {style.Dim(TextReportWriter.Plural(findings.Count, "finding"))}");
            var lines = file.Key is null ? null : sourceLines(file.Key);
            var gutter = findings.Max(d => d.Span?.Line ?? 0).ToString(CultureInfo.InvariantCulture).Length;
            foreach (var diagnostic in findings)
            {
                writer.WriteLine(TextReportWriter.FormatLine(diagnostic));
                WriteQuote(writer, diagnostic, lines, gutter, style);
            }

            writer.WriteLine();
        }

        if (quiet) return;
        var visible = report.Visible.ToList();
        writer.WriteLine(TextReportWriter.Headline(visible, report, style));
        foreach (var note in TextReportWriter.Notes(report)) writer.WriteLine(style.Dim(note));
        if (visible.Count == 0) return;
        writer.WriteLine();
        WriteRuleTable(writer, visible, style);
        writer.WriteLine();
        WritePartyTable(writer, visible, style, "Owner", AnalysisReport.OwnersOf);
        if (!AnalysisReport.AnyTeam(visible)) return;
        writer.WriteLine();
        WritePartyTable(writer, visible, style, "Team", d => [AnalysisReport.TeamOf(d)]);
    }

    /// <summary><c>   6 | owner: "@alice"</c> and under it <c>     |        ^^^^^^^^ handoff-owner-unchanged</c>.</summary>
    private static void WriteQuote(TextWriter writer, Diagnostic diagnostic, IReadOnlyList<string>? lines, int gutter, TerminalStyle style)
    {
        if (diagnostic.Span is not { } span || lines is null || span.Line < 1 || span.Line > lines.Count) return;
        var text = TerminalText.OneLine(lines[span.Line - 1]);
        var start = Math.Clamp(span.Column - 1, 0, text.Length);
        var end = span.EndLine == span.Line ? Math.Clamp(span.EndColumn - 1, start, text.Length) : text.Length;
        var width = Math.Max(1, end - start);

        // A long line is quoted around the span, with an ellipsis where it was cut.
        var from = text.Length <= QuoteWidth || start < QuoteWidth - 20 ? 0 : start - 20;
        var shown = text.Length - from > QuoteWidth ? string.Concat(text.AsSpan(from, QuoteWidth), "…") : text[from..];
        var prefix = from > 0 ? "…" : "";
        var caretAt = prefix.Length + start - from;
        width = Math.Min(width, Math.Max(1, prefix.Length + QuoteWidth - caretAt));

        var number = span.Line.ToString(CultureInfo.InvariantCulture).PadLeft(gutter);
        writer.WriteLine($"  {style.Dim(number + " |")} {prefix}{shown}".TrimEnd());
        writer.WriteLine($"  {style.Dim(new string(' ', gutter) + " |")} {new string(' ', caretAt)}{style.For(diagnostic.Severity, new string('^', width))} {style.Dim(diagnostic.Descriptor.Alias)}");
    }

    private static void WriteRuleTable(TextWriter writer, List<Diagnostic> visible, TerminalStyle style)
    {
        var rows = AnalysisReport.CountBy(visible, d => d.Id)
            .Select(entry =>
            {
                var first = visible.First(d => d.Id == entry.Key);
                var worst = visible.Where(d => d.Id == entry.Key).Min(d => d.Severity);
                return (entry.Key, first.Descriptor.Alias, entry.Count, worst, first.Descriptor.Title);
            })
            .ToList();
        var aliasWidth = Math.Max("Alias".Length, rows.Max(r => r.Alias.Length));
        writer.WriteLine(style.Bold($"{"Rule",-6}  {"Alias".PadRight(aliasWidth)}  {"Count",5}  Title"));
        foreach (var (id, alias, count, worst, title) in rows)
            writer.WriteLine($"{style.For(worst, id)}  {alias.PadRight(aliasWidth)}  {count,5}  {title}");
    }

    /// <summary>Counts per owner or team by severity; a finding counts for each of its owners.</summary>
    private static void WritePartyTable(TextWriter writer, List<Diagnostic> visible, TerminalStyle style, string heading, Func<Diagnostic, IReadOnlyList<string>> keys)
    {
        var bySeverity = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var diagnostic in visible)
        {
            var column = diagnostic.Severity switch { Severity.Error => 0, Severity.Warning => 1, _ => 2 };
            foreach (var key in keys(diagnostic))
            {
                if (!bySeverity.TryGetValue(key, out var counts)) bySeverity[key] = counts = new int[3];
                counts[column]++;
            }
        }

        var rows = AnalysisReport.CountByEach(visible, keys)
            .Select(entry => (Name: Clip(TerminalText.OneLine(entry.Key), 40), Counts: bySeverity[entry.Key], Total: entry.Count))
            .ToList();
        var nameWidth = Math.Max(heading.Length, rows.Max(r => r.Name.Length));
        writer.WriteLine(style.Bold($"{heading.PadRight(nameWidth)}  {"Errors",6}  {"Warnings",8}  {"Info",4}  {"Total",5}"));
        foreach (var row in rows)
        {
            writer.WriteLine($"{row.Name.PadRight(nameWidth)}  {Count(row.Counts[0], 6, Severity.Error, style)}  "
                + $"{Count(row.Counts[1], 8, Severity.Warning, style)}  {Count(row.Counts[2], 4, Severity.Suggestion, style)}  {row.Total,5}");
        }
    }

    /// <summary>A count right-aligned in its column: painted in its severity's colour, or dim when zero.</summary>
    private static string Count(int count, int width, Severity severity, TerminalStyle style)
    {
        var text = count.ToString(CultureInfo.InvariantCulture).PadLeft(width);
        return count == 0 ? style.Dim(text) : style.For(severity, text);
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
