using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Flow;

/// <summary>BL0303: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class BlockedWithoutBlocker : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.BlockedWithoutBlocker,
        "blocked-without-blocker",
        "TODO",
        "{0}",
        RuleCategory.Flow,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
    }
}
