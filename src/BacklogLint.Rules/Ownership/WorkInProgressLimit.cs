using System.Globalization;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Ownership;

/// <summary>BL0003: an owner with more than <c>wip-limit</c> active tasks and epics. Every owner of an item with
/// several owners counts it. An owner's active items are ordered by <c>created</c> (items without it last), then by
/// path; the first <c>wip-limit</c> are within the limit and each one beyond it is reported once, at that owner in
/// the item, so adding one item over the limit adds one finding.</summary>
public sealed class WorkInProgressLimit : RepositoryRule
{
    public static CountOption WipLimit { get; } = new("wip-limit", "How many active tasks and epics one owner may have at a time.", 5);

    public static RuleDescriptor Rule { get; } = new(
        RuleIds.WorkInProgressLimit,
        "wip-limit",
        "Owner has too much work in progress",
        "'{0}' is {1}'s {2} active item; the limit is {3}",
        RuleCategory.Ownership,
        Severity.Suggestion)
    {
        Options = [WipLimit],
    };

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.AllItems;

    public override void Analyze(RepositoryContext context)
    {
        var limit = context.Option(WipLimit);
        var byOwner = context.Repository.Items
            .Where(item => item.Type is ItemType.Task or ItemType.Epic && item.Status.Class == StatusClass.Active)
            .SelectMany(item => item.Owners
                .DistinctBy(owner => Party.Normalize(owner.Value))
                .Select(owner => (Item: item, Owner: owner)))
            .GroupBy(entry => Party.Normalize(entry.Owner.Value), StringComparer.Ordinal);

        foreach (var group in byOwner)
        {
            var ordered = group
                .OrderBy(entry => entry.Item.Created is null)
                .ThenBy(entry => entry.Item.Created?.Value)
                .ThenBy(entry => entry.Item.Path, StringComparer.Ordinal)
                .ToList();
            for (var index = limit; index < ordered.Count; index++)
            {
                var (item, owner) = ordered[index];
                context.Report(item, owner.Span, "wip:" + group.Key, item.Id.Value, owner.Value, Ordinal(index + 1), limit);
            }
        }
    }

    private static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th"
            : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
