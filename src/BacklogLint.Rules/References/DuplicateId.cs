using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.References;

/// <summary>BL0404: two or more items with the same id, compared case-insensitively (an item without an <c>id</c> key
/// takes its file name). Every file that shares the id is reported at its id, naming the others: references to the id
/// resolve to only one of them (the first by path).</summary>
public sealed class DuplicateId : RepositoryRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.DuplicateId,
        "duplicate-id",
        "Two items have the same id",
        "Id '{0}' is also used by {1}",
        RuleCategory.References,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.AllItems;

    public override void Analyze(RepositoryContext context)
    {
        // A number of zeros is no number yet (KEP 0000: proposals from before numbers were given).
        foreach (var item in context.Repository.Items.Where(item => !item.IsArchived && !item.Id.Value.All(c => c == '0')))
        {
            // An archived item's id may be given again (Backlog.md does): only live items clash.
            var all = context.Repository.FindAll(item.Id.Value).Where(other => !other.IsArchived).ToList();
            if (all.Count < 2) continue;
            var others = all.Where(other => !ReferenceEquals(other, item)).Select(other => Describe(item, other));
            context.Report(item, item.Id.Span, "duplicate-id", item.Id.Value, string.Join(", ", others));
        }
    }

    private static string Describe(WorkItem item, WorkItem other) =>
        other.Id.Value == item.Id.Value ? $"'{other.Path}'" : $"'{other.Path}' (as '{other.Id.Value}')";
}
