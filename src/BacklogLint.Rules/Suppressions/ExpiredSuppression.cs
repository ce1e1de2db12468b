using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Suppressions;

/// <summary>BL0603: a suppression whose <c>until</c> date has passed while the findings it silenced are still there:
/// they are reported again, and this says why they came back.</summary>
public sealed class ExpiredSuppression : SuppressionRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.ExpiredSuppression,
        "expired-suppression",
        "Suppression expired",
        "Suppression '{0}' expired on {1}; the {2} it silenced {3} reported again",
        RuleCategory.Suppressions,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(SuppressionContext context)
    {
        foreach (var use in context.Suppressions.Where(use => use.Expired.Count > 0))
        {
            var findings = use.Expired.Count == 1 ? "finding" : $"{use.Expired.Count} findings";
            context.Report(use, use.Suppression.Describe(), use.Suppression.Until, findings, use.Expired.Count == 1 ? "is" : "are");
        }
    }
}
