using System.Globalization;

namespace BacklogLint.Testing.Accuracy;

/// <summary>Draws a planning repository of work items from seeded random traits (owners present, missing,
/// placeholder or unknown; statuses in every class and spelling; dates on both sides of every "older than N days"
/// boundary; handoffs, inline and whole-item agreements, dependencies, cycles, duplicate ids, broken YAML, invalid
/// values) and keeps, for each item, what it wrote and where. <see cref="DesignOracle"/> then derives the expected
/// findings from that plan. Deterministic: the same count and seed give the same plan.</summary>
internal sealed partial class AccuracyGenerator
{
    private static readonly IReadOnlyList<string> Teams = PlannedRoster.Teams;

    private readonly Random _random;
    private readonly AccuracyOptions _options;
    private readonly List<PlannedItem> _items = [];
    private readonly List<PlannedItem> _targets = [];
    private readonly List<PlannedItem> _broken = [];
    private readonly List<IReadOnlyList<PlannedDependency>> _cycles = [];

    private AccuracyGenerator(int seed, AccuracyOptions options)
    {
        _random = new Random(seed);
        _options = options;
    }

    /// <summary>Markdown files that are not items (links to them resolve).</summary>
    public static IReadOnlyList<string> Documents { get; } = [.. Enumerable.Range(0, 10).Select(n => $"docs/design-{n}.md"), SpacedDocument];

    /// <summary>A page whose name has a space: links to it write <c>%20</c>.</summary>
    private const string SpacedDocument = "docs/design notes.md";

    public static AccuracyPlan Plan(int itemCount, int seed, AccuracyOptions options)
    {
        var generator = new AccuracyGenerator(seed, options);
        generator.AddAnchors();
        while (generator._items.Count < itemCount) generator.AddSome(itemCount - generator._items.Count);
        foreach (var item in generator._items) ItemWriter.Render(item);
        var expected = DesignOracle.Expect(generator._items, generator._cycles, options);
        return new AccuracyPlan(itemCount, seed, options, generator._items, expected);
    }

    private void AddSome(int remaining)
    {
        var roll = _random.NextDouble();
        if (roll < 0.025) AddCycle(1 + _random.Next(Math.Min(4, remaining)));
        else if (roll < 0.03 && remaining >= 3) AddTangle();
        else if (roll < 0.04 && remaining >= 2) AddDuplicate();
        else if (roll < 0.06) AddBroken();
        else if (roll < 0.19) Accept(NewAgreement(), invalid: Chance(0.05));
        else Accept(NewWorkItem(), invalid: Chance(0.07));
    }

    /// <summary>Two agreements in force that cover payments–sre and platform–data: every other pair of teams is
    /// covered by nothing in force, so BL0405 has both kinds of dependency.</summary>
    private void AddAnchors()
    {
        foreach (var (first, second) in new[] { ("payments", "sre"), ("platform", "data") })
        {
            var index = _items.Count;
            var id = string.Create(CultureInfo.InvariantCulture, $"AGR-{index:D4}");
            var item = new PlannedItem(index, $"agreements/{id}.md", id)
            {
                Kind = "agreement",
                TypeText = "agreement",
                StatusText = "accepted",
                Parties = [first, second],
                PartiesText = $"[{first}, {second}]",
                Agreed = DateValue.Of(DesignTerms.DaysAgo(10)),
                ReviewBy = DateValue.Of(DesignTerms.Today.AddDays(100)),
                FirstCommit = DesignTerms.DaysAgo(10),
            };
            item.Traits.Add($"anchor agreement {first}-{second}");
            Accept(item, invalid: false);
        }
    }

    private void Accept(PlannedItem item, bool invalid)
    {
        if (invalid) PlantInvalid(item);
        _items.Add(item);
        if (item.Referenceable) _targets.Add(item);
    }

