using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.References;

/// <summary>BL0403: an active item (in progress, doing, review…) with a <c>depends-on</c> entry naming an existing
/// item that was dropped (dropped, wontfix, cancelled…): the work waits for something that will never come. Open and
/// blocked items are not checked, nor dependencies that were finished (done) or do not exist (BL0401).</summary>
public sealed class DependsOnDropped : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.DependsOnDropped,
        "depends-on-dropped",
        "Active work depends on dropped work",
        "'{0}' ({1}) depends on '{2}' ({3}), which will not be done",
        RuleCategory.References,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.ReferencedItems;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Status.Class != StatusClass.Active) return;
        foreach (var dependency in item.DependsOn)
        {
            if (dependency.Value.Length == 0 || context.Repository.Find(dependency.Value) is not { Status.IsDropped: true } target) continue;
            context.Report(dependency.Span, "depends-on:" + dependency.Value,
                item.Id.Value, item.Status.Word?.Value ?? "active", target.Id.Value, target.Status.Word?.Value ?? "dropped");
        }
    }
}
