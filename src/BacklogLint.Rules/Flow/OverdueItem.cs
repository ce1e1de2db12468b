using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Flow;

/// <summary>BL0302: an unfinished item past its date: an open, active or blocked task or epic whose <c>due</c> date lies
/// before today, or an item of any type still in a status whose deadline has passed (EIP's Last Call and its
/// <c>last-call-deadline</c>, a review window written in the status). An item due today is not overdue yet; closed,
/// final and unknown statuses are left alone.</summary>
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

    public override RuleInputs Reads => RuleInputs.Item;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Status.IsFinal) return;
        if (item.Status.Deadline is { } deadline)
        {
            if (deadline.Date.Value < context.Today)
                Report(context, deadline.Date, $" ({deadline.Source})", "deadline");
            return;
        }

        if (item.Type == ItemType.Agreement || !item.Status.Class.IsUnfinished() || item.Due is not { } due) return;
        if (due.Value < context.Today) Report(context, due, "", "due");
    }

    private static void Report(ItemContext context, Located<DateOnly> date, string source, string anchor)
    {
        var item = context.Item;
        var days = context.Today.DayNumber - date.Value.DayNumber;
        var kind = item.Type switch { ItemType.Epic => "Epic", ItemType.Agreement => "Agreement", _ => "Task" };
        var day = date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + source;
        context.Report(date.Span, anchor, kind, item.Id.Value, day, item.Status.Display.Length > 0 ? item.Status.Display : "open",
            days, days == 1 ? "day" : "days");
    }
}
