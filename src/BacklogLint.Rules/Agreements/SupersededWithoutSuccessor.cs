using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Agreements;

/// <summary>BL0103: a retired record that does not say what its status asks for: a superseded agreement with no
/// <c>superseded-by</c> (nor a successor named in its status), or whatever the format's process asks of a status
/// (<c>format.lifecycle.needs</c>: a Withdrawn EIP its <c>withdrawal-reason</c>, a replaced KEP its
/// <c>superseded-by</c>). A successor id that does not exist is BL0401's, not this rule's.</summary>
public sealed class SupersededWithoutSuccessor : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.SupersededWithoutSuccessor,
        "missing-successor",
        "Retired record names no successor or reason",
        "{0} '{1}' is {2} but has no {3}: {4}",
        RuleCategory.Agreements,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Item;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Status.Word is not { } word || item.Status.MissingKey is not { } missing) return;
        // The native model asks it of agreements only: a superseded task is a closed one.
        if (missing == "superseded-by" && item.Type != ItemType.Agreement) return;
        var kind = item.Type == ItemType.Agreement ? "Agreement" : item.Type == ItemType.Epic ? "Epic" : "Task";
        var question = missing == "superseded-by" ? "which record replaces it?" : $"the format asks a record that is {item.Status.Display} for one";
        context.Report(word.Span, missing, kind, item.Id.Value, item.Status.Display, missing, question);
    }
}
