using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Flow;

/// <summary>BL0304: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class ClosedWithOpenTasks : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.ClosedWithOpenTasks,
        "closed-with-open-tasks",
        "TODO",
        "{0}",
        RuleCategory.Flow,
        Severity.Suggestion);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
    }
}
