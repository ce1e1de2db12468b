using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Flow;

/// <summary>BL0304: a task or epic closed as finished (done and its synonyms, not dropped) whose body still has
/// unchecked task-list entries (<c>- [ ] …</c>). A conditional entry ("passes when TypeScript touched", "if the API
/// changed"), as a Definition of Done writes them, holds only when its condition did, so it is not counted. One
/// finding per item, at its first unchecked entry.</summary>
public sealed partial class ClosedWithOpenTasks : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.ClosedWithOpenTasks,
        "closed-with-open-tasks",
        "Closed item has unchecked tasks",
        "'{0}' is {1} but {2} of {3} {4} {5} unchecked",
        RuleCategory.Flow,
        Severity.Suggestion);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Item;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Type == ItemType.Agreement || item.Status.Class != StatusClass.Closed || item.Status.IsDropped) return;
        var open = item.Tasks.Where(task => !task.IsChecked && !Conditional().IsMatch(task.Text)).ToList();
        if (open.Count == 0) return;
        context.Report(open[0].Span, "tasks",
            item.Id.Value, item.Status.Word?.Value ?? "closed", open.Count, item.Tasks.Count,
            item.Tasks.Count == 1 ? "task" : "tasks", open.Count == 1 ? "is" : "are");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:when|if|where|unless|as needed|if applicable|where applicable)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Conditional();
}
