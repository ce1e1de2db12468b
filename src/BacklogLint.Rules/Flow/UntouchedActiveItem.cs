using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Flow;

/// <summary>BL0301: an item that has held its status longer than allowed with nothing touching it: strictly more than
/// the status's own time limit when the format gives one (EIP-1: 6 months in Draft or Review), whatever the status
/// class; else, for an active task or epic, more than <c>days</c> whole days. The last touch is the newest of the last
/// commit that changed the file and <c>updated:</c>; when neither is known (no history, no <c>updated:</c>) it is
/// <c>created:</c>; when nothing is known the item is not reported. Final statuses have no limit.</summary>
public sealed class UntouchedActiveItem : ItemRule
{
    public static CountOption Days { get; } = new("days", "Days an active item may go without a commit or a newer updated: date (a status with a time limit of its format's keeps to that).", 30);

    public static RuleDescriptor Rule { get; } = new(
        RuleIds.UntouchedActiveItem,
        "untouched-active-item",
        "Item held its status past the time limit untouched",
        "{0} '{1}' is {2} but was last touched on {3} ({4}), {5} days ago (limit {6})",
        RuleCategory.Flow,
        Severity.Warning)
    {
        Options = [Days],
    };

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.History;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Status.IsFinal || item.Status.Class == StatusClass.Unknown) return;
        var limit = Limit(context);
        if (limit is not var (expired, described)) return;
        if (LastTouch(context) is not var (touched, source)) return;
        if (!expired(touched)) return;
        context.Report(item.Status.Word?.Span ?? item.HeaderSpan, "status",
            Kind(item), item.Id.Value, item.Status.Display.Length > 0 ? item.Status.Display : "active",
            touched, source, context.Today.DayNumber - touched.DayNumber, described);
    }

    /// <summary>Whether a last touch on a date is too long ago, and the limit as the message names it.</summary>
    private static (Func<DateOnly, bool> Expired, string Described)? Limit(ItemContext context)
    {
        var item = context.Item;
        if (item.Status.Lifecycle.Limit is { } period)
            return (touched => period.HasElapsed(touched, context.Today), $"{period} in {item.Status.Display}, the format's own");
        if (item.Type == ItemType.Agreement || item.Status.Class != StatusClass.Active) return null;
        var days = context.Option(Days);
        return (touched => context.IsOlderThan(touched, days), days.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Kind(WorkItem item) => item.Type switch
    {
        ItemType.Epic => "Epic",
        ItemType.Agreement => "Agreement",
        _ => "Task",
    };

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
