using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Rules;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Analysis;

public sealed class AnalysisEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The rules these tests exercise the engine with; the rest of the catalogue is left out, so a new rule
    /// cannot change what they find.</summary>
    private static readonly HashSet<string> Exercised = ["BL0001", "BL0101", "BL0202", "BL0501", "BL0502", "BL9001"];

    /// <summary>Loads the repository as the tool does (configuration found beside it) and runs <see cref="Exercised"/>.</summary>
    private static IReadOnlyList<Diagnostic> Check(TestRepository test, DateTimeOffset? now = null)
    {
        var location = PlanningLocation.Find(test.Path);
        var configPath = ConfigLoader.Find(location.Folder, location.WorkTree);
        var config = configPath is null ? new BacklogLintConfig() : new ConfigLoader(BuiltInRules.Descriptors).Load(configPath);
        var repository = RepositoryLoader.Load(location, config);
        return new AnalysisEngine([.. BuiltInRules.All.Where(rule => Exercised.Contains(rule.Descriptor.Id))]).Analyze(repository, config, new FixedTimeProvider(now ?? Now));
    }

    private const string Unowned = "---\nid: PAY-1\nstatus: todo\n---\n# Nobody's work\n";

    [Fact]
    public void Default_severity_applies_without_configuration()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", Unowned).Commit("2026-11-01");

        var finding = Check(test).ShouldHaveSingleItem();

        finding.Id.ShouldBe("BL0001");
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Path.ShouldBe("backlog/PAY-1.md");
        finding.Span.ShouldBe(new SourceSpan(2, 1, 2, 10));
        finding.ItemId.ShouldBe("PAY-1");
    }

    [Fact]
    public void Configured_severity_overrides_the_default()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", Unowned).Write(".backloglint.yml", "rules:\n  missing-owner: error\n").Commit("2026-11-01");

        var finding = Check(test).ShouldHaveSingleItem();

        finding.Id.ShouldBe("BL0001");
        finding.Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void Severity_none_disables_the_rule_and_only_that_rule()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\ndue: someday\n---\n")
            .Write(".backloglint.yml", "rules:\n  BL0001: { severity: none }\n")
            .Commit("2026-11-01");

        var findings = Check(test);

        findings.Select(d => d.Id).ShouldBe(["BL0502"]);
    }

    [Fact]
    public void Configured_option_reaches_the_rule()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nowner: \"@alice\"\nhandoffs:\n  - from: \"@alice\"\n    to: \"@bob\"\n    date: 2026-11-03\n---\n")
            .Write("backlog/PAY-2.md", "---\nid: PAY-2\nowner: \"@bob\"\n---\n")
            .Commit("2026-11-01");

        var byDefault = Check(test).ShouldHaveSingleItem();
        test.Write(".backloglint.yml", "rules:\n  BL0202: { days: 20 }\n");
        var withOption = Check(test);

        byDefault.Id.ShouldBe("BL0202");
        byDefault.Span.ShouldBe(new SourceSpan(7, 11, 7, 21));
        byDefault.Message.ShouldContain("after 20 days (limit 14)");
        withOption.ShouldBeEmpty();
    }

    [Fact]
    public void Today_comes_from_the_time_provider_as_a_utc_date()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nowner: \"@alice\"\nhandoffs:\n  - from: \"@alice\"\n    to: \"@bob\"\n    date: 2026-11-01\n---\n")
            .Write("backlog/PAY-2.md", "---\nid: PAY-2\nowner: \"@bob\"\n---\n")
            .Commit("2026-11-01");

        var exactlyFourteenDays = Check(test, new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero));
        var fifteenDays = Check(test, new DateTimeOffset(2026, 11, 16, 12, 0, 0, TimeSpan.Zero));
        var fifteenDaysAheadOfUtc = Check(test, new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.FromHours(5)));

        exactlyFourteenDays.ShouldBeEmpty();
        fifteenDays.ShouldHaveSingleItem().Message.ShouldContain("after 15 days");
        fifteenDaysAheadOfUtc.ShouldBeEmpty();
    }

    [Fact]
    public void Diagnostics_are_sorted_by_path_line_column_and_id_with_repository_findings_first()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/A.md", "---\nid: A\nstatus: todo\ndue: someday\nowner:\n  name: x\n---\n")
            .Write("backlog/B.md", "---\nid: B\nstatus: todo\n---\n")
            .Write("backlog/C.md", "---\nid: C\nowner: @x\n---\n")
            .Commit("2026-11-01");
        test.MakeShallow();

        var findings = Check(test);

        findings.Select(d => (d.Path, d.Span?.Line, d.Span?.Column, d.Id)).ShouldBe([
            (null, null, null, "BL9001"),
            ("backlog/A.md", 4, 6, "BL0502"),
            ("backlog/A.md", 6, 3, "BL0001"),
            ("backlog/A.md", 6, 3, "BL0502"),
            ("backlog/B.md", 2, 1, "BL0001"),
            ("backlog/C.md", 3, 8, "BL0501"),
        ]);
        findings.Select(d => d.Fingerprint).ShouldBeUnique();
    }

    [Fact]
    public void Fingerprint_survives_lines_inserted_above_the_finding()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\nowner: TBD\n---\n# T\n").Commit("2026-11-01");
        var before = Check(test).ShouldHaveSingleItem();

        test.Write("backlog/PAY-1.md", "---\nteam: payments\ncreated: 2026-01-01\nupdated: 2026-01-02\nid: PAY-1\nstatus: todo\nowner: TBD\n---\n# T\n")
            .Commit("2026-11-02");
        var after = Check(test).ShouldHaveSingleItem();

        before.Id.ShouldBe("BL0001");
        after.Id.ShouldBe("BL0001");
        before.Span.ShouldNotBeNull().Line.ShouldBe(4);
        after.Span.ShouldNotBeNull().Line.ShouldBe(7);
        after.Fingerprint.ShouldBe(before.Fingerprint);
    }

    private const string StaleLine = "- 2025-01-03 @payments @sre: webhooks are delivered at least once. review-by: 2026-01-01";

    [Fact]
    public void Fingerprint_of_an_inline_agreement_survives_lines_inserted_above_it()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", $"---\nid: PAY-1\nstatus: done\n---\n## Agreements\n{StaleLine}\n").Commit("2025-01-05");
        var before = Check(test).ShouldHaveSingleItem();

        test.Write("backlog/PAY-1.md", $"---\nid: PAY-1\nstatus: done\n---\nWhy this exists.\n\nMore context.\n## Agreements\n{StaleLine}\n").Commit("2026-11-01");
        var after = Check(test).ShouldHaveSingleItem();

        before.Id.ShouldBe("BL0101");
        before.Span.ShouldNotBeNull().Line.ShouldBe(6);
        after.Span.ShouldNotBeNull().Line.ShouldBe(9);
        after.Fingerprint.ShouldBe(before.Fingerprint);
    }

    [Fact]
    public void Different_findings_have_different_fingerprints()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", Unowned)
            .Write("backlog/PAY-2.md", Unowned.Replace("PAY-1", "PAY-2", StringComparison.Ordinal))
            .Commit("2026-11-01");

        var findings = Check(test);

        findings.Select(d => (d.Id, d.ItemId)).ShouldBe([("BL0001", "PAY-1"), ("BL0001", "PAY-2")]);
        findings[0].Fingerprint.ShouldNotBe(findings[1].Fingerprint);
    }

    [Fact]
    public void Same_agreement_written_twice_gets_numbered_fingerprints()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", $"---\nid: PAY-1\nstatus: done\n---\n## Agreements\n{StaleLine}\n{StaleLine}\n").Commit("2025-01-05");

        var findings = Check(test);

        findings.Select(d => (d.Id, d.Span?.Line)).ShouldBe([("BL0101", 6), ("BL0101", 7)]);
        findings[1].Fingerprint.ShouldBe(findings[0].Fingerprint + "-2");
    }

    [Fact]
    public void Agreement_reviewed_every_9999_years_does_not_crash_the_run()
    {
        using var test = TestRepository.Create();
        test.Write("agreements/AGR-1.md", "---\nid: AGR-1\ntype: agreement\nparties: [\"@payments\", \"@sre\"]\nreview-every: 9999y\n---\n")
            .Write("backlog/PAY-1.md", Unowned)
            .Commit("2026-01-01");

        var findings = Check(test);

        findings.Select(d => d.Id).ShouldContain("BL0001");
        findings.Select(d => d.Id).ShouldNotContain("BL0101");
    }
}
