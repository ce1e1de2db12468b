using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Tooling;

/// <summary>BL9001: git history cannot be read (not a git repository, a shallow clone, no commits). Said once; the
/// history-based rules fall back to front-matter dates.</summary>
public sealed class HistoryUnavailable : RepositoryRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.HistoryUnavailable,
        "history-unavailable",
        "Git history unavailable",
        "Git history is unavailable: {0}; rules used front-matter dates only",
        RuleCategory.Tooling,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.History;

    public override void Analyze(RepositoryContext context)
    {
        if (context.Repository.History.UnavailableReason is { } reason) context.ReportRepository("history", reason);
    }
}
