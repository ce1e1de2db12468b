using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Handoffs;

/// <summary>BL0203: the receiver accepted the handoff, but the item's owner is still the sender: the <c>from</c>
/// party or a member of the <c>from</c> team, and not a member of the <c>to</c> team. Only the latest accepted
/// handoff counts; with several owners, it fires when every one of them is still on the sending side.</summary>
public sealed class OwnerUnchangedAfterHandoff : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.OwnerUnchangedAfterHandoff,
        "handoff-owner-unchanged",
        "Handoff accepted but the owner is still the sender",
        "'{0}' was handed to '{1}' and accepted on {2}, but its owner is still '{3}' on the sending side",
        RuleCategory.Handoffs,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Roster;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        var handoff = item.Handoffs
            .Where(h => h is { Accepted: not null, From: not null, To: not null })
            .OrderBy(h => h.Accepted!.Value)
            .ThenBy(h => h.Index)
            .LastOrDefault();
        if (handoff is null || item.Owners.Count == 0) return;

        var roster = context.Repository.Roster;
        var from = handoff.From!.Value;
        var to = handoff.To!.Value;
        bool IsSender(string owner) =>
            (Party.AreSame(owner, from) || roster.IsMember(owner, from)) && !(Party.AreSame(owner, to) || roster.IsMember(owner, to));

        if (!item.Owners.All(owner => IsSender(owner.Value))) return;
        context.Report(item.OwnerSpan ?? item.HeaderSpan, $"handoff:{handoff.Index}",
            item.Id.Value, to, handoff.Accepted!.Value, string.Join(", ", item.Owners.Select(o => o.Value)));
    }
}
