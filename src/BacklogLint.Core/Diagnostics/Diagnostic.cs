using BacklogLint.Core.Analysis;

namespace BacklogLint.Core.Diagnostics;

/// <summary>One finding: a rule, where it is, and what it says.</summary>
/// <param name="Path">Repository-relative, '/'-separated; null for a finding about the repository as a whole.</param>
/// <param name="Owner">Who the finding belongs to (the item's owners, else its team), for summaries.</param>
public sealed record Diagnostic(
    RuleDescriptor Descriptor,
    Severity Severity,
    string Message,
    string? Path,
    SourceSpan? Span,
    string? ItemId,
    string? Owner,
    string Fingerprint)
{
    public string Id => Descriptor.Id;

    /// <summary>A fix that cannot change what the item means (a typo of a known word, a date in the format's form, a
    /// link to where git says the file went, an unused suppression removed), when the rule has an unambiguous one;
    /// <c>check --fix</c> applies it and an editor offers it as a code action.</summary>
    public Fix? Fix { get; init; }
}
