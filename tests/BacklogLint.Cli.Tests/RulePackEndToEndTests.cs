using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>A team's own rules through the real CLI: the example rule pack (<c>tests/Acme.BacklogRules</c>) and a
/// policy declared in the configuration work through <c>check</c>, <c>rules</c> and <c>explain</c> like built-in
/// rules: findings with locations, severities configured, suppressions by alias.</summary>
public sealed class RulePackEndToEndTests : IDisposable
{
    private static readonly string Pack = Path.Combine(AppContext.BaseDirectory, "Acme.BacklogRules.dll");

    private readonly TestRepository _repository = TestRepository.Create();

    public RulePackEndToEndTests()
    {
        _repository.WriteBytes("tools/rules/Acme.BacklogRules.dll", File.ReadAllBytes(Pack));
        _repository
            .Write(".backloglint.yml", """
                rule-packs: [tools/rules/Acme.BacklogRules.dll]
                policies:
                  - id: ACME0100
                    alias: sized-epics
                    title: Epics have a size
                    severity: error
                    when: { type: epic }
                    one-of: { size: [S, M, L] }
                    require: [size]
                rules:
                  epic-target-quarter: { severity: error, quarter: "^[0-9]{4}-Q[1-4]$" }
                """)
            .Write("backlog/EPIC-1.md", """
                ---
                id: EPIC-1
                type: epic
                status: in-progress
                owner: "@alice"
                size: XL
                ---
                # Checkout v2
                """)
            .Write("backlog/EPIC-2.md", """
                ---
                id: EPIC-2
                type: epic
                status: in-progress
                owner: "@alice"
                target: 2027-Q1
                # backloglint-disable-next-line sized-epics: sized at the planning day
                size: XXL
                ---
                # Search
                """);
        _repository.Commit("2026-11-20");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Check_reports_the_packs_and_the_policys_findings_at_their_lines()
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--format", "json", "--now", "2026-11-23");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("id").GetString()} {d.GetProperty("severity").GetString()} {d.GetProperty("path").GetString()}:{d.GetProperty("line")} {d.GetProperty("helpUri").GetString()}")
            .ToList();
        findings.ShouldBe([
            "ACME0001 error backlog/EPIC-1.md:2 https://wiki.acme.example/backlog/ACME0001",
            "ACME0100 error backlog/EPIC-1.md:6 https://github.com/backloglint/backloglint/blob/main/README.md#rule-packs-and-policies",
        ]);
        json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32().ShouldBe(1, "EPIC-2's size is suppressed by the policy's alias");
    }

    [Fact]
    public async Task Rules_and_explain_know_them()
    {
        var rules = await BackloglintProcess.RunInAsync(_repository.Path, "rules");
        var explain = await BackloglintProcess.RunInAsync(_repository.Path, "explain", "epic-target-quarter");
        var policy = await BackloglintProcess.RunInAsync(_repository.Path, "explain", "ACME0100");

        rules.ExitCode.ShouldBe(0, rules.ToString());
        rules.Stdout.ShouldContain("ACME0001  warning     epic-target-quarter");
        rules.Stdout.ShouldContain("ACME0100  error       sized-epics");
        rules.Stdout.ShouldContain("BL0001");
        explain.Stdout.ShouldContain("An epic being worked on says which quarter it targets");
        explain.Stdout.ShouldContain("`quarter` (text, default ^\\d{4}-Q[1-4]$)");
        policy.Stdout.ShouldContain("# ACME0100: Epics have a size");
    }

    [Fact]
    public async Task A_pack_shipped_as_a_NuGet_package_file_works_like_its_assembly()
    {
        using (var archive = System.IO.Compression.ZipFile.Open(_repository.FullPath("tools/acme.backlogrules.1.0.0.nupkg"), System.IO.Compression.ZipArchiveMode.Create))
        {
            using (var nuspec = new StreamWriter(archive.CreateEntry("Acme.BacklogRules.nuspec").Open()))
                nuspec.Write("<package><metadata><id>Acme.BacklogRules</id><version>1.0.0</version></metadata></package>");
            System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(archive, Pack, "lib/net10.0/Acme.BacklogRules.dll");
        }

        _repository.Write(".backloglint.yml", File.ReadAllText(_repository.FullPath(".backloglint.yml"))
            .Replace("rule-packs: [tools/rules/Acme.BacklogRules.dll]", "rule-packs: [tools/acme.backlogrules.1.0.0.nupkg]", StringComparison.Ordinal));
        var environment = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = _repository.FullPath("cache") };

        var check = await BackloglintProcess.RunAsync(environment, "check", _repository.Path, "--now", "2026-11-23");
        var rules = await BackloglintProcess.RunAsync(environment, _repository.Path, ["rules"]);

        check.ExitCode.ShouldBe(1, check.ToString());
        check.Stdout.ShouldContain("backlog/EPIC-1.md(2,1): error ACME0001:");
        rules.Stdout.ShouldContain("ACME0001  warning     epic-target-quarter");
        Directory.GetDirectories(_repository.FullPath("cache/backloglint/rule-packs/acme.backlogrules")).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("rule-packs: [tools/nowhere.dll]\n", ".backloglint.yml(1,14)", "does not exist")]
    [InlineData("rule-packs: [Acme.BacklogRules@9.9.9]\n", ".backloglint.yml(1,14)", "is not in the NuGet packages folder")]
    [InlineData("rule-packs: [backlog/EPIC-1.md]\n", ".backloglint.yml(1,14)", "cannot be loaded")]
    [InlineData("policies:\n  - { id: BL0999, title: Mine, require: [size] }\n", ".backloglint.yml", "never BL")]
    [InlineData("policies:\n  - { id: ACME0100, title: Nothing }\n", ".backloglint.yml(2,5)", "checks nothing")]
    [InlineData("policies:\n  - { id: ACME0100, title: Mine, match: { id: \"[\" } }\n", ".backloglint.yml(2,47)", "not a regular expression")]
    public async Task A_pack_or_policy_that_cannot_work_is_one_line_at_its_place(string config, string where, string problem)
    {
        _repository.Write(".backloglint.yml", config);

        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().Split('\n').ShouldHaveSingleItem();
        result.Stderr.ShouldContain(where);
        result.Stderr.ShouldContain(problem);
        result.Stderr.ShouldNotContain("   at ");
    }
}