    private PlannedItem NewWorkItem()
    {
        var index = _items.Count;
        var team = Chance(0.9) ? Pick(Teams) : null;
        var id = string.Create(CultureInfo.InvariantCulture, $"{PlannedRoster.Prefix(team)}-{index:D4}");
        var item = new PlannedItem(index, $"backlog/{team ?? "misc items"}/{id}.md", id) { Kind = Chance(0.12) ? "epic" : "task" };
        item.TypeText = item.Kind == "epic" ? "epic" : Chance(0.3) ? "task" : null;
        item.StatusText = DrawWorkStatus();
        item.StatusQuoted = Chance(0.05);
        item.Traits.Add($"{item.Kind} status={item.StatusText ?? "(none)"}");
        DrawOwner(item, team, allowMissing: true);
        if (team is null && Chance(0.3)) item.TeamText = Pick(["TBD", "\"?\""]);
        if (team is not null)
        {
            item.Team = team;
            var form = _random.NextDouble();
            item.TeamText = form < 0.06 ? $"\"@acme/{team}\"" : form < 0.10 ? char.ToUpperInvariant(team[0]) + team[1..] : team;
        }

        // Many items share a created date, so that BL0003's order falls back on paths.
        item.Created = Chance(0.08) ? null
            : Chance(0.45) ? Dated(DesignTerms.DaysAgo(Pick([40, 41, 100, 150, 200, 201, 300, 365, 400, 500])))
            : Dated(DesignTerms.DaysAgo(Between(5, 700)));
        if (Chance(0.05))
        {
            item.TitleText = "Zahlungsströme über SEPA – naïve café ✓";
            item.Traits.Add("non-ASCII title");
        }

        if (Chance(0.05))
        {
            item.Description = true;
            item.Traits.Add("block scalar that looks like keys");
        }

        var withAgreements = Chance(0.12);
        DrawCommits(item, preferOld: withAgreements && Chance(0.5));
        item.Updated = DrawUpdated();
        item.Due = DrawDue();
        DrawDependencies(item);
        DrawBlocker(item);
        if (Chance(0.15)) DrawHandoffs(item, team);
        if (withAgreements) DrawInlineAgreements(item);
        if (Chance(0.5)) DrawTasks(item);
        if (Chance(0.12)) item.Link = DrawLink();
        DrawCommitState(item);
        DrawPresentation(item);
        return item;
    }

    /// <summary>A few files are never committed, or changed in the work tree after their commit.</summary>
    private void DrawCommitState(PlannedItem item)
    {
        if (Chance(0.03))
        {
            item.CommitState = Chance(0.5) ? CommitState.Untracked : CommitState.Dirty;
            item.SecondCommit = null;
            foreach (var agreement in item.Agreements) agreement.RewrittenLater = Chance(0.5);
        }

        item.Traits.Add(item.CommitState switch
        {
            CommitState.Untracked => "untracked",
            CommitState.Dirty => $"commit {DesignTerms.Iso(item.FirstCommit)}, then changed in the work tree",
            _ => $"commit {DesignTerms.Iso(item.FirstCommit)}{(item.SecondCommit is { } second ? " then " + DesignTerms.Iso(second) : "")}",
        });
    }

    /// <summary>How the file is written, which must change no finding: CRLF, a byte-order mark, YAML comments, a
    /// front matter closed by <c>...</c>, a fenced code block that looks like tasks and agreements.</summary>
    private void DrawPresentation(PlannedItem item)
    {
        item.Crlf = Chance(0.04);
        item.ByteOrderMark = Chance(0.015);
        item.ClosesWithDots = Chance(0.03);
        item.TrailingComments = Chance(0.08) && item.DependencyStyle != DependencyStyle.FlowOverLines;
        item.CodeBlock = Chance(0.04);
        if (Chance(0.08)) item.CommentBefore.Add(Pick(["id", "status", "owner", "owners", "due", "depends-on", "handoffs", "review-by", "parties"]));
        if (item.Crlf) item.Traits.Add("CRLF");
        if (item.ByteOrderMark) item.Traits.Add("BOM");
        if (item.ClosesWithDots) item.Traits.Add("closed by ...");
        if (item.TrailingComments) item.Traits.Add("trailing comments");
        if (item.CodeBlock) item.Traits.Add("code block");
        if (item.CommentBefore.Count > 0) item.Traits.Add($"comment before {item.CommentBefore.First()}");
    }

