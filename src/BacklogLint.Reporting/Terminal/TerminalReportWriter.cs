using System.Globalization;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting.Terminal;

/// <summary>The report for a person at a terminal: findings grouped by file, each with its line quoted and the offending
/// span underlined, then tables by rule and by owner. Each finding still starts with its MSBuild line
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
        WriteOwnerTable(writer, visible, style);
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

    private static void WriteOwnerTable(TextWriter writer, List<Diagnostic> visible, TerminalStyle style)
    {
        var rows = AnalysisReport.CountBy(visible, AnalysisReport.OwnerOf)
            .Select(entry =>
            {
                var findings = visible.Where(d => AnalysisReport.OwnerOf(d) == entry.Key).ToList();
                return (Owner: Clip(TerminalText.OneLine(entry.Key), 40),
                    Errors: findings.Count(d => d.Severity == Severity.Error),
                    Warnings: findings.Count(d => d.Severity == Severity.Warning),
                    Info: findings.Count(d => d.Severity is not (Severity.Error or Severity.Warning)),
                    Total: entry.Count);
            })
            .ToList();
        var ownerWidth = Math.Max("Owner".Length, rows.Max(r => r.Owner.Length));
        writer.WriteLine(style.Bold($"{"Owner".PadRight(ownerWidth)}  {"Errors",6}  {"Warnings",8}  {"Info",4}  {"Total",5}"));
        foreach (var row in rows)
        {
            writer.WriteLine($"{row.Owner.PadRight(ownerWidth)}  {Count(row.Errors, 6, Severity.Error, style)}  "
                + $"{Count(row.Warnings, 8, Severity.Warning, style)}  {Count(row.Info, 4, Severity.Suggestion, style)}  {row.Total,5}");
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
