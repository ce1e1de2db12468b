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

/// <summary>The built-in rules, in ID order, listed by hand (no reflection at start-up: finding them with
/// <c>GetTypes</c> and <c>Activator</c> cost ~8 ms of every run). Adding a rule: its ID in <see cref="RuleIds"/> (the
/// one list: IDs are never reused), a class in its category folder (copy a neighbour), a line here, a page
/// <c>rules/BLxxxx.md</c> and a fixture <c>Fixtures/BLxxxx/firing</c> (ConventionTests say what is missing). A retired
/// rule's line stays, commented.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new MissingOwner(),                 // BL0001
        new OwnerNotInRoster(),             // BL0002
        new WorkInProgressLimit(),          // BL0003
        new StaleAgreement(),               // BL0101
        new AgreementWithoutParties(),      // BL0102
        new SupersededWithoutSuccessor(),   // BL0103
        new OrphanedHandoff(),              // BL0201
        new UnacceptedHandoff(),            // BL0202
        new OwnerUnchangedAfterHandoff(),   // BL0203
        new UntouchedActiveItem(),          // BL0301
        new OverdueItem(),                  // BL0302
        new BlockedWithoutBlocker(),        // BL0303
        new ClosedWithOpenTasks(),          // BL0304
        new UnknownReference(),             // BL0401
        new DependencyCycle(),              // BL0402
        new DependsOnDropped(),             // BL0403
        new DuplicateId(),                  // BL0404
        new CrossTeamDependency(),          // BL0405
        new InvalidFrontMatter(),           // BL0501
        new InvalidFieldValue(),            // BL0502
        new UnusedSuppression(),            // BL0601
        new SuppressionWithoutReason(),     // BL0602
        new ExpiredSuppression(),           // BL0603
        new HistoryUnavailable(),           // BL9001
        new NothingChecked(),               // BL9002
    ];

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [.. All.Select(rule => rule.Descriptor)];
}
