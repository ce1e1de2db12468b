using Acme.BacklogRules;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Policies;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests;

/// <summary>A team's own rules, tested as the built-in ones are: with the rule tester, exactly.</summary>
public sealed class RulePackTests
{
    private const string Epic = """
        ---
        id: EPIC-1
        type: epic
        status: in-progress
        owner: "@alice"
        {0}
        ---
        # Checkout v2
        """;

    [Fact]
    public void The_example_packs_rule_reports_a_missing_and_a_malformed_target_quarter()
    {
        var tester = new RuleTester(new EpicWithoutTargetQuarter());

        tester.Run(new() { ["backlog/EPIC-1.md"] = Epic.Replace("{0}", "team: payments") })
            .ShouldBe(["backlog/EPIC-1.md(2,1-2,11): warning ACME0001: Epic 'EPIC-1' is in-progress but names no target quarter (target: 2027-Q1)"]);
        tester.Run(new() { ["backlog/EPIC-1.md"] = Epic.Replace("{0}", "target: next spring") })
            .ShouldBe(["backlog/EPIC-1.md(6,9-6,20): warning ACME0001: Epic 'EPIC-1' is in-progress but its target 'next spring' is not a quarter like 2027-Q1"]);
        tester.Run(new() { ["backlog/EPIC-1.md"] = Epic.Replace("{0}", "target: 2027-Q1") }).ShouldBeEmpty();
    }

    [Fact]
    public void The_pack_loads_in_its_own_context_with_the_tools_types()
    {
        var rules = RulePackLoader.Load(typeof(EpicWithoutTargetQuarter).Assembly.Location);

        var rule = rules.ShouldHaveSingleItem();
        rule.Descriptor.Id.ShouldBe("ACME0001");
        rule.ShouldBeAssignableTo<ItemRule>("the pack's Rule is the tool's Rule");
        System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(rule.GetType().Assembly).ShouldNotBe(System.Runtime.Loader.AssemblyLoadContext.Default);
        rule.Descriptor.HelpUri.ShouldBe(new Uri("https://wiki.acme.example/backlog/ACME0001"));
    }

    [Fact]
    public void A_policy_reports_a_missing_key_at_the_header_and_a_wrong_value_at_the_value()
    {
        var policy = new Policy("ACME0100", "epic-fields", "In-progress epics have a size and a target", Severity.Error)
        {
            When = new PolicyCondition { Types = [BacklogLint.Core.Model.ItemType.Epic], Statuses = ["In Progress"] },
            Require = ["size", "target"],
            OneOf = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["S", "M", "L"] },
            Match = new Dictionary<string, System.Text.RegularExpressions.Regex> { ["id"] = new("^EPIC-[0-9]+$") },
        };

        new RuleTester(new PolicyRule(policy)).Run(new()
        {
            ["backlog/EPIC-1.md"] = Epic.Replace("{0}", "size: XL"),
            ["backlog/epic-2.md"] = Epic.Replace("EPIC-1", "epic-2").Replace("{0}", "size: m\ntarget: 2027-Q1"),
            ["backlog/EPIC-3.md"] = Epic.Replace("EPIC-1", "EPIC-3").Replace("in-progress", "todo").Replace("{0}", ""),
        }).ShouldBe([
            "backlog/EPIC-1.md(2,1-2,11): error ACME0100: 'EPIC-1' has no 'target' (In-progress epics have a size and a target)",
            "backlog/EPIC-1.md(6,7-6,9): error ACME0100: 'EPIC-1' has size 'XL', which is not one of S, M, L (In-progress epics have a size and a target)",
            "backlog/epic-2.md(2,5-2,11): error ACME0100: 'epic-2' has id 'epic-2', which does not match ^EPIC-[0-9]+$ (In-progress epics have a size and a target)",
        ]);
    }
}
