using System.Text;

namespace BacklogLint.Core.Parsing;

/// <summary>A decoded text file with its line starts: maps offsets to 1-based lines and back.
/// LF, CRLF and lone CR all end a line; a BOM is dropped.</summary>
public sealed class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        // The breaks are counted first (vectorised searches; \r\n is one break), so that one array of the right size
        // is filled: the starts of a large file are not copied again and again as a list grows.
        var span = text.AsSpan();
        var starts = new int[span.Count('\n') + span.Count('\r') - span.Count("\r\n") + 1];
        var count = 1;
        for (var i = span.IndexOfAny('\n', '\r'); i >= 0;)
        {
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            starts[count++] = i + 1;
            var next = span[(i + 1)..].IndexOfAny('\n', '\r');
            i = next < 0 ? -1 : i + 1 + next;
        }

        _lineStarts = starts;
    }

    public string Text { get; }

    /// <summary>Lines, counting a last line without a newline; a file ending in a newline has no extra empty line.</summary>
    public int LineCount => _lineStarts[^1] == Text.Length && Text.Length > 0 ? _lineStarts.Length - 1 : _lineStarts.Length;

    /// <summary>The text of 1-based <paramref name="line"/> without its line break.</summary>
    public string Line(int line) => LineSpan(line).ToString();

    /// <summary><see cref="Line"/> without making a string of it (to look each line of many texts up).</summary>
    public ReadOnlySpan<char> LineSpan(int line)
    {
        if (line < 1 || line > _lineStarts.Length) return "";
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && Text[end - 1] is '\n' or '\r') end--;
        return Text.AsSpan(start, end - start);
    }

    /// <summary>The 0-based offset where 1-based <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 1, _lineStarts.Length) - 1];

    /// <summary>The 1-based line and column (in UTF-16 code units) of 0-based <paramref name="offset"/>; an offset inside a
    /// CRLF is the end of its line.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, Math.Min(offset - _lineStarts[line], Line(line + 1).Length) + 1);
    }

    /// <summary>The 0-based offset of 1-based <paramref name="line"/> and <paramref name="column"/>; false when the line is
    /// not in the text or the column is past the line's end (a position inside a line break is none).</summary>
    public bool TryGetOffset(int line, int column, out int offset)
    {
        offset = -1;
        if (line < 1 || line > _lineStarts.Length || column < 1 || column - 1 > Line(line).Length) return false;
        offset = _lineStarts[line - 1] + column - 1;
        return true;
    }

    /// <summary>The line break most lines of the text end with (<c>\n</c> when none does): what an edit's new lines are
    /// written with, so that a CRLF file stays CRLF.</summary>
    public string LineBreak
    {
        get
        {
            var (lf, crlf, cr) = (0, 0, 0);
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\r' && i + 1 < Text.Length && Text[i + 1] == '\n')
                {
                    crlf++;
                    i++;
                }
                else if (Text[i] == '\n') lf++;
                else if (Text[i] == '\r') cr++;
            }

            return crlf > lf && crlf >= cr ? "\r\n" : cr > lf && cr > crlf ? "\r" : "\n";
        }
    }

    /// <summary>Decodes a file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. Returns null for
    /// bytes that are not text (a NUL byte in UTF-8 data), with the reason.</summary>
    public static SourceText? Decode(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new SourceText(Encoding.Unicode.GetString(bytes[2..]));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new SourceText(Encoding.BigEndianUnicode.GetString(bytes[2..]));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (bytes.Contains((byte)0))
        {
            problem = "the file is binary (it contains NUL bytes), not text";
            return null;
        }

        try
        {
            return new SourceText(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            problem = "the file is not valid UTF-8; invalid bytes were read as U+FFFD";
            return new SourceText(Encoding.UTF8.GetString(bytes));
        }
    }
}
