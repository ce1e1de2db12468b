using System.Text;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests;

/// <summary>The README's rule table is generated from the descriptors; this fails on drift, and with
/// <c>BACKLOGLINT_UPDATE_DOCS=1</c> rewrites it.</summary>
public sealed class RuleTableTests
{
    private const string Start = "<!-- rules:start";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void Readme_rule_table_matches_the_descriptors()
    {
        var path = SourceTree.PathOf("README.md");
        var readme = File.ReadAllText(path);
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        (start >= 0 && end > start).ShouldBeTrue("README.md needs the rules:start and rules:end markers");
        var afterStart = readme.IndexOf('\n', start) + 1;
        var expected = readme[..afterStart] + Table() + readme[end..];

        if (Environment.GetEnvironmentVariable("BACKLOGLINT_UPDATE_DOCS") == "1" && expected != readme)
            File.WriteAllText(path, expected);
        else
            readme.ShouldBe(expected, "README.md's rule table is out of date: run the tests with BACKLOGLINT_UPDATE_DOCS=1");
    }

    private static string Table()
    {
        var table = new StringBuilder();
        table.Append("| ID | Alias | What it finds | Default severity | Options |\n|---|---|---|---|---|\n");
        foreach (var rule in BuiltInRules.Descriptors)
        {
            var options = rule.Options.Count == 0 ? "" : string.Join(", ", rule.Options.Select(o => $"`{o.Name}: {o.FormatDefault()}`"));
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| [{rule.Id}](rules/{rule.Id}.md) | `{rule.Alias}` | {rule.Title} | {rule.DefaultSeverity.ToName()} | {options} |\n");
        }

        return table.ToString();
    }
}
