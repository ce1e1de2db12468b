namespace BacklogLint.Testing.Accuracy;

/// <summary>Items planted together or broken on purpose: dependency loops, duplicate ids, unreadable front matter
/// (BL0501) and invalid values (BL0502).</summary>
internal sealed partial class AccuracyGenerator
{
    /// <summary>A loop of <paramref name="length"/> items (1: an item that depends on itself). Other dependencies
    /// only point at earlier items, so these loops are the only cycles.</summary>
    private void AddCycle(int length)
    {
        var members = new List<PlannedItem>();
        for (var i = 0; i < length; i++)
        {
            var member = NewWorkItem();
            _items.Add(member);
            members.Add(member);
        }

        var edges = new List<PlannedDependency>();
        for (var i = 0; i < length; i++)
        {
            var next = members[(i + 1) % length];
            var edge = new PlannedDependency(Chance(0.2) ? next.Id.ToLowerInvariant() : next.Id);
            members[i].DependsOn.Insert(_random.Next(members[i].DependsOn.Count + 1), edge);
            members[i].Traits.Add($"in a cycle of {length}: -> {edge.Target}");
            edges.Add(edge);
        }

        _cycles.Add(edges);
        _targets.AddRange(members);
    }

    /// <summary>Three items whose loops tangle (rules/BL0402.md). A figure eight, H ⇄ X and H ⇄ Y, has no single loop
    /// through all three: each member is reported at its first entry that points into the group. A loop A → B → C → A
    /// with a chord A → C has exactly one: each member is reported at its entry to the next member of that loop.</summary>
    private void AddTangle()
    {
        var members = new List<PlannedItem>();
        for (var i = 0; i < 3; i++)
        {
            var member = NewWorkItem();
            if (member.DependencyStyle == DependencyStyle.Empty) member.DependencyStyle = DependencyStyle.Block;
            _items.Add(member);
            members.Add(member);
        }

        PlannedDependency Edge(PlannedItem from, PlannedItem to)
        {
            var edge = new PlannedDependency(to.Id);
            from.DependsOn.Insert(_random.Next(from.DependsOn.Count + 1), edge);
            return edge;
        }

        List<PlannedDependency> expected;
        if (Chance(0.5))
        {
            var (hub, x, y) = (members[0], members[1], members[2]);
            var toX = Edge(hub, x);
            var toY = Edge(hub, y);
            var first = hub.DependsOn.IndexOf(toX) < hub.DependsOn.IndexOf(toY) ? toX : toY;
            expected = [first, Edge(x, hub), Edge(y, hub)];
            foreach (var member in members) member.Traits.Add($"figure eight around {hub.Id}");
        }
        else
        {
            var (a, b, c) = (members[0], members[1], members[2]);
            expected = [Edge(a, b), Edge(b, c), Edge(c, a)];
            Edge(a, c);
            foreach (var member in members) member.Traits.Add($"loop {a.Id} -> {b.Id} -> {c.Id} with a chord {a.Id} -> {c.Id}");
        }

        _cycles.Add(expected);
        _targets.AddRange(members);
    }

    /// <summary>An item and a copy under <c>archive/</c> with the same id (in another case, or no <c>id</c> key and
    /// the same file name). Nothing refers to either: which one a reference means is not defined.</summary>
    private void AddDuplicate()
    {
        var original = NewWorkItem();
        original.Referenceable = false;
        original.Traits.Add("has a duplicate");
        Accept(original, invalid: false);

        var copy = NewWorkItem();
        copy.Referenceable = false;
        if (Chance(0.3))
        {
            copy.WritesId = false;
            copy.Id = Chance(0.3) ? original.Id.ToLowerInvariant() : original.Id;
            copy.Path = $"archive/{copy.Id}.md";
            SetOwner(copy, Member(copy.Team));
            copy.Traits.Add($"duplicate of {original.Path} by file name");
        }
        else
        {
            copy.Id = Chance(0.3) ? original.Id.ToLowerInvariant() : original.Id;
            copy.Path = $"archive/{original.Id}-copy.md";
            copy.Traits.Add($"duplicate of {original.Path}");
        }

        Accept(copy, invalid: false);
        if (!Chance(0.2)) return;
        var third = NewWorkItem();
        third.Referenceable = false;
        third.Id = original.Id;
        third.Path = $"archive/old/{original.Id}.md";
        third.Traits.Add($"third file with the id of {original.Path}");
        Accept(third, invalid: false);
    }

