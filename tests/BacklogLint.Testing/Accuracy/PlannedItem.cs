namespace BacklogLint.Testing.Accuracy;

/// <summary>One generated work item as the generator planned it: the values DESIGN.md reads from it (what the
/// oracle judges), the text written for each of them, and, once <see cref="ItemWriter"/> has rendered it, the line
/// each of them is on. Mutable while the plan is being drawn.</summary>
internal sealed class PlannedItem(int index, string path, string id)
{
    public int Index { get; } = index;

    /// <summary>Repo-relative, '/'-separated.</summary>
    public string Path { get; set; } = path;

    /// <summary>The id the item is known by: its <c>id</c> value, or its file name when <see cref="WritesId"/> is false.</summary>
    public string Id { get; set; } = id;

    public bool WritesId { get; set; } = true;

    /// <summary>How DESIGN reads the type: task, epic or agreement (an unknown type word reads as task).</summary>
    public string Kind { get; set; } = "task";

    public string? TypeText { get; set; }

    public string TitleText { get; set; } = $"Work item {index}";

    /// <summary>The status word as read (null: no key).</summary>
    public string? StatusText { get; set; }

    /// <summary>The status word is written in double quotes.</summary>
    public bool StatusQuoted { get; set; }

    /// <summary>owner, owners, or null for no key.</summary>
    public string? OwnerKey { get; set; }

    /// <summary>The YAML written after the owner key.</summary>
    public string? OwnerText { get; set; }

    /// <summary>The owner values as DESIGN reads them (placeholders included; empty when the value is unusable).</summary>
    public List<string> Owners { get; } = [];

    public string? TeamText { get; set; }

    /// <summary>The team as a party (null: none).</summary>
    public string? Team { get; set; }

    public DateValue? Created { get; set; }

    public DateValue? Updated { get; set; }

    public DateValue? Due { get; set; }

    public List<PlannedDependency> DependsOn { get; } = [];

    public DependencyStyle DependencyStyle { get; set; } = DependencyStyle.Flow;

    public string? BlockedByText { get; set; }

    /// <summary>Whether <see cref="BlockedByText"/> names a blocker (non-blank).</summary>
    public bool NamesBlocker { get; set; }

    public string? PartiesText { get; set; }

    /// <summary>The parties as read (null: no key).</summary>
    public List<string>? Parties { get; set; }

    public DateValue? Agreed { get; set; }

    public DateValue? ReviewBy { get; set; }

    public string? ReviewEveryText { get; set; }

    public PlannedPeriod? ReviewEvery { get; set; }

    /// <summary>The YAML written after <c>superseded-by:</c> (null: no key).</summary>
    public string? SupersededByText { get; set; }

    /// <summary>The successor id as read: null when absent or empty.</summary>
    public string? SupersededBy { get; set; }

    public List<PlannedHandoff> Handoffs { get; } = [];

    /// <summary>Inline agreements, under an <c>## Agreements</c> heading.</summary>
    public List<PlannedInlineAgreement> Agreements { get; } = [];

    public List<PlannedTask> Tasks { get; } = [];

    public PlannedLink? Link { get; set; }

    /// <summary>When the first version is committed (for an untracked file: never; the date only orders it).</summary>
    public DateOnly FirstCommit { get; set; }

    /// <summary>A second version of the file, committed later: only its note line (and inline agreements marked
    /// <see cref="PlannedInlineAgreement.RewrittenLater"/>) differ.</summary>
    public DateOnly? SecondCommit { get; set; }

    public CommitState CommitState { get; set; }

    /// <summary>Whether a second version exists: committed later, or only in the work tree.</summary>
    public bool HasSecondVersion => SecondCommit is not null || CommitState == CommitState.Dirty;

    /// <summary>The date of the newest change to the file (DESIGN §1 "Lifecycle per format"): its last commit, or
    /// today when it is untracked or changed in the work tree since (an uncommitted change counts as touched today).</summary>
    public DateOnly? LastCommit => CommitState is CommitState.Untracked or CommitState.Dirty ? DesignTerms.Today : SecondCommit ?? FirstCommit;

