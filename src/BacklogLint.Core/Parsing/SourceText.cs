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
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (c is '\n' or '\r') starts.Add(i + 1);
        }

        _lineStarts = [.. starts];
    }

    public string Text { get; }

    /// <summary>Lines, counting a last line without a newline; a file ending in a newline has no extra empty line.</summary>
    public int LineCount => _lineStarts[^1] == Text.Length && Text.Length > 0 ? _lineStarts.Length - 1 : _lineStarts.Length;

    /// <summary>The text of 1-based <paramref name="line"/> without its line break.</summary>
    public string Line(int line)
    {
        if (line < 1 || line > _lineStarts.Length) return "";
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && Text[end - 1] is '\n' or '\r') end--;
        return Text[start..end];
    }

    /// <summary>The 0-based offset where 1-based <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 1, _lineStarts.Length) - 1];

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
