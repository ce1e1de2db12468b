using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Suppressions;

/// <summary>A directive that silences findings in one file: on a line, on the next line, in a range, or in the whole
/// item (front matter <c>suppress:</c>).</summary>
/// <param name="Rules">Rule IDs or aliases as written; empty for every rule.</param>
/// <param name="FirstLine">First line it covers (1-based).</param>
/// <param name="LastLine">Last line it covers; <see cref="int.MaxValue"/> for a range or a whole item (a range ends at an
/// <c>enable</c>, per rule: <see cref="Ends"/>).</param>
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
    /// <summary>For a range, the <c>enable</c> directives after it, in order.</summary>
    public IReadOnlyList<SuppressionEnd> Ends { get; init; } = [];

    /// <summary>What to delete to remove the directive and nothing else: its line when it is alone there, else the
    /// comment; an entry of <c>suppress:</c> (the whole key when it is the only one); a range's own <c>enable</c> when it
    /// ends no other range. Empty when it cannot be removed cleanly (it shares a line with other YAML).</summary>
    public IReadOnlyList<TextRange> Removal { get; init; } = [];

    /// <summary>Whether it covers a finding of a rule on <paramref name="line"/>: a range ends, for that rule, at the
    /// first <c>enable</c> after it that names the rule (by ID or alias: <paramref name="namesRule"/>) or names none,
    /// as ESLint's <c>eslint-enable</c> does; <c>disable</c> … <c>enable BL0001</c> leaves the other rules disabled.</summary>
    public bool Covers(int line, Func<string, bool> namesRule)
    {
        if (line < FirstLine) return false;
        var last = LastLine;
        foreach (var end in Ends)
        {
            if (end.Rules.Count > 0 && !end.Rules.Any(namesRule)) continue;
            last = end.Line;
            break;
        }

        return line <= last;
    }

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

/// <summary>A <c>backloglint-enable</c> on <paramref name="Line"/>, naming <paramref name="Rules"/> as written (none: all).</summary>
public sealed record SuppressionEnd(int Line, IReadOnlyList<string> Rules);

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
