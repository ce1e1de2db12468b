namespace BacklogLint.Testing.Accuracy;

/// <summary>One finding the plan calls for: rule, repo-relative path, 1-based line, and why (for the report).</summary>
public sealed record ExpectedFinding(string Rule, string Path, int Line, string Why);

/// <summary>Derives the expected findings of a plan from DESIGN.md §1–2 and the rule pages, reading only what the
/// generator planned (never the rules): each method below is one catalogue entry, stated in the document's terms.
/// Where DESIGN is silent it follows the rule's page (BL0003 reports the items beyond the limit in order of
/// <c>created</c>; BL0304 skips dropped items; BL0201 leaves a handoff without <c>to</c> to BL0502; ...).</summary>
internal sealed class DesignOracle
{
    /// <summary>The rules whose ground truth is written here: the accuracy test judges these and no others, so a new
    /// rule does not have to be planted here first; it opts in by adding its ID once its method below is written.</summary>
    public static IReadOnlySet<string> Rules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "BL0001", "BL0002", "BL0003", "BL0101", "BL0102", "BL0103", "BL0201", "BL0202", "BL0203",
        "BL0301", "BL0302", "BL0303", "BL0304", "BL0401", "BL0402", "BL0403", "BL0404", "BL0405",
        "BL0501", "BL0502", "BL0601", "BL0602", "BL0603", "BL9001", "BL9002",
    };

    private readonly List<PlannedItem> _items;
    private readonly Dictionary<string, List<PlannedItem>> _byId;
    private readonly HashSet<(string, string)> _coveredPairs;
    private readonly List<ExpectedFinding> _expected = [];
    private readonly AccuracyOptions _options;

    private DesignOracle(IEnumerable<PlannedItem> items, AccuracyOptions options)
    {
        _options = options;
        // A file whose front matter cannot be read is no item: only BL0501 speaks of it.
        _items = [.. items.Where(item => item.Broken == BrokenYaml.None)];
        _byId = _items.GroupBy(item => item.Id.ToLowerInvariant()).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        _coveredPairs = CoveredPairs();
    }

    public static IReadOnlyList<ExpectedFinding> Expect(IReadOnlyList<PlannedItem> items, IReadOnlyList<IReadOnlyList<PlannedDependency>> cycles, AccuracyOptions options)
    {
        var oracle = new DesignOracle(items, options);
        foreach (var item in items) oracle.Planted(item);
        foreach (var item in oracle._items)
        {
            oracle.MissingOwner(item);
            oracle.OwnerNotInRoster(item);
            oracle.StaleAgreements(item);
            oracle.AgreementsWithoutParties(item);
            oracle.SupersededWithoutSuccessor(item);
            oracle.Handoffs(item);
            oracle.Flow(item);
            oracle.References(item);
        }

        oracle.WorkInProgress();
        oracle.Cycles(items, cycles);
        oracle.DuplicateIds();
        return oracle._expected;
    }

    private void Add(string rule, PlannedItem item, int line, string why) => _expected.Add(new ExpectedFinding(rule, item.Path, line, why));

    private static (PlannedClass Class, bool Dropped) Status(PlannedItem item) => DesignTerms.Classify(item);

    private static bool IsWork(PlannedItem item) => item.Kind is "task" or "epic";

    /// <summary>Open, active or blocked (no status is open).</summary>
    private static bool IsUnfinished(PlannedItem item) =>
        IsWork(item) && Status(item).Class is PlannedClass.Absent or PlannedClass.Open or PlannedClass.Active or PlannedClass.Blocked;

    private static List<string> RealOwners(PlannedItem item) => [.. item.Owners.Where(owner => !DesignTerms.IsPlaceholder(owner))];

    /// <summary>The line of an owner's value: its own line when owners are written one per line.</summary>
    private static int OwnerLine(PlannedItem item, string owner) =>
        item.OwnersAsBlock ? item.OwnerLines[item.Owners.FindIndex(o => DesignTerms.SameParty(o, owner))] : item.Line("owner");

    private bool Exists(string id) => _byId.ContainsKey(id.ToLowerInvariant());

    /// <summary>The one item an id names (the generator never refers to a duplicated id).</summary>
    private PlannedItem? Find(string id) => _byId.TryGetValue(id.ToLowerInvariant(), out var found) ? found[0] : null;

    /// <summary>BL0501, BL0502: written on purpose by the generator, at the slot it wrote.</summary>
    private void Planted(PlannedItem item)
    {
        foreach (var (rule, slot, why) in item.Planted)
        {
            var parts = slot.Split(':');
            var line = parts[0] switch
            {
                "handoff" when parts[2] == "entry" => item.Handoffs[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)].EntryLine,
                "handoff" => item.Handoffs[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)].AcceptedLine,
                "inline" => item.Agreements[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)].Line,
                _ => item.Line(slot),
            };
            Add(rule, item, line, why);
        }
    }

    /// <summary>BL0001: a task or epic, open/active/blocked, with no owner; a placeholder is no owner. At the owner
    /// value, or at the id without an owner key.</summary>
    private void MissingOwner(PlannedItem item)
    {
        if (!IsUnfinished(item) || RealOwners(item).Count > 0) return;
        Add("BL0001", item, item.OwnerKey is null ? item.Line("id") : item.Line("owner"), "unfinished work without an owner");
    }

    /// <summary>BL0002: each owner the roster does not know, at the owner value; every type and status.</summary>
    private void OwnerNotInRoster(PlannedItem item)
    {
        foreach (var owner in RealOwners(item).Where(owner => !PlannedRoster.Knows(owner)))
            Add("BL0002", item, OwnerLine(item, owner), $"owner '{owner}' is not in the roster");
    }

    /// <summary>BL0003: per owner, active tasks and epics in order of created (none last, then path); each one beyond
    /// the limit, at its owner value.</summary>
    private void WorkInProgress()
    {
        var active = _items.Where(item => IsWork(item) && Status(item).Class == PlannedClass.Active);
        var byOwner = active
            .SelectMany(item => RealOwners(item).Select(DesignTerms.Party).Distinct().Select(owner => (Owner: owner, Item: item)))
            .GroupBy(pair => pair.Owner, pair => pair.Item);
        foreach (var group in byOwner)
        {
            var ordered = group
                .OrderBy(item => item.Created?.Date is null ? 1 : 0)
                .ThenBy(item => item.Created?.Date)
                .ThenBy(item => item.Path, StringComparer.Ordinal)
                .ToList();
            for (var i = _options.WipLimit; i < ordered.Count; i++)
                Add("BL0003", ordered[i], OwnerLine(ordered[i], group.Key), $"{group.Key}'s active item #{i + 1}");
        }
    }

    /// <summary>BL0101, whole-item: proposed, in force or no status; review-by passed, else review-every elapsed
    /// since the last revisit, else max-age. The last revisit is the newest of agreed, updated and the last commit.
    /// Inline: every agreement line of every item; review-by passed, else max-age since the newest of its date and
    /// the last commit that changed its line.</summary>
    private void StaleAgreements(PlannedItem item)
    {
        if (item.IsAgreement && Status(item).Class is PlannedClass.Absent or PlannedClass.Proposed or PlannedClass.InForce)
        {
            // With no known revisit (no date, no commit) only review-by can make it stale (rules/BL0101.md).
            var revisit = Newest(item.Agreed?.Date, item.Updated?.Date, item.LastCommit);
            if (item.ReviewBy?.Date is { } reviewBy)
            {
                if (reviewBy < DesignTerms.Today) Add("BL0101", item, item.Line("review-by"), $"review-by {DesignTerms.Iso(reviewBy)} passed");
            }
            else if (item.ReviewEvery is { } period)
            {
                if (revisit is { } last && period.After(last) < DesignTerms.Today)
                    Add("BL0101", item, item.Line("review-every"), $"last revisit {DesignTerms.Iso(last)} older than {period.Text}");
            }
            else if (revisit is { } last && _options.MaxAgePeriod.After(last) < DesignTerms.Today)
            {
                Add("BL0101", item, item.Line("id"), $"last revisit {DesignTerms.Iso(last)} older than {_options.MaxAge}");
            }
        }

        foreach (var agreement in item.Agreements)
        {
            var revisit = Newest(agreement.Date?.Date, null, item.LineCommit(agreement));
            if (agreement.ReviewBy?.Date is { } reviewBy)
            {
                if (reviewBy < DesignTerms.Today) Add("BL0101", item, agreement.Line, $"inline review-by {DesignTerms.Iso(reviewBy)} passed");
            }
            else if (revisit is { } last && _options.MaxAgePeriod.After(last) < DesignTerms.Today)
            {
                Add("BL0101", item, agreement.Line, $"inline agreement last revisited {DesignTerms.Iso(last)}");
            }
        }
    }

    private static DateOnly? Newest(DateOnly? first, DateOnly? second, DateOnly? commit) =>
        new[] { first, second, commit }.OfType<DateOnly>().Select(date => (DateOnly?)date).Max();

    /// <summary>BL0102: a proposed or in-force agreement item without parties (none, empty, placeholders), at its id;
    /// an inline agreement without an @-mention, on its line.</summary>
    private void AgreementsWithoutParties(PlannedItem item)
    {
        if (item.IsAgreement && Status(item).Class is PlannedClass.Absent or PlannedClass.Proposed or PlannedClass.InForce
            && (item.Parties is null || item.Parties.All(DesignTerms.IsPlaceholder)))
            Add("BL0102", item, item.Line("id"), "agreement item without parties");
        foreach (var agreement in item.Agreements.Where(agreement => agreement.Mentions.Count == 0))
            Add("BL0102", item, agreement.Line, "inline agreement without @-mentions");
    }

    /// <summary>BL0103: an agreement item whose status is superseded and that has no superseded-by (absent or empty),
    /// at the status value.</summary>
    private void SupersededWithoutSuccessor(PlannedItem item)
    {
        if (item.IsAgreement && item.StatusText is { } status && DesignTerms.NormalizeWord(status) == "superseded" && string.IsNullOrEmpty(item.SupersededBy))
            Add("BL0103", item, item.Line("status"), "superseded without superseded-by");
    }

    /// <summary>BL0201: <c>to</c> names no known party and no item id (a placeholder is no party), at the to value.
    /// BL0202: no accepted date and the handoff's date older than 14 days, at the date. BL0203: after the latest
    /// accepted handoff, every owner is the sender or in the sending team and none is the receiver or in the
    /// receiving team, at the owner value.</summary>
    private void Handoffs(PlannedItem item)
    {
        var complete = item.Handoffs.Where(handoff => handoff is { From: not null, To: not null, Date: not null }).ToList();
        foreach (var handoff in complete)
        {
            var to = handoff.To!;
            if (DesignTerms.IsPlaceholder(to) || (!PlannedRoster.Knows(to) && !Exists(to)))
                Add("BL0201", item, handoff.ToLine, $"handoff to unknown '{to}'");
            if (handoff.Accepted is null && handoff.Date!.Date is { } date && DesignTerms.OlderThan(date, _options.HandoffDays))
                Add("BL0202", item, handoff.DateLine, $"handoff of {handoff.Date.Text} never accepted");
        }

        var latest = complete.Where(h => h.Accepted is not null).OrderBy(h => h.Accepted).LastOrDefault();
        var owners = RealOwners(item);
        if (latest is null || owners.Count == 0) return;
        var stillSender = owners.All(owner =>
            (DesignTerms.SameParty(owner, latest.From!) || PlannedRoster.IsMember(owner, latest.From!))
            && !DesignTerms.SameParty(owner, latest.To!) && !PlannedRoster.IsMember(owner, latest.To!));
        if (stillSender) Add("BL0203", item, item.Line("owner"), $"owner still on the sending side of {latest.From} -> {latest.To}");
    }

    /// <summary>BL0301: an active task or epic whose last touch (newest of last commit and updated; else created) is
    /// older than 30 days, at the status. BL0302: open/active/blocked with due before today, at due. BL0303: blocked without
    /// depends-on entries or a blocked-by, at the status. BL0304: done (not dropped) with unchecked tasks, at the
    /// first unchecked one.</summary>
    private void Flow(PlannedItem item)
    {
        if (!IsWork(item)) return;
        var (status, dropped) = Status(item);
        if (status == PlannedClass.Active)
        {
            // Neither a commit nor updated: created stands in (rules/BL0301.md); with none of them, nothing to judge.
            var touched = Newest(item.Updated?.Date, null, item.LastCommit) ?? item.Created?.Date;
            if (touched is { } last && DesignTerms.OlderThan(last, _options.UntouchedDays))
                Add("BL0301", item, item.Line("status"), $"last touched {DesignTerms.Iso(last)}");
        }

        if (IsUnfinished(item) && item.Due?.Date is { } due && due < DesignTerms.Today)
            Add("BL0302", item, item.Line("due"), $"due {DesignTerms.Iso(due)}");
        if (status == PlannedClass.Blocked && item.DependsOn.Count == 0 && !item.NamesBlocker)
            Add("BL0303", item, item.Line("status"), "blocked without a blocker");
        if (status == PlannedClass.Closed && !dropped && item.Tasks.FirstOrDefault(task => !task.Checked) is { } open)
            Add("BL0304", item, open.Line, "done with unchecked tasks");
    }

    /// <summary>BL0401: depends-on entries and superseded-by naming no id, links to no Markdown file. BL0403: an active
    /// task or epic depending on a dropped item. BL0405: an active or blocked task of one team depending on an open,
    /// active or blocked task or epic of another team, with no agreement in force naming both.</summary>
    private void References(PlannedItem item)
    {
        foreach (var dependency in item.DependsOn)
        {
            var target = Find(dependency.Target);
            if (target is null)
            {
                Add("BL0401", item, dependency.Line, $"depends on unknown '{dependency.Target}'");
                continue;
            }

            if (IsWork(item) && Status(item).Class == PlannedClass.Active && IsWork(target) && Status(target).Dropped)
                Add("BL0403", item, dependency.Line, $"depends on dropped '{target.Id}'");
            if (CrossesTeams(item, target))
                Add("BL0405", item, dependency.Line, $"{item.Team} depends on {target.Team}'s '{target.Id}' with no agreement");
        }

        if (item.IsAgreement && !string.IsNullOrEmpty(item.SupersededBy) && !Exists(item.SupersededBy))
            Add("BL0401", item, item.Line("superseded-by"), $"superseded by unknown '{item.SupersededBy}'");
        if (item.Link is { Resolves: false } link)
            Add("BL0401", item, link.Line, $"link to {link.Kind}");
    }

    private bool CrossesTeams(PlannedItem item, PlannedItem target)
    {
        if (item.Kind != "task" || Status(item).Class is not (PlannedClass.Active or PlannedClass.Blocked)) return false;
        if (!IsUnfinished(target) || item.Team is null || target.Team is null) return false;
        var (from, to) = (DesignTerms.Party(item.Team), DesignTerms.Party(target.Team));
        return from != to && !_coveredPairs.Contains(Pair(from, to));
    }

    /// <summary>Pairs of parties named together by an agreement in force: agreement items in force (or without a
    /// status) through their parties, inline agreements through their @-mentions.</summary>
    private HashSet<(string, string)> CoveredPairs()
    {
        var groups = _items
            .Where(item => item.IsAgreement && Status(item).Class is PlannedClass.Absent or PlannedClass.InForce && item.Parties is not null)
            .Select(item => item.Parties!)
            .Concat(_items.SelectMany(item => item.Agreements).Select(agreement => agreement.Mentions.ToList()));
        var pairs = new HashSet<(string, string)>();
        foreach (var group in groups)
        {
            var parties = group.Where(p => !DesignTerms.IsPlaceholder(p)).Select(DesignTerms.Party).Distinct().ToList();
            foreach (var first in parties)
                foreach (var second in parties.Where(second => second != first))
                    pairs.Add(Pair(first, second));
        }

        return pairs;
    }

    private static (string, string) Pair(string first, string second) =>
        string.CompareOrdinal(first, second) < 0 ? (first, second) : (second, first);

    /// <summary>BL0402: every member of a planted loop, at its entry pointing to the next member.</summary>
    private void Cycles(IReadOnlyList<PlannedItem> all, IReadOnlyList<IReadOnlyList<PlannedDependency>> cycles)
    {
        foreach (var edges in cycles)
        {
            foreach (var edge in edges)
            {
                var member = all.Single(item => item.DependsOn.Contains(edge));
                Add("BL0402", member, edge.Line, $"cycle of {edges.Count}");
            }
        }
    }

    /// <summary>BL0404: every file of an id used more than once (case-insensitive), at its id (or its first key).</summary>
    private void DuplicateIds()
    {
        foreach (var group in _byId.Values.Where(group => group.Count > 1))
            foreach (var item in group)
                Add("BL0404", item, item.WritesId ? item.Line("id") : item.Line("first-key"), $"id '{item.Id}' used {group.Count} times");
    }
}
