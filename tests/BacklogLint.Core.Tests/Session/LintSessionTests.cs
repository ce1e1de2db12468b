using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Session;
using BacklogLint.Rules;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Session;

/// <summary>The lint session every front end calls, tested without a process: PATH's scope, the configuration found
/// upward, the whole planning repository analysed, the findings under PATH reported.</summary>
public sealed class LintSessionTests
{
    private static readonly FixedTimeProvider Time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static LintSession Open(string path, string? config = null) =>
        LintSession.Open(path, config, new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), Time);

    [Fact]
    public void A_subfolder_is_reported_from_the_whole_repository_its_configuration_describes()
    {
        using var test = TestRepository.Create();
        test.Write(".backloglint.yml", "items: [\"planning/**/*.md\"]\n")
            .Write("planning/backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\ndepends-on: [OPS-1]\n---\n# Unowned, depends on another folder\n")
            .Write("planning/ops/OPS-1.md", "---\nid: OPS-1\nstatus: todo\n---\n# Unowned too\n")
            .Commit("2026-11-20");

        var session = Open(test.FullPath("planning/backlog"));
        var repository = session.LoadWorkingTree();
        var reported = session.Reported(session.Analyze(repository).Diagnostics);

        session.Scope.ConfigPath.ShouldBe(test.FullPath(".backloglint.yml"));
        repository.Items.Count.ShouldBe(2, "the whole planning repository is loaded");
        reported.Select(d => $"{d.Id} {d.Path}").ShouldBe(["BL0001 planning/backlog/PAY-1.md"], "OPS-1 exists, and its own finding is outside PATH");
        session.ItemsUnder(repository).ShouldBe(1);
        session.DefaultBaselinePath.ShouldBe(test.FullPath(".backloglint-baseline.json"));
    }

    [Fact]
    public void A_missing_path_or_configuration_is_one_line_and_a_bad_configuration_says_where()
    {
        using var test = TestRepository.Create();
        test.Write(".backloglint.yml", "rulez: {}\n").Commit("2026-11-20");

        Should.Throw<LintSessionException>(() => Open(test.FullPath("nowhere"))).Message.ShouldBe($"'{test.FullPath("nowhere")}' does not exist");
        Should.Throw<LintSessionException>(() => Open(test.Path, test.FullPath("none.yml"))).Message.ShouldContain("does not exist");
        Should.Throw<ConfigurationException>(() => Open(test.Path)).Message.ShouldContain("unknown key 'rulez'");
    }
}
