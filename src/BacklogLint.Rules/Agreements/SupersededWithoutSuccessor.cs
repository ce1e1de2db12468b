using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Agreements;

/// <summary>BL0103: an agreement item whose status is <c>superseded</c> but that names no successor: its
/// <c>superseded-by</c> is absent or empty. A successor id that does not exist is BL0401's, not this rule's.</summary>
public sealed class SupersededWithoutSuccessor : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.SupersededWithoutSuccessor,
        "missing-successor",
        "Superseded agreement names no successor",
        "Agreement '{0}' is {1} but has no superseded-by: which agreement replaces it?",
        RuleCategory.Agreements,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Type != ItemType.Agreement || item.Status.Word is not { } word || !item.Status.IsWord("superseded")) return;
        var agreement = item.Agreements.FirstOrDefault(a => a.Kind == AgreementKind.WholeItem);
        if (!string.IsNullOrWhiteSpace(agreement?.SupersededBy?.Value)) return;
        context.Report(word.Span, "superseded-by", item.Id.Value, word.Value);
    }
}
