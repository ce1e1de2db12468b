using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Handoffs;

/// <summary>BL0202: a handoff that nobody accepted within <c>days</c> of its date.</summary>
public sealed class UnacceptedHandoff : ItemRule
{
    public static CountOption Days { get; } = new("days", "Days after a handoff's date by which someone must have accepted it.", 14);

    public static RuleDescriptor Rule { get; } = new(
        RuleIds.UnacceptedHandoff,
        "unaccepted-handoff",
        "Handoff not accepted in time",
        "Handoff of '{0}' to '{1}' on {2} has not been accepted after {3} days (limit {4})",
        RuleCategory.Handoffs,
        Severity.Warning)
    {
        Options = [Days],
    };

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Item;

    public override void Analyze(ItemContext context)
    {
        var days = context.Option(Days);
        foreach (var handoff in context.Item.Handoffs)
        {
            if (handoff.Accepted is not null || handoff.Date is not { } date || !context.IsOlderThan(date.Value, days)) continue;
            context.Report(date.Span, $"handoff:{handoff.Index}",
                context.Item.Id.Value, handoff.To?.Value ?? "?", date.Value, context.Today.DayNumber - date.Value.DayNumber, days);
        }
    }
}
