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
}