    /// <summary>The date of the last change to an inline agreement's line: today when the line as it stands was never
    /// committed (the file is untracked, or the line was rewritten only in the work tree), else its last commit.</summary>
    public DateOnly? LineCommit(PlannedInlineAgreement agreement) => (CommitState, agreement.RewrittenLater, SecondCommit) switch
    {
        (CommitState.Untracked, _, _) => DesignTerms.Today,
        (CommitState.Dirty, true, _) => DesignTerms.Today,
        (_, true, { } second) => second,
        _ => FirstCommit,
    };

    /// <summary>Owners written one per line (<c>owners:</c> then <c>  - "@alice"</c>).</summary>
    public bool OwnersAsBlock { get; set; }

    /// <summary>With <see cref="OwnersAsBlock"/>, the line of each entry of <see cref="Owners"/>.</summary>
    public List<int> OwnerLines { get; } = [];

    /// <summary>Front-matter keys preceded by a YAML comment line.</summary>
    public HashSet<string> CommentBefore { get; } = new(StringComparer.Ordinal);

    /// <summary>Every front-matter key line ends with a YAML comment.</summary>
    public bool TrailingComments { get; set; }

    /// <summary>The front matter closes with <c>...</c> instead of <c>---</c>.</summary>
    public bool ClosesWithDots { get; set; }

    public bool Crlf { get; set; }

    public bool ByteOrderMark { get; set; }

    /// <summary>A fenced code block in the body holding what would be a task, an agreement and a broken link.</summary>
    public bool CodeBlock { get; set; }

    /// <summary>A <c>description: |</c> block whose lines look like keys (<c>owner:</c>) and a fence (<c>---</c>).</summary>
    public bool Description { get; set; }

    public BrokenYaml Broken { get; set; }

    /// <summary>Findings planted by writing a bad value (BL0501, BL0502): rule, slot (a key of <see cref="Lines"/>, or
    /// <c>handoff:i:entry</c>, <c>handoff:i:accepted</c>, <c>inline:i</c>), why.</summary>
    public List<(string Rule, string Slot, string Why)> Planted { get; } = [];

    /// <summary>What was drawn for this item, for the mismatch report.</summary>
    public List<string> Traits { get; } = [];

    /// <summary>Whether other items may name this one (depends-on, superseded-by, handoff, link): not broken, not a
    /// duplicate id, a known status word.</summary>
    public bool Referenceable { get; set; } = true;

    /// <summary>Front-matter key (or special slot) → 1-based line, filled by <see cref="ItemWriter"/>.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>Every version's text, oldest first: the committed ones, then (for a dirty file) the work tree's.</summary>
    public List<string> Versions { get; } = [];

    /// <summary>The text in the work tree.</summary>
    public string Text => Versions[^1];

    /// <summary>From this version on, a line is inserted above the inline agreements, so that they move down
    /// (null: never). A dirty file's work-tree version always inserts one at the top of the body.</summary>
    public int? InsertsLineFrom { get; set; }

    public bool IsAgreement => Kind == "agreement";

    public int Line(string slot) => Lines.TryGetValue(slot, out var line)
        ? line
        : throw new InvalidOperationException($"{Path}: no line recorded for '{slot}'");

    public override string ToString() => $"{Path} [{string.Join(", ", Traits)}]";
}

internal enum CommitState
{
    Committed,

    /// <summary>Never committed: only in the work tree.</summary>
    Untracked,

    /// <summary>The first version committed, the second only in the work tree.</summary>
    Dirty,
}

internal enum DependencyStyle
{
    /// <summary><c>depends-on: [A, B]</c></summary>
    Flow,

    /// <summary>One entry per line, <c>  - A</c>.</summary>
    Block,

    /// <summary><c>depends-on: A, B</c>, one comma-separated value.</summary>
    Scalar,

    /// <summary><c>depends-on: []</c> when there is no entry (else as <see cref="Flow"/>).</summary>
    Empty,

    /// <summary>A flow list over several lines: <c>depends-on: [A,</c> then <c>  B]</c>.</summary>
    FlowOverLines,
}

internal enum BrokenYaml
{
    None,

    /// <summary><c>owner: @alice</c></summary>
    UnquotedAt,

    /// <summary>No closing <c>---</c>.</summary>
    Unclosed,

    /// <summary><c>Status:</c> after <c>status:</c>.</summary>
    DuplicateKey,

    /// <summary><c>title: a: b</c></summary>
    MappingInValue,

