using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.Agreements;

/// <summary>BL0102: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class AgreementWithoutParties : AgreementRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.AgreementWithoutParties,
        "agreement-without-parties",
        "TODO",
        "{0}",
        RuleCategory.Agreements,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(AgreementContext context)
    {
    }
}
