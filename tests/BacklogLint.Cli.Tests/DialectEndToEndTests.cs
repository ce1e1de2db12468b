using System.Globalization;
using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The tool, as a process, on each dialect's fixture repositories: the JSON report has exactly the findings
/// marked inside the fixture, and a repository with findings at error exits 1.</summary>
public sealed class DialectEndToEndTests
{
    private static readonly string DialectsRoot = SourceTree.PathOf("tests", "BacklogLint.Rules.Tests", "Fixtures", "Dialects");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(DialectsRoot).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(DialectsRoot, folder).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Check_reports_exactly_the_marked_findings(string name)
    {
        var fixture = Fixture.Load(Path.Combine(DialectsRoot, name));
        using var repository = fixture.Build();

        var result = await BackloglintProcess.RunAsync("check", repository.Path, "--format", "json",
            "--now", fixture.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--fail-on", "error");

        using var json = JsonDocument.Parse(result.Stdout);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        diagnostics.Select(d => ExpectedFindings.Key(d.GetProperty("id").GetString()!, d.GetProperty("path").GetString(), d.GetProperty("line").GetInt32()))
            .Order(StringComparer.Ordinal)
            .ShouldBe(fixture.Expected().Order(StringComparer.Ordinal), result.ToString());
        var errors = diagnostics.Any(d => d.GetProperty("severity").GetString() == "error");
        result.ExitCode.ShouldBe(errors ? 1 : 0, result.ToString());
    }

    [Theory]
    [InlineData("backlog-md")]
    [InlineData("madr")]
    [InlineData("kep")]
    [InlineData("eip")]
    [InlineData("header")]
    public async Task Init_detects_the_dialect_from_the_layout_and_its_config_checks_clean(string dialect)
    {
        var fixture = Fixture.Load(Path.Combine(DialectsRoot, dialect, "well-formed"));
        using var repository = fixture.Build();
        File.Delete(repository.FullPath(".backloglint.yml"));

        var init = await BackloglintProcess.RunAsync("init", repository.Path);

        init.ExitCode.ShouldBe(0, init.ToString());
        File.ReadAllText(repository.FullPath(".backloglint.yml")).ShouldContain($"\ndialect: {dialect}\n");
        var said = init.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        said.Length.ShouldBe(2, init.ToString());
        said[1].ShouldStartWith($"Why {dialect}: ");
        var check = await BackloglintProcess.RunAsync("check", repository.Path, "--format", "json",
            "--now", fixture.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        using var json = JsonDocument.Parse(check.Stdout);
        json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString())
            .ShouldNotContain(id => id == "BL0501" || id == "BL0502", check.ToString());
    }
}