    /// <summary>A date as written in front matter: mostly <c>YYYY-MM-DD</c>, sometimes quoted, sometimes a date and
    /// time whose local date differs from its UTC date (which is the one that counts).</summary>
    private DateValue Dated(DateOnly date)
    {
        var roll = _random.NextDouble();
        if (roll < 0.85) return DateValue.Of(date);
        if (roll < 0.90) return DateValue.Quoted(date);
        return roll < 0.95 ? DateValue.EveningWest(date) : DateValue.NightEast(date);
    }

    private string? DrawWorkStatus()
    {
        var roll = _random.NextDouble();
        if (roll < 0.04) return null;
        if (roll < 0.24) return Pick(["todo", "ready", "backlog", "proposed", "To Do", "Ready"]);
        if (roll < 0.50) return Pick(["in-progress", "doing", "review", "In Progress", "IN_PROGRESS", "Review"]);
        if (roll < 0.58) return Pick(["blocked", "Blocked", "on-hold"]);
        if (roll < 0.86) return Pick(["done", "Done", "resolved"]);
        return Pick(["dropped", "wontfix", "cancelled", "Won't Fix", "WONT_FIX"]);
    }

    private void DrawOwner(PlannedItem item, string? team, bool allowMissing)
    {
        var roll = _random.NextDouble();
        if (roll < 0.46) SetOwner(item, Member(team));
        else if (roll < 0.50) SetOwner(item, Pick(["alice", "@ALICE", "Carol", "@Dan"]));
        else if (roll < 0.54) SetOwner(item, Pick(PlannedRoster.People));
        else if (roll < 0.62) SetOwner(item, Pick(["payments", "@acme/sre", "@Platform", "growth", "@acme/data", "@victor", "security", "@acme/security"]));
        else if (roll < 0.68) SetOwner(item, Pick(PlannedRoster.Strangers));
        else if (roll < 0.75) SetOwner(item, Pick(["TBD", "?", "none", "-", "unassigned", ""]));
        else if (roll < 0.77)
        {
            item.OwnerKey = "owner";
            item.OwnerText = "";
            item.Owners.Add("");
        }
        else if (roll < 0.83 && allowMissing) item.Traits.Add("no owner key");
        else if (roll < 0.93)
        {
            SetOwners(item, DrawOwnerList(team));
            item.OwnersAsBlock = item.Owners.Any(owner => !DesignTerms.IsPlaceholder(owner)) && Chance(0.35);
        }
        else SetOwner(item, Member(team));

        if (item.OwnerKey is not null) item.Traits.Add($"{item.OwnerKey}: {item.OwnerText}{(item.OwnersAsBlock ? " (one per line)" : "")}");
    }

    private List<string> DrawOwnerList(string? team)
    {
        var member = Member(team);
        return _random.Next(6) switch
        {
            0 => [member, OtherMember(member)],
            1 => [member, Pick(PlannedRoster.Strangers)],
            2 => ["?", "none"],
            3 => ["TBD", member],
            4 => [],
            _ => [Pick(Teams), member],
        };
    }

    private static void SetOwner(PlannedItem item, string owner)
    {
        item.OwnerKey = "owner";
        item.OwnersAsBlock = false;
        item.OwnerText = Quote(owner);
        item.Owners.Clear();
        item.Owners.Add(owner);
    }

    private static void SetOwners(PlannedItem item, List<string> owners)
    {
        item.OwnerKey = "owners";
        item.OwnersAsBlock = false;
        item.OwnerText = $"[{string.Join(", ", owners.Select(Quote))}]";
        item.Owners.Clear();
        item.Owners.AddRange(owners);
    }

