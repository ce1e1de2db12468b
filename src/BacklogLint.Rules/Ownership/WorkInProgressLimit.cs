using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Ownership;

/// <summary>BL0003: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class WorkInProgressLimit : RepositoryRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.WorkInProgressLimit,
        "wip-limit",
        "TODO",
        "{0}",
        RuleCategory.Ownership,
        Severity.Suggestion);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RepositoryContext context)
    {
    }
}
