using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Agreements;

/// <summary>BL0103: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class SupersededWithoutSuccessor : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.SupersededWithoutSuccessor,
        "missing-successor",
        "TODO",
        "{0}",
        RuleCategory.Agreements,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
    }
}