    private void DrawCommits(PlannedItem item, bool preferOld)
    {
        var roll = _random.NextDouble();
        var days = _options.UntouchedDays;
        var ago = preferOld ? CoarseBetween(150, 700)
            : roll < 0.50 ? CoarseBetween(0, days - 5)
            : roll < 0.58 ? days
            : roll < 0.66 ? days + 1
            : CoarseBetween(days + 2, 700);
        item.FirstCommit = DesignTerms.DaysAgo(ago);
        if (ago < 2 || !Chance(0.2)) return;
        var later = _random.Next(4) switch
        {
            0 when ago > days => days,
            1 when ago > days + 1 => days + 1,
            _ => CoarseBetween(0, ago - 1),
        };
        item.SecondCommit = DesignTerms.DaysAgo(later);
        if (Chance(0.3)) item.InsertsLineFrom = 2;
    }

    private DateValue? DrawUpdated()
    {
        if (Chance(0.5)) return null;
        var roll = _random.NextDouble();
        var days = _options.UntouchedDays;
        var ago = roll < 0.15 ? days : roll < 0.30 ? days + 1 : roll < 0.65 ? Between(0, days - 1) : Between(days + 2, 500);
        return Dated(DesignTerms.DaysAgo(ago));
    }

    private DateValue? DrawDue()
    {
        var roll = _random.NextDouble();
        if (roll < 0.60) return null;
        if (roll < 0.70) return Dated(DesignTerms.Today);
        if (roll < 0.80) return Dated(DesignTerms.DaysAgo(1));
        if (roll < 0.90) return Dated(DesignTerms.DaysAgo(Between(2, 300)));
        return Dated(DesignTerms.Today.AddDays(Between(1, 200)));
    }

    private void DrawDependencies(PlannedItem item)
    {
        item.DependencyStyle = _random.Next(20) switch
        {
            < 8 => DependencyStyle.Flow,
            < 15 => DependencyStyle.Block,
            < 17 => DependencyStyle.Scalar,
            < 19 => DependencyStyle.FlowOverLines,
            _ => DependencyStyle.Empty,
        };
        if (!Chance(0.3) || _targets.Count == 0) return;
        var count = Between(1, 3);
        var chosen = new HashSet<PlannedItem>();
        for (var i = 0; i < count; i++) chosen.Add(Pick(_targets));
        foreach (var target in chosen) item.DependsOn.Add(new PlannedDependency(Chance(0.15) ? target.Id.ToLowerInvariant() : target.Id));
        if (Chance(0.12)) item.DependsOn.Add(new PlannedDependency(string.Create(CultureInfo.InvariantCulture, $"NOPE-{Between(1, 999)}")));
        // A file whose front matter cannot be read is no item: its id names nothing (rules/BL0501.md).
        if (Chance(0.04) && _broken.Count > 0) item.DependsOn.Add(new PlannedDependency(Pick(_broken).Id));
        item.Traits.Add($"depends-on ({item.DependencyStyle}) {string.Join(", ", item.DependsOn.Select(d => d.Target))}");
    }

    private void DrawBlocker(PlannedItem item)
    {
        var blocked = DesignTerms.Classify(item).Class == PlannedClass.Blocked;
        if (!blocked && !Chance(0.03)) return;
        var roll = _random.NextDouble();
        if (roll < 0.45) (item.BlockedByText, item.NamesBlocker) = ("waiting for the vendor sandbox", true);
        else if (roll < 0.55 && _targets.Count > 0) (item.BlockedByText, item.NamesBlocker) = ($"[{Pick(_targets).Id}]", true);
        else if (roll < 0.65) (item.BlockedByText, item.NamesBlocker) = ("\"\"", false);
        if (blocked && item.DependsOn.Count == 0 && Chance(0.2)) item.DependencyStyle = DependencyStyle.Empty;
        if (item.BlockedByText is not null) item.Traits.Add($"blocked-by: {item.BlockedByText}");
    }

