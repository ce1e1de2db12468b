namespace BacklogLint.Core.Diagnostics;

/// <summary>How much a finding matters, in Roslyn's terms. Ordered from most to least severe.</summary>
public enum Severity
{
    Error,
    Warning,
    Suggestion,
    Silent,
    None,
}

/// <summary>Parsing and naming of <see cref="Severity"/> as configuration and output spell it.</summary>
public static class Severities
{
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly<string>( ["error", "warning", "suggestion", "silent", "none"]);

    public static string ToName(this Severity severity) => Names[(int)severity];

    public static bool TryParse(string? text, out Severity severity)
    {
        var index = ((IList<string>)Names).IndexOf(text?.Trim().ToLowerInvariant() ?? "");
        severity = index < 0 ? Severity.None : (Severity)index;
        return index >= 0;
    }

    /// <summary>True when <paramref name="severity"/> is at least as severe as <paramref name="threshold"/>.</summary>
    public static bool IsAtLeast(this Severity severity, Severity threshold) => severity <= threshold;

    /// <summary>Whether a finding of this severity is shown (and so baselined, annotated, counted): every severity
    /// but silent (computed, for tools only) and none (off). The one definition every front end uses.</summary>
    public static bool IsShown(this Severity severity) => severity is not (Severity.Silent or Severity.None);

    /// <summary>Whether any of <paramref name="findings"/> fails a run whose <c>--fail-on</c> is <paramref name="threshold"/>
    /// (null: <c>none</c>, nothing fails).</summary>
    public static bool Fails(this IEnumerable<Diagnostic> findings, Severity? threshold) =>
        threshold is { } level && findings.Any(d => d.Severity.IsShown() && d.Severity.IsAtLeast(level));
}
