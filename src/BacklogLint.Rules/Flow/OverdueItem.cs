using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Flow;

/// <summary>BL0302: an open, active or blocked task or epic whose <c>due</c> date lies before today (an item due
/// today is not overdue yet). Closed items and items whose status word is unknown are left alone.</summary>
public sealed class OverdueItem : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.OverdueItem,
        "overdue",
        "Unfinished item is past its due date",
        "{0} '{1}' was due on {2} and is still {3}, {4} {5} overdue",
        RuleCategory.Flow,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Type == ItemType.Agreement || !item.Status.Class.IsUnfinished() || item.Due is not { } due) return;
        if (due.Value >= context.Today) return;
        var days = context.Today.DayNumber - due.Value.DayNumber;
        context.Report(due.Span, "due",
            item.Type == ItemType.Epic ? "Epic" : "Task", item.Id.Value, due.Value, item.Status.Word?.Value ?? "open",
            days, days == 1 ? "day" : "days");
    }
}
