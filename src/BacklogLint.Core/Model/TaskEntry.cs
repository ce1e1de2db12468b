using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Model;

/// <summary>A Markdown task-list entry (<c>- [ ] cut over</c>) in an item's body.</summary>
public sealed record TaskEntry(string Text, bool IsChecked, SourceSpan Span);

/// <summary>A Markdown link in an item's body.</summary>
public sealed record LinkReference(string Target, SourceSpan Span);