    private void DrawHandoffs(PlannedItem item, string? team)
    {
        var count = Chance(0.12) ? 2 : 1;
        var handoffs = new List<PlannedHandoff>();
        for (var i = 0; i < count; i++)
        {
            var from = DrawFrom(team);
            var to = DrawTo(from);
            var date = DrawHandoffDate();
            var handoff = new PlannedHandoff { From = from, ToText = Quote(to), To = to, Date = Dated(date) };
            DrawAcceptance(handoff, date);
            handoffs.Add(handoff);
        }

        // Usually in date order; sometimes the later entry is the older one, or both were accepted on the same day
        // (BL0203 goes by the latest accepted date, then by the later entry).
        var ordered = handoffs.OrderBy(h => h.Date!.Date).ToList();
        if (ordered.Count == 2 && Chance(0.3)) ordered.Reverse();
        if (ordered.Count == 2 && ordered.All(h => h.Accepted is not null) && Chance(0.3))
        {
            var same = ordered.Max(h => h.Accepted!.Value);
            foreach (var handoff in ordered) (handoff.AcceptedText, handoff.Accepted) = (DesignTerms.Iso(same), same);
        }

        item.Handoffs.AddRange(ordered);
        item.Traits.AddRange(item.Handoffs.Select(h => $"handoff {h.From} -> {h.To} on {h.Date!.Text}, accepted: {h.AcceptedText ?? "(no key)"}"));
        MoveOwnerAfterHandoff(item);
    }

    private string DrawFrom(string? team)
    {
        var from = team ?? Pick(Teams);
        var roll = _random.NextDouble();
        return roll < 0.7 ? from : roll < 0.8 ? $"@acme/{from}" : Pick(PlannedRoster.Members[from]);
    }

    private string DrawTo(string from)
    {
        var fromTeam = PlannedRoster.IsTeam(from) ? DesignTerms.Party(from) : PlannedRoster.TeamOf(from);
        var other = Pick([.. Teams.Where(t => t != fromTeam)]);
        var roll = _random.NextDouble();
        if (roll < 0.30) return other;
        if (roll < 0.35) return Pick(["@victor", "security", "@acme/security"]);
        if (roll < 0.40) return "@" + (Chance(0.5) ? other : other.ToUpperInvariant());
        if (roll < 0.45) return "@acme/" + other;
        if (roll < 0.60) return Pick(PlannedRoster.Members[other]);
        if (roll < 0.65) return Pick(PlannedRoster.People);
        if (roll < 0.75 && _targets.Count > 0)
        {
            var id = Pick(_targets).Id;
            return Chance(0.3) ? id.ToLowerInvariant() : id;
        }

        if (roll < 0.78 && _broken.Count > 0) return Pick(_broken).Id;
        return roll < 0.92 ? Pick(PlannedRoster.Strangers) : "TBD";
    }

    private DateOnly DrawHandoffDate()
    {
        var roll = _random.NextDouble();
        var days = _options.HandoffDays;
        var ago = roll < 0.15 ? days : roll < 0.30 ? days + 1 : roll < 0.55 ? Between(0, days - 1) : Between(days + 2, 300);
        return DesignTerms.DaysAgo(ago);
    }

    private void DrawAcceptance(PlannedHandoff handoff, DateOnly date)
    {
        var roll = _random.NextDouble();
        if (roll < 0.45)
        {
            var accepted = date.AddDays(Between(0, Math.Min(5, DesignTerms.Today.DayNumber - date.DayNumber)));
            handoff.AcceptedText = Dated(accepted).Text;
            handoff.Accepted = accepted;
        }
        else if (roll < 0.83) handoff.AcceptedText = null;
        else if (roll < 0.90) handoff.AcceptedText = "";
        else if (roll < 0.96) handoff.AcceptedText = "\"\"";
        else handoff.AcceptedText = "null";
    }

