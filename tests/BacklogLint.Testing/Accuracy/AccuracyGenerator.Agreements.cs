using System.Globalization;

namespace BacklogLint.Testing.Accuracy;

/// <summary>Whole-item agreements: status, parties, successor, and how and when they were last revisited.</summary>
internal sealed partial class AccuracyGenerator
{
    private PlannedItem NewAgreement()
    {
        var index = _items.Count;
        var id = string.Create(CultureInfo.InvariantCulture, $"AGR-{index:D4}");
        var item = new PlannedItem(index, $"agreements/{id}.md", id) { Kind = "agreement", TypeText = "agreement" };
        var roll = _random.NextDouble();
        item.StatusText = roll < 0.12 ? null
            : roll < 0.32 ? Pick(["proposed", "draft", "Draft"])
            : roll < 0.75 ? Pick(["active", "accepted", "agreed", "approved", "Accepted"])
            : roll < 0.87 ? Pick(["superseded", "Superseded", "SUPERSEDED"])
            : Pick(["deprecated", "rejected", "withdrawn"]);
        item.Traits.Add($"agreement status={item.StatusText ?? "(none)"}");
        DrawParties(item);
        DrawSuccessor(item);
        if (Chance(0.2)) DrawOwner(item, null, allowMissing: false);
        if (Chance(0.5))
        {
            item.Team = Pick(Teams);
            item.TeamText = item.Team;
        }

        DrawReview(item);
        if (Chance(0.06))
        {
            // Agreements may depend on items (BL0401, BL0402 look at every item); no flow rule judges them.
            DrawDependencies(item);
            if (item.DependsOn.Count == 0 && _targets.Count > 0) item.DependsOn.Add(new PlannedDependency(Pick(_targets).Id));
        }

        if (Chance(0.06)) item.Due = Dated(DesignTerms.DaysAgo(Between(1, 300)));
        DrawCommitState(item);
        DrawPresentation(item);
        return item;
    }

    private void DrawParties(PlannedItem item)
    {
        var inForce = DesignTerms.Classify(item).Class is PlannedClass.Absent or PlannedClass.InForce;
        var roll = _random.NextDouble();
        List<string>? parties;
        if (inForce)
        {
            var team = Pick(Teams);
            parties = roll < 0.55 ? (Chance(0.5) ? ["payments", "sre"] : ["platform", "data"])
                : roll < 0.70 ? [team, Pick(PlannedRoster.Members[team])]
                : roll < 0.75 ? ["@alice", "@carol"]
                : roll < 0.85 ? null
                : roll < 0.92 ? []
                : Chance(0.5) ? ["TBD"] : ["?", "none"];
        }
        else
        {
            var first = Pick(Teams);
            parties = roll < 0.70 ? [first, Pick([.. Teams.Where(t => t != first)])]
                : roll < 0.85 ? null
                : ["TBD"];
        }

        item.Parties = parties?.Select(p => PlannedRoster.IsTeam(p) ? PartyForm(p) : p).ToList();
        item.PartiesText = item.Parties is null ? null : $"[{string.Join(", ", item.Parties.Select(Quote))}]";
        item.Traits.Add($"parties: {item.PartiesText ?? "(no key)"}");
    }

    private string PartyForm(string team) => _random.Next(5) switch
    {
        0 => "@" + team,
        1 => "@acme/" + team,
        _ => team,
    };

    private void DrawSuccessor(PlannedItem item)
    {
        var superseded = item.StatusText is { } status && DesignTerms.NormalizeWord(status) == "superseded";
        var agreements = _targets.Where(t => t.IsAgreement).ToList();
        var successor = agreements.Count > 0 ? Pick(agreements).Id : null;
        var unknown = string.Create(CultureInfo.InvariantCulture, $"AGR-X{item.Index}");
        var roll = _random.NextDouble();
        (string? Text, string? Value) choice = superseded
            ? (roll < 0.35 ? (successor, successor)
                : roll < 0.45 ? (successor?.ToLowerInvariant(), successor?.ToLowerInvariant())
                : roll < 0.65 ? (null, null)
                : roll < 0.75 ? ("\"\"", null)
                : roll < 0.82 ? ("", null)
                : (unknown, unknown))
            : (roll < 0.04 ? (successor, successor) : roll < 0.07 ? (unknown, unknown) : (null, null));
        (item.SupersededByText, item.SupersededBy) = choice;
        if (item.SupersededByText is not null) item.Traits.Add($"superseded-by: {item.SupersededByText}");
    }

    /// <summary>Picks the way the agreement is reviewed and its last revisit R, then writes R into one of
    /// <c>agreed</c>, <c>updated</c> or the commit and older dates into the others, so the boundaries are exact.</summary>
    private void DrawReview(PlannedItem item)
    {
        var roll = _random.NextDouble();
        DateOnly revisit;
        if (roll < 0.30)
        {
            item.ReviewBy = Dated(DrawReviewBy());
            revisit = DesignTerms.DaysAgo(CoarseBetween(0, 700));
            if (Chance(0.25))
            {
                // review-by decides when both are there.
                item.ReviewEvery = new PlannedPeriod(90, 'd');
                item.ReviewEveryText = item.ReviewEvery.Text;
            }
        }
        else if (roll < 0.55)
        {
            var period = Pick([new PlannedPeriod(90, 'd'), new PlannedPeriod(12, 'w'), new PlannedPeriod(6, 'm'), new PlannedPeriod(1, 'y')]);
            item.ReviewEvery = period;
            item.ReviewEveryText = period.Text;
            var exact = period.Before(DesignTerms.Today);
            var which = _random.NextDouble();
            revisit = which < 0.2 ? exact : which < 0.4 ? exact.AddDays(-1) : DesignTerms.DaysAgo(CoarseBetween(0, 700));
        }
        else revisit = DrawRevisit();

        var source = _random.NextDouble();
        var revisitAgo = DesignTerms.Today.DayNumber - revisit.DayNumber;
        item.FirstCommit = source < 0.4 ? revisit : DesignTerms.DaysAgo(CoarseBetween(revisitAgo + 1, revisitAgo + 300));
        item.Agreed = source is >= 0.4 and < 0.85 ? Dated(revisit) : Chance(0.7) ? Dated(revisit.AddDays(-Between(1, 300))) : null;
        item.Updated = source >= 0.85 ? Dated(revisit) : Chance(0.15) ? Dated(revisit.AddDays(-Between(1, 200))) : null;
        item.Traits.Add($"review-by {item.ReviewBy?.Text ?? "-"} review-every {item.ReviewEveryText ?? "-"} agreed {item.Agreed?.Text ?? "-"} updated {item.Updated?.Text ?? "-"} commit {DesignTerms.Iso(item.FirstCommit)}");
    }
}
