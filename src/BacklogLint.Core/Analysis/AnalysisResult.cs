using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Suppressions;

namespace BacklogLint.Core.Analysis;

/// <summary>The findings of a run: those that stand, in report order, and those a suppression silenced.</summary>
public sealed record AnalysisResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<SuppressedDiagnostic> Suppressed)
{
    /// <summary>What the item and agreement rules found, by item, for the next analysis of an edited version.</summary>
    internal ItemFindings? ItemFindings { get; init; }
}

/// <summary>A finding silenced by a suppression, kept for reports that show suppressions (SARIF) and for baselines.</summary>
public sealed record SuppressedDiagnostic(Diagnostic Diagnostic, Suppression Suppression);
