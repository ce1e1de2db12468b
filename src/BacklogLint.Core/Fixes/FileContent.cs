using System.Text;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Fixes;

/// <summary>A file's text as a fix edits it, and how its bytes were written (encoding and byte order mark), so that the
/// fixed text is written back the same way. Only a file whose bytes decode and encode back to the very same bytes is
/// fixable: invalid UTF-8 read with replacement characters would be corrupted by writing it back.</summary>
public sealed record FileContent(string Text, FileEncoding Encoding)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The content of <paramref name="bytes"/>; null when they are not text that survives the round trip (invalid
    /// UTF-8, NUL bytes, UTF-16 with an odd byte).</summary>
    public static FileContent? Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var encoding = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => FileEncoding.Utf8WithBom,
            [0xFF, 0xFE, ..] => FileEncoding.Utf16LittleEndian,
            [0xFE, 0xFF, ..] => FileEncoding.Utf16BigEndian,
            _ => FileEncoding.Utf8,
        };
        // Decoded as items are decoded, so that positions agree with the findings'.
        var text = SourceText.Decode(bytes, out var problem);
        if (text is null || problem is not null) return null;
        var content = new FileContent(text.Text, encoding);
        return content.Encode().AsSpan().SequenceEqual(bytes) ? content : null;
    }

    /// <summary>The bytes of this text, written as the file was.</summary>
    public byte[] Encode() => Encode(Text);

    /// <summary>The bytes of <paramref name="text"/>, written as this file was.</summary>
    public byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (encoding, preamble) = Encoding switch
        {
            FileEncoding.Utf8WithBom => ((Encoding)StrictUtf8, new byte[] { 0xEF, 0xBB, 0xBF }),
            FileEncoding.Utf16LittleEndian => (System.Text.Encoding.Unicode, [0xFF, 0xFE]),
            FileEncoding.Utf16BigEndian => (System.Text.Encoding.BigEndianUnicode, [0xFE, 0xFF]),
            _ => (StrictUtf8, []),
        };
        return [.. preamble, .. encoding.GetBytes(text)];
    }
}

/// <summary>How a text file's bytes are written.</summary>
public enum FileEncoding
{
    /// <summary>UTF-8 without a byte order mark.</summary>
    Utf8,

    Utf8WithBom,

    /// <summary>UTF-16 little-endian, with its byte order mark.</summary>
    Utf16LittleEndian,

    /// <summary>UTF-16 big-endian, with its byte order mark.</summary>
    Utf16BigEndian,
}
