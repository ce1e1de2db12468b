using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Handoffs;

/// <summary>BL0201: a handoff to a party nobody knows (not in the roster, or with no roster, named nowhere else) and
/// to no item: the work was handed to nobody.</summary>
public sealed class OrphanedHandoff : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.OrphanedHandoff,
        "orphaned-handoff",
        "Handoff to a party that does not exist",
        "Handoff of '{0}' to '{1}' goes to nobody: no known team, person or item has that name",
        RuleCategory.Handoffs,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Roster | RuleInputs.ReferencedItems;

    public override void Analyze(ItemContext context)
    {
        foreach (var handoff in context.Item.Handoffs)
        {
            // A handoff without 'to' is a BL0502 (invalid value); this rule is about names that resolve to nobody.
            if (handoff.To is not { } to || context.Repository.Roster.IsKnown(to.Value) || context.Repository.Find(to.Value) is not null)
                continue;
            context.Report(to.Span, $"handoff:{handoff.Index}", context.Item.Id.Value, to.Value);
        }
    }
}
