using System.Text.RegularExpressions;

namespace BacklogLint.Testing;

/// <summary>The colours the tool writes (ANSI SGR sequences, <c>ESC [ … m</c>), and only those.</summary>
public static partial class TerminalColours
{
    /// <summary>The text without the tool's colour sequences: what a terminal without colour shows. Any other escape
    /// (one that came from item text) is left in, for a test to find.</summary>
    public static string Strip(string text) => Sgr().Replace(text, "").ReplaceLineEndings("\n");

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex Sgr();
}
