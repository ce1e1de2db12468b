using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Ownership;

/// <summary>BL0002: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class OwnerNotInRoster : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.OwnerNotInRoster,
        "owner-not-in-roster",
        "TODO",
        "{0}",
        RuleCategory.Ownership,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
    }
}
