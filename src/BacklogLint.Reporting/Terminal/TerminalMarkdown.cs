using System.Text;
using System.Text.RegularExpressions;

namespace BacklogLint.Reporting.Terminal;

/// <summary>A rule page (Markdown) as a terminal shows it readably: headings in bold, tables as aligned columns, code
/// blocks indented without their fences, inline code and emphasis without their marks, links as their text (and the
/// address when it is one). Enough for the rule pages, not a general Markdown renderer.</summary>
public static partial class TerminalMarkdown
{
    public static string Render(string markdown, TerminalStyle style)
    {
        var output = new StringBuilder();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var table = new List<string[]>();
        var inCode = false;
        foreach (var raw in lines)
        {
            var line = TerminalText.OneLine(raw);
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode)
            {
                output.Append("    ").AppendLine(style.Code(line).TrimEnd());
                continue;
            }

            if (line.StartsWith('|'))
            {
                if (!SeparatorRow().IsMatch(line)) table.Add([.. line.Trim().Trim('|').Split('|').Select(cell => Inline(cell.Trim(), TerminalStyle.Plain))]);
                continue;
            }

            if (table.Count > 0) WriteTable(output, table, style);
            output.AppendLine(Block(line, style));
        }

        if (table.Count > 0) WriteTable(output, table, style);
        return output.ToString().TrimEnd('\n') + "\n";
    }

    private static string Block(string line, TerminalStyle style)
    {
        var heading = Heading().Match(line);
        if (heading.Success)
        {
            var text = Inline(heading.Groups[2].Value, TerminalStyle.Plain);
            return heading.Groups[1].Length == 1 ? style.Underline(style.Bold(text)) : style.Bold(text);
        }

        var item = ListItem().Match(line);
        return item.Success
            ? $"{item.Groups[1].Value}  • {Inline(item.Groups[2].Value, style)}"
            : Inline(line, style);
    }

    /// <summary>Inline code, emphasis and links without their marks.</summary>
    private static string Inline(string text, TerminalStyle style)
    {
        text = Link().Replace(text, m => m.Groups[2].Value.StartsWith("http", StringComparison.Ordinal)
            ? $"{m.Groups[1].Value} ({m.Groups[2].Value})"
            : m.Groups[1].Value);
        text = Strong().Replace(text, m => style.Bold(m.Groups[1].Value));
        return InlineCode().Replace(text, m => style.Code(m.Groups[1].Value));
    }

    private static void WriteTable(StringBuilder output, List<string[]> table, TerminalStyle style)
    {
        var columns = table.Max(row => row.Length);
        var widths = Enumerable.Range(0, columns).Select(c => table.Max(row => c < row.Length ? row[c].Length : 0)).ToArray();
        for (var r = 0; r < table.Count; r++)
        {
            var cells = table[r].Select((cell, c) => cell.PadRight(widths[c]));
            var row = ("  " + string.Join("  ", cells)).TrimEnd();
            output.AppendLine(r == 0 ? style.Bold(row) : row);
        }

        table.Clear();
    }

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\s*)[-*]\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Strong();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();
}
