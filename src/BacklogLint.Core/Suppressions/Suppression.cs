using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Suppressions;

/// <summary>A directive that silences findings in one file: on a line, on the next line, in a range, or in the whole
/// item (front matter <c>suppress:</c>).</summary>
/// <param name="Rules">Rule IDs or aliases as written; empty for every rule.</param>
/// <param name="FirstLine">First line it covers (1-based).</param>
/// <param name="LastLine">Last line it covers; <see cref="int.MaxValue"/> for a range never re-enabled or a whole item.</param>
/// <param name="Until">After this date the suppression has expired: the findings come back.</param>
/// <param name="Span">Where the directive is written.</param>
public sealed record Suppression(
    SuppressionKind Kind,
    IReadOnlyList<string> Rules,
    int FirstLine,
    int LastLine,
    string? Reason,
    DateOnly? Until,
    SourceSpan Span)
{
    public bool Covers(int line) => line >= FirstLine && line <= LastLine;

    public bool IsExpired(DateOnly today) => Until is { } until && until < today;

    /// <summary>How the directive is written, for messages: <c>disable-next-line BL0301</c>.</summary>
    public string Describe() => $"{Kind switch
    {
        SuppressionKind.NextLine => "disable-next-line",
        SuppressionKind.Line => "disable-line",
        SuppressionKind.Range => "disable",
        _ => "suppress:",
    }} {(Rules.Count == 0 ? "(all rules)" : string.Join(", ", Rules))}";
}

/// <summary>How a <see cref="Suppression"/> is written.</summary>
public enum SuppressionKind
{
    /// <summary><c>backloglint-disable-next-line</c>: the line after the directive.</summary>
    NextLine,

    /// <summary><c>backloglint-disable-line</c>: the directive's own line (a YAML comment at the end of a key).</summary>
    Line,

    /// <summary><c>backloglint-disable</c> … <c>backloglint-enable</c>.</summary>
    Range,

    /// <summary>Front matter <c>suppress: { BL0301: "reason" }</c>: the whole item.</summary>
    Item,
}
