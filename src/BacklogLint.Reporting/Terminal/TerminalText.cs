using System.Text;

namespace BacklogLint.Reporting.Terminal;

/// <summary>Text as a terminal shows it, whatever a work item contains.</summary>
public static class TerminalText
{
    /// <summary>One line a terminal shows as written: line breaks and control characters (an ESC could start an ANSI
    /// sequence from item text; a tab becomes one space, which keeps columns) become spaces, and bidirectional
    /// overrides are dropped.</summary>
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') continue;
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return line.ToString();
    }
}
