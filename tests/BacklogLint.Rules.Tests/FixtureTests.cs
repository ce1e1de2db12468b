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
    }
}
