using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.References;

/// <summary>BL0405: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class CrossTeamDependency : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.CrossTeamDependency,
        "cross-team-without-agreement",
        "TODO",
        "{0}",
        RuleCategory.References,
        Severity.Suggestion);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
    }
}
