using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Model;

/// <summary>A Markdown task-list entry (<c>- [ ] cut over</c>) in an item's body.</summary>
public sealed record TaskEntry(string Text, bool IsChecked, SourceSpan Span);

/// <summary>A Markdown link in an item's body.</summary>
public sealed record LinkReference(string Target, SourceSpan Span)
{
    /// <summary>Exactly where <see cref="Target"/> is written, when it is written as it reads (no escapes, no angle
    /// brackets, not a reference definition elsewhere): what a fix of the link replaces. Null otherwise.</summary>
    public TextRange? TargetRange { get; init; }
}
