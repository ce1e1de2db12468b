using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Analysis;

/// <summary>A rule's run-wide values (<see cref="RuleContext.Computed{T}"/>) are worked out once per run and never
/// outlive it: rules keep no static state.</summary>
public sealed class RuleRunStateTests
{
    private sealed class CountingRule : ItemRule
    {
        public static RuleDescriptor Rule { get; } = new("BL8801", "counting", "Counts", "{0} of {1}", RuleCategory.Format, Severity.Warning);

        public int Computations { get; private set; }

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(ItemContext context)
        {
            var ids = context.Computed(Ids);
            var again = context.Computed(Ids);
            again.ShouldBeSameAs(ids);
            context.Computed(Count).Length.ShouldBe(1, "another computation of the same type is its own value");
            context.Report(context.Item.Id.Span, "counted", context.Item.Id.Value, ids.Count);
        }

        private List<string> Ids(PlanningRepository repository)
        {
            Computations++;
            return [.. repository.Items.Select(item => item.Id.Value)];
        }

        private static int[] Count(PlanningRepository repository) => [repository.Items.Count];
    }

    [Fact]
    public void A_computed_value_is_made_once_per_run_and_again_for_the_next_run()
    {
        using var test = TestRepository.Create();
        for (var i = 1; i <= 3; i++) test.Write($"backlog/PAY-{i}.md", $"---\nid: PAY-{i}\nstatus: todo\n---\n# {i}\n");
        test.Commit("2026-11-01");
        var repository = RepositoryLoader.Load(PlanningLocation.Find(test.Path), new BacklogLintConfig());
        var rule = new CountingRule();
        var engine = new AnalysisEngine([rule]);
        var time = new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        engine.Analyze(repository, new BacklogLintConfig(), time).Select(d => d.Message).ShouldBe(["PAY-1 of 3", "PAY-2 of 3", "PAY-3 of 3"]);
        rule.Computations.ShouldBe(1);
        engine.Analyze(repository, new BacklogLintConfig(), time);
        rule.Computations.ShouldBe(2);
    }
}
