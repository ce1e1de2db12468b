using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Rules.References;

/// <summary>BL0404: not implemented yet (a stub so that the catalogue is complete).</summary>
public sealed class DuplicateId : RepositoryRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.DuplicateId,
        "duplicate-id",
        "TODO",
        "{0}",
        RuleCategory.References,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RepositoryContext context)
    {
    }
}
