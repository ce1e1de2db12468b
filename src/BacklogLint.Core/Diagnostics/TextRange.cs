using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Diagnostics;

/// <summary>A range of text in one file, as a fix edits it: from (<see cref="Line"/>, <see cref="Column"/>) up to but
/// NOT including (<see cref="EndLine"/>, <see cref="EndColumn"/>). Lines are 1-based. Columns are 1-based and count
/// UTF-16 code units (C# <c>char</c>s) from the start of the line: column 1 is before the line's first character,
/// column <c>length + 1</c> is its end, before its line break (LF, CRLF or a lone CR, as <see cref="SourceText"/> reads
/// them). A range that ends at (n + 1, 1) takes line n's line break with it. An empty range is an insertion point.
/// <para>LSP positions are this minus one on both parts (<see cref="LspStart"/>, <see cref="LspEnd"/>): 0-based line,
/// 0-based character in UTF-16 code units (LSP's default <c>positionEncoding</c>), end exclusive alike.</para>
/// <para>Unlike a <see cref="SourceSpan"/> (a finding's location, for people), a range is exact and checked: a fix
/// whose range is not inside its file's text is refused.</para></summary>
public readonly record struct TextRange(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>An insertion point.</summary>
    public static TextRange At(int line, int column) => new(line, column, line, column);

    /// <summary>Lines <paramref name="first"/> to <paramref name="last"/> whole, with the line break of the last.</summary>
    public static TextRange Lines(int first, int last) => new(first, 1, last + 1, 1);

    public bool IsEmpty => Line == EndLine && Column == EndColumn;

    /// <summary>The start as LSP writes it: 0-based line, 0-based UTF-16 character.</summary>
    public (int Line, int Character) LspStart => (Line - 1, Column - 1);

    /// <summary>The (exclusive) end as LSP writes it.</summary>
    public (int Line, int Character) LspEnd => (EndLine - 1, EndColumn - 1);

    /// <summary>The range from LSP's 0-based positions.</summary>
    public static TextRange FromLsp(int line, int character, int endLine, int endCharacter) =>
        new(line + 1, character + 1, endLine + 1, endCharacter + 1);

    /// <summary>The range between two 0-based offsets of <paramref name="text"/> (<paramref name="end"/> exclusive).</summary>
    public static TextRange FromOffsets(SourceText text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (line, column) = text.PositionOf(start);
        var (endLine, endColumn) = text.PositionOf(end);
        return new TextRange(line, column, endLine, endColumn);
    }

    /// <summary>The 0-based offsets of the range in <paramref name="text"/>; false when either end is not a position of
    /// the text (a line past the end, a column past its line's end, the end before the start).</summary>
    public bool TryGetOffsets(SourceText text, out int start, out int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        end = -1;
        return text.TryGetOffset(Line, Column, out start) && text.TryGetOffset(EndLine, EndColumn, out end) && start <= end;
    }

    public override string ToString() => $"({Line},{Column})-({EndLine},{EndColumn})";
}
