using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Ownership;

/// <summary>BL0001: an unfinished task or epic with nobody accountable for it. A placeholder (TBD, ?, none) is nobody;
/// a <c>team</c> says where the work belongs, not who owns it.</summary>
public sealed class MissingOwner : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.MissingOwner,
        "missing-owner",
        "Unfinished work has no owner",
        "{0} '{1}' is {2} but has no owner{3}",
        RuleCategory.Ownership,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Item;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Type == ItemType.Agreement || !item.Status.Class.IsUnfinished() || item.Owners.Count > 0) return;
        // A settled record needs nobody; a format that assigns at pick-up (Backlog.md's To Do) needs nobody yet.
        if (item.Status.IsFinal || !item.Status.Lifecycle.NeedsOwner) return;
        var placeholder = item.OwnerPlaceholder is { } written ? $" ('{written}' is a placeholder, not an owner)"
            : item.OwnerIsEmpty ? " (it is empty: nobody)"
            : "";
        context.Report(item.OwnerSpan ?? item.HeaderSpan, "owner",
            item.Type == ItemType.Epic ? "Epic" : "Task", item.Id.Value, item.Status.Word?.Value ?? "open", placeholder);
    }
}
