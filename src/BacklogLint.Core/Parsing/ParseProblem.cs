using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Parsing;

/// <summary>Something wrong with a file found while reading it; the Format rules report these.</summary>
/// <param name="Key">What the problem is about (a front-matter key, or "front-matter"): part of its fingerprint.</param>
public sealed record ParseProblem(ParseProblemKind Kind, string Message, SourceSpan Span, string Key)
{
    /// <summary>The fix that cannot change what the file means, when there is exactly one (a bare '@' mention quoted, a
    /// status typo of one known word, a date in YYYY-MM-DD); the Format rules attach it.</summary>
    public Fix? Fix { get; init; }
}

/// <summary>Which Format rule reports a <see cref="ParseProblem"/>.</summary>
public enum ParseProblemKind
{
    /// <summary>The front matter cannot be read at all (BL0501).</summary>
    Syntax,

    /// <summary>A value has the wrong type or form (BL0502).</summary>
    InvalidValue,
}
