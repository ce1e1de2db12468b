using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;

namespace BacklogLint.Testing;

/// <summary>Runs ONE rule on a small repository written inline, as ESLint's RuleTester does, and returns its findings
/// whole (<see cref="FindingText"/>): rule, span, message and count are compared exactly. The files are committed on
/// <c>now</c>; a configuration is <c>.backloglint.yml</c> among them. Works for a rule pack's rules as for built-in ones.</summary>
/// <example><code>
/// new RuleTester(new MissingOwner()).Run(new() { ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: todo\n---\n" })
///     .ShouldBe(["backlog/PAY-1.md(2,1-2,10): warning BL0001: Task 'PAY-1' is todo but has no owner"]);
/// </code></example>
public sealed class RuleTester(Rule rule, IReadOnlyList<RuleDescriptor>? known = null)
{
    public List<string> Run(Dictionary<string, string> files, string now = "2026-11-23")
    {
        using var repository = TestRepository.Create();
        foreach (var (path, text) in files) repository.Write(path, text);
        repository.Commit(now);
        var location = PlanningLocation.Find(repository.Path);
        var configPath = ConfigLoader.Find(location.Folder, location.WorkTree);
        var config = configPath is null ? new BacklogLintConfig() : new ConfigLoader(known ?? [rule.Descriptor]).Load(configPath);
        var today = DateOnly.ParseExact(now, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var planning = RepositoryLoader.Load(location, config, new LoadOptions { Today = today });
        var time = new FixedTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        return FindingText.Of(new AnalysisEngine([rule]).Analyze(planning, config, time));
    }
}
