namespace BacklogLint.Core.Diagnostics;

/// <summary>A 1-based, inclusive line and column range in a source file.</summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A span covering one whole line, from column 1 to <paramref name="length"/> + 1.</summary>
    public static SourceSpan WholeLine(int line, int length) => new(line, 1, line, Math.Max(1, length + 1));

    public static SourceSpan At(int line, int column = 1) => new(line, column, line, column);

    public override string ToString() => $"({Line},{Column})-({EndLine},{EndColumn})";
}
