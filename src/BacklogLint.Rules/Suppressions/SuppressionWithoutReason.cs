using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Suppressions;

/// <summary>BL0602: a suppression that does not say why. Off by default; <c>require-suppression-reason: true</c> in
/// the configuration (or a severity for this rule) turns it on.</summary>
public sealed class SuppressionWithoutReason : SuppressionRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.SuppressionWithoutReason,
        "suppression-without-reason",
        "Suppression without a reason",
        "Suppression '{0}' gives no reason: write it after a colon, e.g. '{0}: waiting on the vendor'",
        RuleCategory.Suppressions,
        Severity.None);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(SuppressionContext context)
    {
        foreach (var use in context.Suppressions.Where(use => string.IsNullOrWhiteSpace(use.Suppression.Reason)))
            context.Report(use, use.Suppression.Describe());
    }
}
