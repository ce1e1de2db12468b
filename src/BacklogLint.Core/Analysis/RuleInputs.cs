namespace BacklogLint.Core.Analysis;

/// <summary>What a rule reads besides the item it looks at (its file, today and the rule's options): for an
/// <see cref="ItemRule"/> or <see cref="AgreementRule"/>, what its findings on one item depend on. An editor analyses
/// again after every keystroke and reuses an item's findings while none of this changed (<see cref="Rule.Reads"/>),
/// and shows the findings of the rules that read no <see cref="History"/> before history is read; a rule that declares
/// less than it reads shows stale or wrong findings there, which is why the default is <see cref="Everything"/>.</summary>
[Flags]
public enum RuleInputs
{
    /// <summary>Nothing but the item.</summary>
    Item = 0,

    /// <summary>Who exists (<see cref="Model.PlanningRepository.Roster"/>).</summary>
    Roster = 1,

    /// <summary>The items that the item's references name (<see cref="Model.WorkItem.ReferencedIds"/>), looked up with
    /// <see cref="Model.PlanningRepository.Find"/>.</summary>
    ReferencedItems = 2,

    /// <summary>Which files exist and the item's documents: <see cref="Model.PlanningRepository.MarkdownPaths"/>,
    /// <see cref="Model.PlanningRepository.MoveOf"/>, <see cref="Model.PlanningRepository.DocumentsOf"/>.</summary>
    Files = 4,

    /// <summary>Any item: <see cref="Model.PlanningRepository.Items"/>, or a value computed over all of them.</summary>
    AllItems = 8,

    /// <summary>Git history: when files and lines last changed, where files went
    /// (<see cref="Model.PlanningRepository.History"/>, <see cref="Model.PlanningRepository.LastTouched"/>,
    /// <see cref="Model.PlanningRepository.LastRevisited"/>, <see cref="Model.PlanningRepository.MoveOf"/>). A rule
    /// that does not read it runs before history is read (an editor's first diagnostics of a large repository).</summary>
    History = 16,

    /// <summary>Anything in the repository.</summary>
    Everything = Roster | ReferencedItems | Files | AllItems | History,
}