    /// <summary>After an accepted handoff, the owner is drawn again from the sending side, the receiving side, both,
    /// or neither (BL0203).</summary>
    private void MoveOwnerAfterHandoff(PlannedItem item)
    {
        var latest = item.Handoffs.Where(h => h.Accepted is not null && h.To is not null).OrderBy(h => h.Accepted).LastOrDefault();
        if (latest is null) return;
        // Where BL0203 points among owners written one per line is not defined: keep them on one line.
        item.OwnersAsBlock = false;
        if (!Chance(0.8)) return;
        var from = latest.From!;
        var fromTeam = PlannedRoster.IsTeam(from) ? DesignTerms.Party(from) : null;
        var sender = fromTeam is null ? from : Pick(PlannedRoster.Members[fromTeam]);
        var receiver = PlannedRoster.IsTeam(latest.To!) ? (Chance(0.5) ? DesignTerms.Party(latest.To!) : Pick(PlannedRoster.Members[DesignTerms.Party(latest.To!)]))
            : PlannedRoster.Knows(latest.To!) ? latest.To!
            : null;
        if (receiver is not null && DesignTerms.IsPlaceholder(receiver)) receiver = null;
        var roll = _random.NextDouble();
        if (roll < 0.25) SetOwner(item, fromTeam ?? from);
        else if (roll < 0.50) SetOwner(item, sender);
        else if (roll < 0.70 && receiver is not null) SetOwner(item, receiver);
        else if (roll < 0.80 && receiver is not null) SetOwners(item, [sender, receiver]);
        else
        {
            var toTeam = PlannedRoster.IsTeam(latest.To!) ? DesignTerms.Party(latest.To!) : null;
            var third = Pick([.. Teams.Where(t => t != fromTeam && t != toTeam && t != PlannedRoster.TeamOf(sender))]);
            SetOwner(item, Pick(PlannedRoster.Members[third]));
        }

        item.Traits.Add($"owner after handoff: {item.OwnerText}");
    }

    private void DrawInlineAgreements(PlannedItem item)
    {
        var count = Chance(0.2) ? 2 : 1;
        for (var i = 0; i < count; i++)
        {
            var agreement = new PlannedInlineAgreement
            {
                Date = Chance(0.88) ? DateValue.Of(DrawRevisit()) : null,
                Bullet = Chance(0.1) ? '*' : '-',
                Mentions = DrawMentions(),
                ReviewBy = Chance(0.35) ? DateValue.Of(DrawReviewBy()) : null,
                Text = string.Create(CultureInfo.InvariantCulture, $"the interface of item {item.Index} stays stable ({i + 1})."),
                RewrittenLater = item.SecondCommit is not null && Chance(0.5),
            };
            item.Agreements.Add(agreement);
            item.Traits.Add($"inline agreement {agreement.Date?.Text ?? "(no date)"} {string.Join(' ', agreement.Mentions)} review-by {agreement.ReviewBy?.Text ?? "-"}{(agreement.RewrittenLater ? " rewritten later" : "")}");
        }
    }

    /// <summary>Only the covered pairs (and single teams) are ever mentioned together inline: inline agreements are
    /// always in force.</summary>
    private List<string> DrawMentions()
    {
        var roll = _random.NextDouble();
        if (roll < 0.55)
        {
            var (first, second) = Chance(0.5) ? ("payments", "sre") : ("platform", "data");
            if (Chance(0.5)) (first, second) = (second, first);
            return [Mention(first), Mention(second)];
        }

        var team = Pick(Teams);
        if (roll < 0.80) return [Mention(team), Pick(PlannedRoster.Members[team])];
        if (roll < 0.90) return [Mention(team)];
        return [];
    }

    private string Mention(string team) => _random.Next(4) switch
    {
        0 => "@acme/" + team,
        1 => "@" + team.ToUpperInvariant(),
        _ => "@" + team,
    };

