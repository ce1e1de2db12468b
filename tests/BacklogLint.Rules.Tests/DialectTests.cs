using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests;

/// <summary>Each dialect's well-formed fixture, a repository laid out as the real format lays it out, reads without a
/// single BL0501/BL0502: false positives on real formats are the first thing users notice.</summary>
public sealed class DialectTests
{
    /// <summary>Each dialect fixture folder with the number of items its well-formed repository holds.</summary>
    public static TheoryData<string, int> WellFormed() => new()
    {
        { "backlog-md", 11 },
        { "eip", 8 },
        { "header", 13 },
        { "id-aliases", 3 },
        { "kep", 4 },
        { "madr", 5 },
    };

    [Fact]
    public void Every_dialect_fixture_folder_is_checked() =>
        Directory.EnumerateDirectories(FixtureTests.DialectsRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(WellFormed().Select(row => row.Data.Item1).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void A_well_formed_repository_has_no_format_findings(string dialect, int items)
    {
        var folder = Path.Combine(FixtureTests.DialectsRoot, dialect, "well-formed");
        var fixture = Fixture.Load(folder);
        using (var repository = fixture.Build())
        {
            var location = PlanningLocation.Find(repository.Path);
            var config = new ConfigLoader(BuiltInRules.Descriptors).Load(ConfigLoader.Find(location.Folder, location.WorkTree)!);
            RepositoryLoader.Load(location, config).Items.Count.ShouldBe(items, $"{dialect}: items read");
        }

        var result = fixture.Run();

        result.Diagnostics.Where(d => d.Id is RuleIds.InvalidFrontMatter or RuleIds.InvalidFieldValue)
            .Select(d => $"{d.Id} {d.Path}({d.Span?.Line}): {d.Message}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_parties_finding_names_the_key_the_dialect_reads()
    {
        var result = Fixture.Load(Path.Combine(FixtureTests.DialectsRoot, "kep", "findings")).Run();

        var messages = result.Diagnostics.Where(d => d.Id == RuleIds.AgreementWithoutParties).Select(d => d.Message).ToList();
        messages.ShouldNotBeEmpty();
        messages.ShouldAllBe(message => message.EndsWith("list who agreed in 'approvers'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_format_whose_parties_key_is_optional_asks_nobody_for_parties()
    {
        // MADR's decision-makers is optional, and proposal headers have authors, not who agreed.
        foreach (var dialect in new[] { "madr", "header" })
        {
            var result = Fixture.Load(Path.Combine(FixtureTests.DialectsRoot, dialect, "findings")).Run();

            result.Diagnostics.ShouldNotContain(d => d.Id == RuleIds.AgreementWithoutParties, dialect);
        }
    }

    [Fact]
    public void Every_configuration_in_the_readme_dialects_section_loads()
    {
        var readme = File.ReadAllText(SourceTree.PathOf("README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n## Dialects\n", StringComparison.Ordinal);
        var section = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var blocks = section.Split("```yaml\n").Skip(1).Select(block => block[..block.IndexOf("```", StringComparison.Ordinal)]).ToList();

        blocks.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var block in blocks)
            Should.NotThrow(() => new ConfigLoader(BuiltInRules.Descriptors).Parse("README.md", block), block);
    }
}
