namespace BacklogLint.Core.Analysis;

/// <summary>What the findings of an <see cref="ItemRule"/> or <see cref="AgreementRule"/> on one item depend on
/// besides the item itself (its file, its own history, today and the rule's options). An editor analyses again after
/// every keystroke and reuses an item's findings while none of this changed (<see cref="ItemRule.Reads"/>); a rule that
/// declares less than it reads shows stale findings there, which is why the default is <see cref="Everything"/>.</summary>
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
    /// <see cref="Model.PlanningRepository.Moves"/>, <see cref="Model.PlanningRepository.DocumentsOf"/>.</summary>
    Files = 4,

    /// <summary>Any item: <see cref="Model.PlanningRepository.Items"/>, or a value computed over all of them.</summary>
    AllItems = 8,

    /// <summary>Anything in the repository.</summary>
    Everything = Roster | ReferencedItems | Files | AllItems,
}
