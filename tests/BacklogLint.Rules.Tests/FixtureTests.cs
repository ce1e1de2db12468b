using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests;

/// <summary>Runs every fixture under <c>Fixtures/&lt;rule&gt;/&lt;case&gt;</c> and
/// <c>Fixtures/Dialects/&lt;dialect&gt;/&lt;case&gt;</c>: the findings must be exactly the ones marked inside it, no more,
/// no fewer.</summary>
public sealed class FixtureTests
{
    public static string FixturesRoot { get; } = SourceTree.PathOf("tests", "BacklogLint.Rules.Tests", "Fixtures");

    /// <summary>The folder of the dialect fixtures, one folder per dialect (or configuration-only format).</summary>
    public static string DialectsRoot { get; } = Path.Combine(FixturesRoot, "Dialects");

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        var groups = Directory.EnumerateDirectories(FixturesRoot).Where(folder => folder != DialectsRoot)
            .Concat(Directory.EnumerateDirectories(DialectsRoot));
        foreach (var folder in groups.SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(FixturesRoot, folder).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Fixture_yields_exactly_the_marked_findings(string name)
    {
        var result = Fixture.Load(Path.Combine(FixturesRoot, name)).Run();

        var difference = result.Difference();

        difference.ShouldBeEmpty($"{name}:\n{difference}");
        var snapshot = Path.Combine(FixturesRoot, name, Fixture.FindingsFileName);
        var actual = string.Concat(FindingText.Of(result.Diagnostics).Select(line => line + "\n"));
        if (Environment.GetEnvironmentVariable("BACKLOGLINT_UPDATE_DOCS") == "1" && (!File.Exists(snapshot) || File.ReadAllText(snapshot) != actual))
            File.WriteAllText(snapshot, actual);
        File.Exists(snapshot).ShouldBeTrue($"{name}: no {Fixture.FindingsFileName}: run the tests with BACKLOGLINT_UPDATE_DOCS=1 and read what it wrote");
        File.ReadAllText(snapshot).ReplaceLineEndings("\n").ShouldBe(actual,
            $"{name}: the findings differ from {Fixture.FindingsFileName} in span, message or count (BACKLOGLINT_UPDATE_DOCS=1 rewrites it)");
    }

    [Fact]
    public void A_link_to_a_file_git_history_shows_was_renamed_says_where_it_went()
    {
        var messages = Fixture.Load(Path.Combine(FixturesRoot, "BL0401", "renamed")).Run().Diagnostics
            .Where(d => d.Id == "BL0401").Select(d => d.Message).Order(StringComparer.Ordinal).ToList();

        messages.Count.ShouldBe(2);
        messages[0].ShouldMatch(@"^'R-1' links to '\.\./old-notes\.md', but there is no Markdown file 'docs/proposals/old-notes\.md'$");
        messages[1].ShouldMatch(@"^'R-1' links to '0001-queue\.md', but there is no Markdown file 'docs/proposals/0002-retry/0001-queue\.md': "
            + @"it was renamed to 'docs/proposals/0001-queue/README\.md' in [0-9a-f]{7} \(2025-03-01\)$");
    }
}
