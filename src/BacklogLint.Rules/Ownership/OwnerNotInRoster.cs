using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Ownership;

/// <summary>BL0002: an owner of an item, of any type and status, whom the configured roster does not know: no team,
/// team member or person of the configuration and no entry of CODEOWNERS has that name (compared case-insensitively,
/// '@' optional, <c>@org/team</c> as <c>team</c>). Without a configured roster every owner is known, so that part is
/// silent. When the roster was verified against an outside directory (<c>--verify-owners</c>: the GitHub
/// organisation), also an owner the roster knows but the directory does not have: a team that is not one of its
/// teams, a person who is not one of its members. An unverified roster (no token, no permission, an outage) adds
/// nothing. One finding per owner.</summary>
public sealed class OwnerNotInRoster : ItemRule
{
    public const string NotInRoster = "who is not in the roster: no known team, member or person has that name";

    public static RuleDescriptor Rule { get; } = new(
        RuleIds.OwnerNotInRoster,
        "owner-not-in-roster",
        "Owner is not in the roster",
        "'{0}' is owned by '{1}', {2}",
        RuleCategory.Ownership,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Roster;

    public override void Analyze(ItemContext context)
    {
        var roster = context.Repository.Roster;
        if (!roster.IsConfigured && roster.VerifiedAgainst is null) return;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in context.Item.Owners)
        {
            var name = Party.Normalize(owner.Value);
            var reason = Reason(roster, owner.Value);
            if (reason is null || !reported.Add(name)) continue;
            context.Report(owner.Span, "owner:" + name, context.Item.Id.Value, owner.Value, reason);
        }
    }

    /// <summary>Why <paramref name="owner"/> is reported; null when it is not.</summary>
    private static string? Reason(Roster roster, string owner)
    {
        if (!roster.IsKnown(owner)) return roster.IsConfigured ? NotInRoster : null;
        if (roster.Verification(owner) != Existence.Missing) return null;
        return roster.KindOf(owner) switch
        {
            PartyKind.Team => $"which is not a team of {roster.VerifiedAgainst}",
            PartyKind.Person => $"who is not a member of {roster.VerifiedAgainst}",
            _ => $"who is neither a member nor a team of {roster.VerifiedAgainst}",
        };
    }
}
