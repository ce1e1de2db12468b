using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests;

/// <summary>The examples on every rule page run, as ESLint's docs are linted: the Incorrect example must trigger the
/// page's rule and the Correct one must not. A page sets the scene with machine-readable hints: a <c>`path`:</c> line
/// before a block names its file (else <c>backlog/EXAMPLE.md</c>); a <c>yaml</c> block before the examples is the
/// configuration and <c>markdown</c> blocks there with a path are files of both examples;
/// <c>&lt;!-- example-commit-date: YYYY-MM-DD --&gt;</c> dates the commit (else the day before "now");
/// <c>&lt;!-- examples-not-run: reason --&gt;</c> opts out.</summary>
public sealed partial class RulePageExampleTests
{
    private static readonly DateOnly Now = new(2026, 11, 23);

    public static TheoryData<string> RuleIds() => [.. BuiltInRules.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Incorrect_example_triggers_the_rule_and_the_correct_one_does_not(string id)
    {
        var page = File.ReadAllText(SourceTree.PathOf("rules", id + ".md"));
        if (NotRun().Match(page) is { Success: true } optOut)
        {
            optOut.Groups[1].Value.Trim().ShouldNotBeEmpty("a page that does not run its examples says why");
            return;
        }

        var examples = page[page.IndexOf("## Examples", StringComparison.Ordinal)..];
        var incorrectAt = examples.IndexOf("### Incorrect", StringComparison.Ordinal);
        var correctAt = examples.IndexOf("### Correct", StringComparison.Ordinal);
        (incorrectAt > 0 && correctAt > incorrectAt).ShouldBeTrue($"rules/{id}.md needs ### Incorrect then ### Correct under ## Examples");
        var setup = examples[..incorrectAt];
        var config = Blocks(setup).Where(b => b.Language == "yaml").Select(b => b.Text).FirstOrDefault();
        var common = Blocks(setup).Where(b => b.Language == "markdown" && b.Path is not null).ToList();
        var commitDate = CommitDate().Match(page) is { Success: true } date ? date.Groups[1].Value : Now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Run(id, config, common, commitDate, examples[incorrectAt..correctAt]).ShouldContain(id, $"the Incorrect example of {id} does not trigger it");
        Run(id, config, common, commitDate, examples[correctAt..]).ShouldNotContain(id, $"the Correct example of {id} triggers it");
    }

    private static List<string> Run(string id, string? config, List<(string Language, string Text, string? Path)> common, string commitDate, string section)
    {
        var blocks = Blocks(section).Where(b => b.Language is "markdown" or "yaml").ToList();
        blocks.ShouldNotBeEmpty($"rules/{id}.md: no example block in a section");
        blocks.AddRange(common);
        using var repository = TestRepository.Create();
        if (config is not null) repository.Write(BacklogLintConfig.FileName, config);
        var unnamed = 0;
        foreach (var block in blocks)
        {
            var path = block.Path ?? (block.Language == "yaml" ? BacklogLintConfig.FileName : $"backlog/EXAMPLE{(unnamed++ == 0 ? "" : unnamed.ToString(System.Globalization.CultureInfo.InvariantCulture))}.md");
            repository.Write(path, block.Text);
        }

        repository.Commit(commitDate);
        var location = PlanningLocation.Find(repository.Path);
        var configPath = ConfigLoader.Find(location.Folder, location.WorkTree);
        var loaded = configPath is null ? new BacklogLintConfig() : new ConfigLoader(BuiltInRules.Descriptors).Load(configPath);
        var now = new DateTimeOffset(Now.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        return [.. new AnalysisEngine(BuiltInRules.All).Analyze(RepositoryLoader.Load(location, loaded), loaded, new FixedTimeProvider(now)).Select(d => d.Id)];
    }

    private static IEnumerable<(string Language, string Text, string? Path)> Blocks(string markdown)
    {
        foreach (Match block in FencedBlock().Matches(markdown))
        {
            var path = block.Groups["path"].Success ? block.Groups["path"].Value : null;
            yield return (block.Groups["lang"].Value, block.Groups["body"].Value, path);
        }
    }

    [GeneratedRegex(@"(?:^`(?<path>[^`\n]+)`:[ \t]*\n)?^```(?<lang>[a-z]*)[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"<!--\s*examples-not-run:(.*?)-->")]
    private static partial Regex NotRun();

    [GeneratedRegex(@"<!--\s*example-commit-date:\s*(\d{4}-\d{2}-\d{2})\s*-->")]
    private static partial Regex CommitDate();
}