    private void AddBroken()
    {
        var item = NewWorkItem();
        item.Referenceable = false;
        item.Broken = (BrokenYaml)Between(1, 5);
        switch (item.Broken)
        {
            case BrokenYaml.UnquotedAt:
                var member = Member(item.Team);
                SetOwner(item, member);
                item.OwnerText = member;
                item.Planted.Add(("BL0501", "owner", "unquoted @ in owner"));
                break;
            case BrokenYaml.Unclosed:
                if (Chance(0.35) && item.CommentBefore.Add("id")) item.Traits.Add("comment before id");
                item.Planted.Add(("BL0501", "line1", "front matter never closed"));
                break;
            case BrokenYaml.Anchor:
                item.Planted.Add(("BL0501", "broken", "an anchor"));
                break;
            case BrokenYaml.DuplicateKey:
                item.StatusText ??= "todo";
                item.Planted.Add(("BL0501", "broken", "duplicate key Status"));
                break;
            default:
                item.TitleText = "Retry: part 2";
                item.Planted.Add(("BL0501", "title", "title: a: b"));
                break;
        }

        item.Traits.Add($"broken YAML: {item.Broken}");
        Accept(item, invalid: false);
        _broken.Add(item);
    }



    private void PlantInvalid(PlannedItem item)
    {
        var options = new List<Action>();
        if (item.IsAgreement)
        {
            options.Add(() => Plant(item, "review-every", "a period in words", () => (item.ReviewEveryText, item.ReviewEvery) = ("quarterly", null)));
            options.Add(() => Plant(item, "agreed", "February 30th", () => item.Agreed = DateValue.Invalid("2026-02-30")));
        }
        else
        {
            options.Add(() =>
            {
                Plant(item, "status", "unknown status word", () => item.StatusText = Pick(["started", "halfway", "paused"]));
                item.Referenceable = false;
            });
            options.Add(() => Plant(item, "due", "impossible date", () => item.Due = DateValue.Invalid(Pick(["2026-11-31", "2026-13-45", "next week"]))));
            options.Add(() => Plant(item, "created", "unpadded date", () => item.Created = DateValue.Invalid("2026-9-1")));
            options.Add(() => Plant(item, "updated", "date in words", () => item.Updated = DateValue.Invalid("last week")));
            options.Add(() => Plant(item, "type", "unknown type", () => (item.TypeText, item.Kind) = ("story", "task")));
            options.Add(() => Plant(item, "title", "list for a title", () => item.TitleText = "[first, second]"));
            options.Add(() => Plant(item, "owner", "map for an owner", () =>
            {
                item.OwnerKey = "owner";
                item.OwnersAsBlock = false;
                item.OwnerText = "{ name: alice }";
                item.Owners.Clear();
            }));
            // A handoff missing from, to or date is a BL0502 at its entry; its other values name nothing another
            // handoff rule would report, since whether one still checks it is not defined.
            options.Add(() => IncompleteHandoff(item, new PlannedHandoff { From = item.Team ?? "payments", Date = DateValue.Of(DesignTerms.Today) }, "to"));
            options.Add(() => IncompleteHandoff(item, new PlannedHandoff { From = null, ToText = "\"sre\"", To = "sre", Date = DateValue.Of(DesignTerms.Today) }, "from"));
            options.Add(() => IncompleteHandoff(item, new PlannedHandoff { From = item.Team ?? "payments", ToText = "\"@carol\"", To = "@carol", Date = null }, "date"));
            for (var i = 0; i < item.Handoffs.Count; i++)
            {
                var index = i;
                options.Add(() =>
                {
                    item.Handoffs[index].AcceptedText = "soon";
                    item.Handoffs[index].Accepted = null;
                    item.Planted.Add(("BL0502", $"handoff:{index}:accepted", "accepted in words"));
                    item.Traits.Add($"invalid: handoff {index} accepted: soon");
                });
            }

            if (item.Agreements.Count > 0)
            {
                options.Add(() => Inline(item, date: true));
                options.Add(() => Inline(item, date: false));
            }
        }

        Pick(options)();
    }

    private static void Plant(PlannedItem item, string key, string why, Action change)
    {
        change();
        item.Planted.Add(("BL0502", key, why));
        item.Traits.Add($"invalid {key}: {why}");
    }

    private static void IncompleteHandoff(PlannedItem item, PlannedHandoff handoff, string missing)
    {
        item.Handoffs.Add(handoff);
        item.Planted.Add(("BL0502", $"handoff:{item.Handoffs.Count - 1}:entry", $"handoff without {missing}"));
        item.Traits.Add($"invalid: handoff without {missing}");
    }

    private static void Inline(PlannedItem item, bool date)
    {
        var old = item.Agreements[0];
        item.Agreements[0] = new PlannedInlineAgreement
        {
            Date = date ? DateValue.Invalid("2026-02-30") : old.Date,
            Mentions = old.Mentions,
            ReviewBy = date ? old.ReviewBy : DateValue.Invalid("2026-13-01"),
            Text = old.Text,
            RewrittenLater = old.RewrittenLater,
            Bullet = old.Bullet,
        };
        item.Planted.Add(("BL0502", "inline:0", date ? "inline agreement dated February 30th" : "inline review-by in month 13"));
        item.Traits.Add(date ? "invalid: inline date 2026-02-30" : "invalid: inline review-by 2026-13-01");
    }
}
