using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Model;

/// <summary>One entry of <c>handoffs:</c>: work passed from one party to another.</summary>
/// <param name="Index">0-based position in the list; part of the handoff's identity.</param>
/// <param name="Accepted">When the receiver picked it up; null while nobody has.</param>
public sealed record Handoff(
    int Index,
    Located<string>? From,
    Located<string>? To,
    Located<DateOnly>? Date,
    Located<DateOnly>? Accepted,
    SourceSpan Span);