    /// <summary>A last revisit exactly max-age ago (not stale), a day more (stale), or anywhere else.</summary>
    private DateOnly DrawRevisit()
    {
        var exact = _options.MaxAgePeriod.Before(DesignTerms.Today);
        var roll = _random.NextDouble();
        if (roll < 0.15) return exact;
        if (roll < 0.30) return exact.AddDays(-1);
        var exactAgo = DesignTerms.Today.DayNumber - exact.DayNumber;
        return DesignTerms.DaysAgo(roll < 0.65 ? CoarseBetween(0, exactAgo - 1) : CoarseBetween(exactAgo + 2, exactAgo + 500));
    }

    private DateOnly DrawReviewBy()
    {
        var roll = _random.NextDouble();
        if (roll < 0.25) return DesignTerms.DaysAgo(1);
        if (roll < 0.50) return DesignTerms.Today;
        if (roll < 0.75) return DesignTerms.Today.AddDays(Between(1, 300));
        return DesignTerms.DaysAgo(Between(2, 300));
    }

    private void DrawTasks(PlannedItem item)
    {
        var count = Between(1, 4);
        for (var i = 0; i < count; i++)
        {
            var bullet = Chance(0.1) ? Pick(['*', '+']) : '-';
            item.Tasks.Add(new PlannedTask(Chance(0.6), false, string.Create(CultureInfo.InvariantCulture, $"step {i + 1}"), bullet, Chance(0.15)));
            if (Chance(0.1)) item.Tasks.Add(new PlannedTask(Chance(0.5), true, string.Create(CultureInfo.InvariantCulture, $"part of step {i + 1}")));
        }

        item.Traits.Add("tasks " + string.Concat(item.Tasks.Select(t => t.Checked ? "x" : "_")));
    }

    private PlannedLink DrawLink()
    {
        var doc = Pick([.. Documents.Where(d => d != SpacedDocument)]);
        var roll = _random.NextDouble();
        if (roll < 0.22) return new PlannedLink(doc, true, "document");
        if (roll < 0.27) return new PlannedLink(SpacedDocument, true, "encoded space");
        if (roll < 0.32) return new PlannedLink(doc + "#goals", true, "document with fragment");
        if (roll < 0.36) return new PlannedLink(doc + "?plain=1", true, "document with query");
        if (roll < 0.40) return new PlannedLink(doc, true, "dotted path");
        if (roll < 0.52 && _targets.Count > 0) return new PlannedLink(Pick(_targets).Path, true, "item file");
        if (roll < 0.66) return new PlannedLink(string.Create(CultureInfo.InvariantCulture, $"docs/missing-{Between(1, 999)}.md"), false, "missing file");
        if (roll < 0.74) return new PlannedLink("docs/D" + doc[6..], false, "differs in case");
        if (roll < 0.78) return new PlannedLink(doc[..^3] + ".MD", false, "extension in another case");
        if (roll < 0.86) return new PlannedLink("outside.md", true, "above the root");   // out of sight: not broken
        return new PlannedLink("https://example.com/notes.md", true, "absolute URL");
    }

    private string Member(string? team) => Pick(PlannedRoster.Members[team is not null && Chance(0.6) ? team : Pick(Teams)]);

    private string OtherMember(string member)
    {
        string other;
        do other = Member(null);
        while (DesignTerms.SameParty(other, member));
        return other;
    }

    /// <summary>YAML for a scalar, always quoted: an '@' cannot start a plain value.</summary>
    private static string Quote(string value) => $"\"{value}\"";

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    /// <summary>Like <see cref="Between"/>, on a multiple of 5 (of 25 beyond 200 days) where the range allows: dates
    /// away from a boundary need no finer grain, and fewer distinct commit dates make fewer commits.</summary>
    private int CoarseBetween(int min, int maxInclusive)
    {
        var value = Between(min, maxInclusive);
        var step = value > 200 ? 25 : 5;
        value = value / step * step;
        return value < min ? Math.Min(maxInclusive, value + step) : value;
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
