using BacklogLint.Core.Analysis;
using BacklogLint.Rules.Agreements;
using BacklogLint.Rules.Flow;
using BacklogLint.Rules.Format;
using BacklogLint.Rules.Handoffs;
using BacklogLint.Rules.Ownership;
using BacklogLint.Rules.References;
using BacklogLint.Rules.Suppressions;
using BacklogLint.Rules.Tooling;

namespace BacklogLint.Rules;

/// <summary>The built-in rules, in ID order. Adding a rule: a constant in <see cref="RuleIds"/>, a class in its
/// category folder, a line here, a page <c>rules/BLxxxx.md</c> and a fixture.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new MissingOwner(),
        new OwnerNotInRoster(),
        new WorkInProgressLimit(),
        new StaleAgreement(),
        new AgreementWithoutParties(),
        new SupersededWithoutSuccessor(),
        new OrphanedHandoff(),
        new UnacceptedHandoff(),
        new OwnerUnchangedAfterHandoff(),
        new UntouchedActiveItem(),
        new OverdueItem(),
        new BlockedWithoutBlocker(),
        new ClosedWithOpenTasks(),
        new UnknownReference(),
        new DependencyCycle(),
        new DependsOnDropped(),
        new DuplicateId(),
        new CrossTeamDependency(),
        new InvalidFrontMatter(),
        new InvalidFieldValue(),
        new UnusedSuppression(),
        new SuppressionWithoutReason(),
        new ExpiredSuppression(),
        new HistoryUnavailable(),
        new NothingChecked(),
    ];

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [.. All.Select(rule => rule.Descriptor)];
}
