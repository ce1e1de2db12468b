using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Model;

/// <summary>An agreement between parties: a whole item of <c>type: agreement</c>, or one list item under an
/// <c>## Agreements</c> heading of any item.</summary>
/// <param name="Key">Identifies the agreement within its item across edits: "item" or the inline text.</param>
/// <param name="Span">Where to point: the list item's line, or for a whole item its header line.</param>
/// <param name="SourceLine">For an inline agreement, its first line exactly as written (for line history).</param>
public sealed record Agreement(
    AgreementKind Kind,
    string Key,
    string Text,
    IReadOnlyList<Located<string>> Parties,
    Located<DateOnly>? Agreed,
    Located<DateOnly>? Updated,
    Located<DateOnly>? ReviewBy,
    Located<Period>? ReviewEvery,
    Located<string>? SupersededBy,
    StatusClass Status,
    SourceSpan Span,
    string? SourceLine)
{
    /// <summary>The key the item's format writes who agreed under (<c>parties</c>, MADR's <c>decision-makers</c>), so
    /// that a message names a key that is read; null when the format has none (Backlog.md decisions): BL0102 does not
    /// ask for what the format cannot write.</summary>
    public string? PartiesKey { get; init; } = "parties";
}

/// <summary>Where an agreement is written.</summary>
public enum AgreementKind
{
    /// <summary>An item of <c>type: agreement</c>.</summary>
    WholeItem,

    /// <summary>A list item under an <c>## Agreements</c> heading.</summary>
    Inline,
}
