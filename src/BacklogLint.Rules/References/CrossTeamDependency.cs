using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.References;

/// <summary>BL0405: an active or blocked task of one team (<c>team:</c>) that depends on an open, active or blocked
/// task or epic of another team, when no in-force agreement anywhere in the repository names both teams: a whole-item
/// agreement in force through its <c>parties</c>, or an inline agreement (always in force) through its @-mentions.
/// Teams and parties compare as parties do (<c>@org/payments</c> is <c>payments</c>); an item without a team is not
/// checked, on either side.</summary>
public sealed class CrossTeamDependency : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.CrossTeamDependency,
        "cross-team-without-agreement",
        "Cross-team dependency without an agreement",
        "'{0}' of team '{1}' depends on '{2}' of team '{3}', but no agreement in force names both teams",
        RuleCategory.References,
        Severity.Suggestion);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.ReferencedItems | RuleInputs.AllItems;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Type != ItemType.Task || item.Status.Class is not (StatusClass.Active or StatusClass.Blocked)) return;
        if (TeamOf(item) is not { } team) return;

        foreach (var dependency in item.DependsOn)
        {
            if (dependency.Value.Length == 0 || context.Repository.Find(dependency.Value) is not { } target) continue;
            if (target.Type == ItemType.Agreement || !target.Status.Class.IsUnfinished()) continue;
            if (TeamOf(target) is not { } otherTeam || Party.AreSame(team, otherTeam)) continue;
            // Computed once per run, so checking 10,000 items does not rescan every agreement.
            if (context.Computed(CoveredPairs).Contains(Pair(team, otherTeam))) continue;
            context.Report(dependency.Span, "depends-on:" + dependency.Value, item.Id.Value, team, target.Id.Value, otherTeam);
        }
    }

    private static string? TeamOf(WorkItem item) =>
        item.Team is { } team && !Party.IsPlaceholder(team.Value) ? team.Value : null;

    /// <summary>Every pair of parties named together by an agreement in force, normalized and ordered.</summary>
    private static HashSet<(string, string)> CoveredPairs(PlanningRepository repository)
    {
        var pairs = new HashSet<(string, string)>();
        var inForce = repository.Items.SelectMany(item => item.Agreements)
            .Where(agreement => agreement.Kind == AgreementKind.Inline || agreement.Status == StatusClass.InForce);
        foreach (var agreement in inForce)
        {
            var parties = agreement.Parties.Select(party => Party.Normalize(party.Value)).Distinct().ToList();
            for (var i = 0; i < parties.Count; i++)
                for (var j = i + 1; j < parties.Count; j++) pairs.Add(Pair(parties[i], parties[j]));
        }

        return pairs;
    }

    private static (string, string) Pair(string a, string b)
    {
        var (x, y) = (Party.Normalize(a), Party.Normalize(b));
        return string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);
    }
}
