using System.Text.Json;
using BacklogLint.Rules;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The sample planning repo of the README's first command shows every rule.</summary>
public sealed class SampleTests
{
    /// <summary>Rules the sample cannot show: BL0301 measures from the files' last commits, which move with the
    /// project (it is turned off in the sample's config), BL9001 cannot fire inside the project's git repo, and BL9002
    /// (nothing checked) cannot fire on a repo that shows the other rules.</summary>
    private static readonly string[] NotShown = ["BL0301", "BL9001", "BL9002"];

    [Fact]
    public async Task Sample_shows_each_rule_and_exits_1()
    {
        var (exitCode, findings) = await CheckSampleAsync("2026-11-23");

        exitCode.ShouldBe(1);
        findings.Select(f => f.Id).ToHashSet().ShouldBe(
            [
                "BL0001", "BL0002", "BL0003",
                "BL0101", "BL0102", "BL0103",
                "BL0201", "BL0202", "BL0203",
                "BL0302", "BL0303", "BL0304",
                "BL0401", "BL0402", "BL0403", "BL0404", "BL0405",
                "BL0501", "BL0502",
                "BL0601", "BL0602", "BL0603",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Sample_shows_every_rule_of_the_catalogue_but_the_ones_it_cannot()
    {
        var (_, findings) = await CheckSampleAsync("2026-11-23");

        var expected = BuiltInRules.Descriptors.Select(d => d.Id).Except(NotShown).Order().ToList();
        findings.Select(f => f.Id).Distinct().Order().ToList().ShouldBe(expected,
            "every rule needs a demo in tests/sample-planning (or a reason to be in NotShown)");
    }

    [Fact]
    public async Task Sample_findings_do_not_depend_on_the_day()
    {
        var (_, now) = await CheckSampleAsync("2026-11-23");
        var (_, later) = await CheckSampleAsync("2030-06-01");

        later.ShouldBe(now);
    }

    private static async Task<(int ExitCode, List<(string Id, string Path, int Line)> Findings)> CheckSampleAsync(string now)
    {
        var result = await BackloglintProcess.RunAsync("check", SourceTree.PathOf("tests", "sample-planning"), "--now", now, "--format", "json");
        result.ExitCode.ShouldBeOneOf([0, 1], result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("id").GetString()!, d.GetProperty("path").GetString()!, d.GetProperty("line").GetInt32()))
            .Order()
            .ToList();
        return (result.ExitCode, findings);
    }
}
