using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The sample planning repo of the README's first command: it exits 1 and shows what its items were written
/// to show, pinned whole in <c>sample-findings.txt</c> (rule, file, line, message), which
/// <c>BACKLOGLINT_UPDATE_DOCS=1</c> rewrites. A new rule needs no sample item; one that fires on the sample shows
/// here.</summary>
public sealed class SampleTests
{
    private static readonly string Snapshot = SourceTree.PathOf("tests", "BacklogLint.Cli.Tests", "sample-findings.txt");

    [Fact]
    public async Task Sample_exits_1_with_exactly_the_findings_it_was_written_to_show()
    {
        var result = await BackloglintProcess.RunAsync("check", SourceTree.PathOf("tests", "sample-planning"), "--now", "2026-11-23", "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var actual = string.Concat(json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("path").GetString()}:{d.GetProperty("line")}: {d.GetProperty("id").GetString()}: {d.GetProperty("message").GetString()}\n"));
        if (Environment.GetEnvironmentVariable("BACKLOGLINT_UPDATE_DOCS") == "1") await File.WriteAllTextAsync(Snapshot, actual, TestContext.Current.CancellationToken);
        (await File.ReadAllTextAsync(Snapshot, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n")
            .ShouldBe(actual, "the sample's findings changed (BACKLOGLINT_UPDATE_DOCS=1 rewrites sample-findings.txt)");
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
