using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Model;

/// <summary>A value read from a file, with where it stands.</summary>
public sealed record Located<T>(T Value, SourceSpan Span);