    /// <summary><c>notes: &amp;shared ...</c>: anchors are refused.</summary>
    Anchor,
}

/// <summary>A date as written and as DESIGN reads it (null: not a valid date, so read as absent).</summary>
internal sealed record DateValue(string Text, DateOnly? Date)
{
    public static DateValue Of(DateOnly date) => new(DesignTerms.Iso(date), date);

    /// <summary>A date and time whose local date is the day before <paramref name="utcDate"/> (22:00 at -05:00).</summary>
    public static DateValue EveningWest(DateOnly utcDate) => new(DesignTerms.Iso(utcDate.AddDays(-1)) + "T22:00:00-05:00", utcDate);

    /// <summary>A date and time whose local date is the day after <paramref name="utcDate"/> (01:00 at +03:00).</summary>
    public static DateValue NightEast(DateOnly utcDate) => new(DesignTerms.Iso(utcDate.AddDays(1)) + "T01:00:00+03:00", utcDate);

    public static DateValue Quoted(DateOnly date) => new($"\"{DesignTerms.Iso(date)}\"", date);

    public static DateValue Invalid(string text) => new(text, null);
}

/// <summary>A <c>review-every</c> period: a count of days, weeks, months or years.</summary>
internal sealed record PlannedPeriod(int Count, char Unit)
{
    public string Text => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Count}{Unit}");

    public DateOnly After(DateOnly date) => Unit switch
    {
        'd' => date.AddDays(Count),
        'w' => date.AddDays(7 * Count),
        'm' => date.AddMonths(Count),
        _ => date.AddYears(Count),
    };

    public DateOnly Before(DateOnly date) => Unit switch
    {
        'd' => date.AddDays(-Count),
        'w' => date.AddDays(-7 * Count),
        'm' => date.AddMonths(-Count),
        _ => date.AddYears(-Count),
    };
}

/// <summary>A <c>depends-on</c> entry: the id as written; its line is set by the writer.</summary>
internal sealed class PlannedDependency(string target)
{
    public string Target { get; } = target;

    public int Line { get; set; }
}

/// <summary>A <c>handoffs:</c> entry. Texts are the YAML written (null: key absent); values are as read.</summary>
internal sealed class PlannedHandoff
{
    /// <summary>Null: no <c>from</c> key (a BL0502).</summary>
    public required string? From { get; init; }

    /// <summary>Null: no <c>to</c> key (a BL0502).</summary>
    public string? ToText { get; set; }

    public string? To { get; set; }

    /// <summary>Null: no <c>date</c> key (a BL0502).</summary>
    public required DateValue? Date { get; init; }

    /// <summary>The text after <c>accepted:</c>, "" for a bare key; null: no key.</summary>
    public string? AcceptedText { get; set; }

    public DateOnly? Accepted { get; set; }

    public int EntryLine { get; set; }

    public int ToLine { get; set; }

    public int DateLine { get; set; }

    public int AcceptedLine { get; set; }
}

/// <summary>A list item under <c>## Agreements</c>.</summary>
internal sealed class PlannedInlineAgreement
{
    /// <summary>Leading date as written (null: none).</summary>
    public DateValue? Date { get; init; }

    /// <summary>The @-mentions, as written with their @.</summary>
    public required IReadOnlyList<string> Mentions { get; init; }

    public DateValue? ReviewBy { get; init; }

    public required string Text { get; init; }

    /// <summary>Changed by the second version (committed, or in the work tree), which is then the last to touch it.</summary>
    public bool RewrittenLater { get; set; }

    /// <summary>The list bullet: '-' or '*'.</summary>
    public char Bullet { get; init; } = '-';

    public int Line { get; set; }
}

/// <summary>A task-list entry in the body: <c>- [ ]</c>, or with <c>*</c>/<c>+</c>, checked as <c>x</c> or <c>X</c>.</summary>
internal sealed record PlannedTask(bool Checked, bool Nested, string Text, char Bullet = '-', bool UpperX = false)
{
    public int Line { get; set; }
}

/// <summary>A Markdown link in the body: its target as a repo-relative path (the writer makes it relative to the
/// item's folder) or an absolute URL, and whether it resolves to a Markdown file of the repository.</summary>
internal sealed record PlannedLink(string Target, bool Resolves, string Kind)
{
    public int Line { get; set; }
}
