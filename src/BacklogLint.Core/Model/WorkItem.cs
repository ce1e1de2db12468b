using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Model;

/// <summary>A work item: one Markdown file whose front matter makes it a task, epic or agreement.</summary>
public sealed class WorkItem
{
    /// <summary>Repository-relative, '/'-separated.</summary>
    public required string Path { get; init; }

    /// <summary>The <c>id</c> key, else the file name without extension.</summary>
    public required Located<string> Id { get; init; }

    public Located<string>? Title { get; init; }

    /// <summary>Set aside (Backlog.md's <c>backlog/archive/</c>): its id may be used again by a new item.</summary>
    public bool IsArchived { get; init; }

    public required ItemType Type { get; init; }

    public required Status Status { get; init; }

    /// <summary>Who is accountable; placeholders such as <c>TBD</c> are left out.</summary>
    public IReadOnlyList<Located<string>> Owners { get; init; } = [];

    /// <summary>The <c>owner</c>/<c>owners</c> value as written, placeholder or not; null when the key is absent.</summary>
    public SourceSpan? OwnerSpan { get; init; }

    /// <summary>The first placeholder written as the owner (<c>TBD</c>, <c>?</c>); null when there is none.</summary>
    public string? OwnerPlaceholder { get; init; }

    /// <summary>The owner is written with nothing in it (<c>owner: []</c>, <c>owner: ""</c>, <c>owner:</c>): nobody.</summary>
    public bool OwnerIsEmpty { get; init; }

    public Located<string>? Team { get; init; }

    public Located<DateOnly>? Created { get; init; }

    public Located<DateOnly>? Updated { get; init; }

    public Located<DateOnly>? Due { get; init; }

    public IReadOnlyList<Located<string>> DependsOn { get; init; } = [];

    /// <summary>The item this one is part of (<c>parent</c>; Backlog.md's <c>parent_task_id</c>), as written.</summary>
    public Located<string>? Parent { get; init; }

    /// <summary>What blocks the item (<c>blocked-by</c>, <c>blocked-reason</c> or <c>reason</c>): item ids or plain
    /// reasons, as written.</summary>
    public IReadOnlyList<Located<string>> BlockedBy { get; init; } = [];

    /// <summary>Records this one points at without depending on them (KEP's <c>see-also</c> and <c>replaces</c>): ids,
    /// or paths to them (<c>/keps/sig-node/2033-cgroups</c>); web addresses are left out.</summary>
    public IReadOnlyList<Located<string>> SeeAlso { get; init; } = [];

    public IReadOnlyList<Handoff> Handoffs { get; init; } = [];

    /// <summary>The item itself when it is an agreement, then its inline agreements in document order.</summary>
    public IReadOnlyList<Agreement> Agreements { get; init; } = [];

    public IReadOnlyList<TaskEntry> Tasks { get; init; } = [];

    public IReadOnlyList<LinkReference> Links { get; init; } = [];

    /// <summary>The front matter as written (or the metadata a header-style format reads from the body), for rules
    /// about keys the model does not name: a team's policies, a rule pack's rules.</summary>
    public Parsing.YamlMapping? FrontMatter { get; init; }

    /// <summary>Where item-wide findings point: the <c>id</c> key, else the first key of the front matter.</summary>
    public required SourceSpan HeaderSpan { get; init; }

    /// <summary>Whose work it is, for reports: the owners, else the parties of its agreement (an agreement item binds
    /// them); empty when nobody is. Its <see cref="Team"/> is where it belongs, not who owns it.</summary>
    public IReadOnlyList<string> AccountableParties => _accountableParties ??=
        Owners.Count > 0 ? [.. Owners.Select(owner => owner.Value)]
        : Type == ItemType.Agreement && Agreements is [{ Kind: AgreementKind.WholeItem, Parties.Count: > 0 } agreement, ..]
            ? [.. agreement.Parties.Select(party => party.Value)]
            : [];

    private string[]? _accountableParties; // worked out once: the item does not change

    /// <summary>The ids its references name, as written: <c>depends-on</c>, <c>parent</c>, <c>blocked-by</c>,
    /// <c>see-also</c>, its agreements' <c>superseded-by</c> and its handoffs' parties (a party may be an item's id). A
    /// rule that looks up other items looks up these (<see cref="Analysis.RuleInputs.ReferencedItems"/>).</summary>
    public IReadOnlyList<string> ReferencedIds => _referencedIds ??=
    [
        .. DependsOn.Concat(BlockedBy).Concat(SeeAlso)
            .Append(Parent)
            .Concat(Agreements.Select(agreement => agreement.SupersededBy))
            .Concat(Handoffs.SelectMany(handoff => new[] { handoff.From, handoff.To }))
            .OfType<Located<string>>()
            .Select(reference => reference.Value.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase),
    ];

    private string[]? _referencedIds; // worked out once: the item does not change

    public override string ToString() => $"{Id.Value} ({Path})";
}
