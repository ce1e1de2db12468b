using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Flow;

/// <summary>BL0301: an active task or epic that nothing has touched for strictly more than <c>days</c> whole days. The
/// last touch is the newest of the last commit that changed the file and <c>updated:</c>; when neither is known (no
/// history, no <c>updated:</c>) it is <c>created:</c>; when nothing is known the item is not reported.</summary>
public sealed class UntouchedActiveItem : ItemRule
{
    public static CountOption Days { get; } = new("days", "Days an active item may go without a commit or a newer updated: date.", 30);

    public static RuleDescriptor Rule { get; } = new(
        RuleIds.UntouchedActiveItem,
        "untouched-active-item",
        "Active item not touched in time",
        "{0} '{1}' is {2} but was last touched on {3} ({4}), {5} days ago (limit {6})",
        RuleCategory.Flow,
        Severity.Warning)
    {
        Options = [Days],
    };

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Type == ItemType.Agreement || item.Status.Class != StatusClass.Active) return;
        if (LastTouch(context) is not var (touched, source)) return;
        var days = context.Option(Days);
        if (!context.IsOlderThan(touched, days)) return;
        context.Report(item.Status.Word?.Span ?? item.HeaderSpan, "status",
            item.Type == ItemType.Epic ? "Epic" : "Task", item.Id.Value, item.Status.Word?.Value ?? "active",
            touched, source, context.Today.DayNumber - touched.DayNumber, days);
    }

    /// <summary>When the item was last touched and what says so.</summary>
    private static (DateOnly Date, string Source)? LastTouch(ItemContext context)
    {
        var item = context.Item;
        if (context.Repository.LastTouched(item) is { } touched)
        {
            var committed = context.Repository.History.LastChanged(item.Path);
            return (touched, committed == touched ? "its last commit" : "its updated: date");
        }

        return item.Created is { } created ? (created.Value, "its created: date; no commit or updated: date is known") : null;
    }
}
