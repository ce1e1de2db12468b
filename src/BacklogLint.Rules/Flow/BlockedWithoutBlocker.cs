using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Flow;

/// <summary>BL0303: a blocked task or epic that names nothing blocking it: no <c>depends-on</c> entry and no
/// non-blank <c>blocked-by</c> value (an item id or a plain reason).</summary>
public sealed class BlockedWithoutBlocker : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.BlockedWithoutBlocker,
        "blocked-without-blocker",
        "Blocked item names no blocker",
        "{0} '{1}' is {2} but names no blocker: no depends-on, no blocked-by",
        RuleCategory.Flow,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Item;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Type == ItemType.Agreement || item.Status.Class != StatusClass.Blocked) return;
        if (item.DependsOn.Count > 0 || item.BlockedBy.Any(blocker => !string.IsNullOrWhiteSpace(blocker.Value))) return;
        context.Report(item.Status.Word?.Span ?? item.HeaderSpan, "status",
            item.Type == ItemType.Epic ? "Epic" : "Task", item.Id.Value, item.Status.Word?.Value ?? "blocked");
    }
}
