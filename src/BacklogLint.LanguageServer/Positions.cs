using BacklogLint.Core.Diagnostics;

namespace BacklogLint.LanguageServer;

/// <summary>Between BacklogLint's spans (1-based lines and columns, columns in UTF-16 code units as .NET strings count
/// them, the end column just past the last character) and the protocol's ranges (0-based, UTF-16, end exclusive: the
/// protocol's default and only required encoding). A finding with no span is on the file's first line.</summary>
internal static class Positions
{
    public static Range ToRange(SourceSpan? span) => span is { } s
        ? new Range(new Position(Math.Max(0, s.Line - 1), Math.Max(0, s.Column - 1)), new Position(Math.Max(0, s.EndLine - 1), Math.Max(0, s.EndColumn - 1)))
        : new Range(new Position(0, 0), new Position(0, 0));

    /// <summary>Whether <paramref name="position"/> is in <paramref name="range"/>, ends included (a cursor just after
    /// a word is on it).</summary>
    public static bool Contains(Range range, Position position) =>
        Compare(range.Start, position) <= 0 && Compare(position, range.End) <= 0;

    public static bool Overlaps(Range a, Range b) => Compare(a.Start, b.End) <= 0 && Compare(b.Start, a.End) <= 0;

    private static int Compare(Position a, Position b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);

    /// <summary>The text with one incremental change applied (a client may send ranges even to a full-sync server).</summary>
    public static string Apply(string text, Range range, string newText)
    {
        var start = Offset(text, range.Start);
        var end = Math.Max(start, Offset(text, range.End));
        return string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
    }

    private static int Offset(string text, Position position)
    {
        var offset = 0;
        for (var line = 0; line < position.Line; line++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0) return text.Length;
            offset = next + 1;
        }

        var lineEnd = text.IndexOf('\n', offset);
        var length = (lineEnd < 0 ? text.Length : lineEnd) - offset;
        return offset + Math.Clamp(position.Character, 0, length);
    }
}
