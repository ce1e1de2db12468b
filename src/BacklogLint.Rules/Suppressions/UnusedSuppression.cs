using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Suppressions;

/// <summary>BL0601: a suppression that silenced nothing in this run, like an unused <c>#pragma warning disable</c>:
/// the problem it was written for is gone (or it names no rule), and left alone it would hide the next one.
/// A suppression of rules that are all turned off is not reported.</summary>
public sealed class UnusedSuppression : SuppressionRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.UnusedSuppression,
        "unused-suppression",
        "Suppression that silences nothing",
        "Suppression '{0}' silences nothing{1}: remove it",
        RuleCategory.Suppressions,
        Severity.Warning)
    {
        Fixable = true,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(SuppressionContext context)
    {
        foreach (var use in context.Suppressions.Where(use => use.IsUnused))
        {
            var unknown = use.UnknownRules.Count == 0 ? "" : $" ({string.Join(", ", use.UnknownRules.Select(r => $"'{r}'"))} names no rule)";
            // Removing a suppression that silenced nothing changes no finding: a safe fix, when it can be cut out cleanly.
            var fix = use.Suppression.Removal.Count == 0 ? null : Fix.Delete($"Remove the unused suppression '{use.Suppression.Describe()}'", use.Path, use.Suppression.Removal);
            context.Report(use, fix, use.Suppression.Describe(), unknown);
        }
    }
}
