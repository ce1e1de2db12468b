using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.References;

/// <summary>BL0403: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class DependsOnDropped : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.DependsOnDropped,
        "depends-on-dropped",
        "TODO",
        "{0}",
        RuleCategory.References,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
    }
}
