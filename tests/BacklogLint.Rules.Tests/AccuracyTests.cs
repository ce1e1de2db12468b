using BacklogLint.Testing;
using BacklogLint.Testing.Accuracy;

namespace BacklogLint.Rules.Tests;

/// <summary>Every rule on a generated repository with planted ground truth (tests/BacklogLint.Testing/Accuracy):
/// the findings must be exactly the ones DESIGN.md calls for, no more, no fewer. The benchmark's <c>accuracy</c>
/// command runs the same on thousands of items and prints precision and recall per rule.</summary>
public sealed class AccuracyTests
{
    private const int Items = 300;

    public static TheoryData<int, bool> Seeds() => new()
    {
        { 1, false },
        { 2, false },
        { 3, true },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_repository_yields_exactly_the_planted_findings(int seed, bool tuned)
    {
        var plan = AccuracyPlan.Generate(Items, seed, tuned ? AccuracyOptions.Tuned : AccuracyOptions.Defaults);
        using var folder = TestRepository.Create(withGit: false);
        plan.Write(folder.Path);

        var result = plan.Check(folder.Path);

        result.IsExact.ShouldBeTrue($"seed {seed}{(tuned ? ", tuned options" : "")}:\n{result.MarkdownTable()}\n{result.Describe(5)}");
    }

    [Fact]
    public void Plan_plants_findings_of_every_rule_the_oracle_knows()
    {
        var plan = AccuracyPlan.Generate(Items * 3, 1);

        var planted = plan.Expected.Select(finding => finding.Rule).ToHashSet(StringComparer.Ordinal);

        // Not planted: suppressions (BL06xx; the generator writes none), missing history (BL9001; a full clone) and
        // nothing checked (BL9002; the generated repository is all items).
        var known = AccuracyPlan.OracleRules.Where(id => !id.StartsWith("BL06", StringComparison.Ordinal) && id is not ("BL9001" or "BL9002"));
        known.Where(id => !planted.Contains(id)).ShouldBeEmpty();
        AccuracyPlan.OracleRules.ShouldBeSubsetOf(BuiltInRules.Descriptors.Select(d => d.Id), "the oracle names only rules that exist");
    }
}
