using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests;

/// <summary>Guards that keep the catalogue in step: IDs, aliases, pages, fixtures.</summary>
public sealed partial class ConventionTests
{
    private static readonly IReadOnlyList<RuleDescriptor> Descriptors = BuiltInRules.Descriptors;

    public static TheoryData<string> RuleIds() => [.. Descriptors.Select(d => d.Id)];

    [Fact]
    public void Ids_are_unique_well_formed_and_in_order()
    {
        var ids = Descriptors.Select(d => d.Id).ToList();

        ids.ShouldAllBe(id => IdPattern().IsMatch(id));
        ids.ShouldBeUnique();
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Aliases_are_unique_and_kebab_case()
    {
        var aliases = Descriptors.Select(d => d.Alias).ToList();

        aliases.ShouldAllBe(alias => AliasPattern().IsMatch(alias));
        aliases.ShouldBeUnique();
    }

    [Fact]
    public void Every_constant_in_RuleIds_is_a_built_in_rule()
    {
        var constants = typeof(RuleIds).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);

        constants.ShouldBe(Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_page_with_its_title_and_every_option(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var page = SourceTree.PathOf("rules", id + ".md");

        File.Exists(page).ShouldBeTrue($"rules/{id}.md is missing");
        var text = File.ReadAllText(page);
        text.ShouldStartWith($"# {id}: {descriptor.Title}\n");
        text.ShouldContain($"| Alias | {descriptor.Alias} |");
        text.ShouldContain($"| Default severity | {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} |");
        foreach (var option in descriptor.Options) text.ShouldContain($"`{option.Name}`", customMessage: $"option {option.Name}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_rule_with_fixes_says_on_its_page_what_they_do_and_one_without_says_nothing(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var text = File.ReadAllText(SourceTree.PathOf("rules", id + ".md"));

        text.Contains("\nFix: ", StringComparison.Ordinal).ShouldBe(descriptor.Fixable,
            descriptor.Fixable ? $"rules/{id}.md needs a 'Fix:' line under 'How to fix'" : $"{id} attaches no fix: its descriptor says Fixable = false");
    }

    [Fact]
    public void No_page_without_a_rule()
    {
        var pages = Directory.EnumerateFiles(SourceTree.PathOf("rules"), "*.md").Select(Path.GetFileNameWithoutExtension);

        pages.ShouldBeSubsetOf(Descriptors.Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_fixture_that_expects_it_to_fire(string id)
    {
        var folder = Path.Combine(FixtureTests.FixturesRoot, id);
        Directory.Exists(folder).ShouldBeTrue($"no fixtures for {id}: add Fixtures/{id}/firing (copy a neighbour's)");

        var expected = Directory.EnumerateDirectories(folder).Select(f => Fixture.Load(f).Expected()).ToList();

        expected.ShouldContain(set => set.Any(key => key.StartsWith(id + " ", StringComparison.Ordinal)), $"no fixture of {id} expects it to fire");
    }

    [Fact]
    public void Every_rule_class_is_built_in_under_its_own_id()
    {
        var classes = typeof(BuiltInRules).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(BacklogLint.Core.Analysis.Rule).IsAssignableFrom(type)).ToList();

        classes.ShouldAllBe(type => type.IsPublic && type.IsSealed, "a rule is a public sealed class");
        BuiltInRules.All.Select(rule => rule.GetType()).OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ShouldBe(classes.OrderBy(type => type.FullName, StringComparer.Ordinal), "every rule class is listed in BuiltInRules.All, once");
        BuiltInRules.Descriptors.Select(d => d.Id).Distinct().Count().ShouldBe(classes.Count, "two rule classes share an ID");
        BuiltInRules.Descriptors.Select(d => d.Id).ShouldBe(BuiltInRules.Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal), "BuiltInRules.All is in ID order");
    }

    [Fact]
    public void Help_links_point_at_the_rule_pages()
    {
        Descriptors.ShouldAllBe(d => d.HelpUri.ToString().EndsWith("/rules/" + d.Id + ".md", StringComparison.Ordinal));
        Descriptors.ShouldAllBe(d => d.HelpLink == d.HelpUri.ToString(), "the JSON report's link (HelpLink) is the page's Uri as text");
        var own = new BacklogLint.Core.Analysis.RuleDescriptor("ACME0001", "acme", "Acme", "x", BacklogLint.Core.Analysis.RuleCategory.Format, BacklogLint.Core.Diagnostics.Severity.Warning);
        own.HelpLink.ShouldBe(own.HelpUri.ToString());
        (own with { Help = new Uri("https://wiki.acme.example/backlog/ACME 0001?x=ä#y") }).HelpLink
            .ShouldBe(new Uri("https://wiki.acme.example/backlog/ACME 0001?x=ä#y").ToString());
    }

    /// <summary>A message says what is wrong first and stays short enough that no report cuts it (the Markdown report
    /// and the pull-request comment cut text at <c>MarkdownText.DefaultMaxLength</c>; terminals wrap): a list of
    /// candidates goes last and is cut to the nearest ones.</summary>
    [Fact]
    public void Every_message_in_the_fixtures_is_at_most_300_characters()
    {
        var messages = Directory.EnumerateFiles(SourceTree.PathOf("tests", "BacklogLint.Rules.Tests", "Fixtures"), "findings.txt", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Select(line => MessageOf().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToList();

        messages.Count.ShouldBeGreaterThan(100);
        messages.Where(message => message.Length > 300).ShouldBeEmpty();
    }

    [GeneratedRegex(@": [a-z]+ [A-Z]{2,10}\d{3,4}: (.*)$")]
    private static partial Regex MessageOf();

    [GeneratedRegex(@"^BL\d{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*$")]
    private static partial Regex AliasPattern();
}
