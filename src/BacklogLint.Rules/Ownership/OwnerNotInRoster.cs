using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Ownership;

/// <summary>BL0002: an owner of an item, of any type and status, whom the configured roster does not know: no team,
/// team member or person of the configuration and no entry of CODEOWNERS has that name (compared case-insensitively,
/// '@' optional, <c>@org/team</c> as <c>team</c>). Without a configured roster every owner is known, so the rule is
/// silent. One finding per unknown owner.</summary>
public sealed class OwnerNotInRoster : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.OwnerNotInRoster,
        "owner-not-in-roster",
        "Owner is not in the roster",
        "'{0}' is owned by '{1}', who is not in the roster: no known team, member or person has that name",
        RuleCategory.Ownership,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
        var roster = context.Repository.Roster;
        if (!roster.IsConfigured) return;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in context.Item.Owners)
        {
            var name = Party.Normalize(owner.Value);
            if (roster.IsKnown(owner.Value) || !reported.Add(name)) continue;
            context.Report(owner.Span, "owner:" + name, context.Item.Id.Value, owner.Value);
        }
    }
}
