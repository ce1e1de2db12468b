using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.References;

/// <summary>BL0401: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class UnknownReference : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.UnknownReference,
        "unknown-reference",
        "TODO",
        "{0}",
        RuleCategory.References,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
    }
}
