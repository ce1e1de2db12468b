using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The sample planning repo of the README's first command shows every rule.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task Sample_shows_each_rule_and_exits_1()
    {
        var result = await BackloglintProcess.RunAsync("check", SourceTree.PathOf("tests", "sample-planning"), "--now", "2026-11-23", "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToHashSet();
        rules.ShouldBe(["BL0001", "BL0101", "BL0201", "BL0202", "BL0203", "BL0501", "BL0502"], ignoreOrder: true);
    }
}
