using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace Acme.BacklogRules;

/// <summary>ACME0001: an epic in progress says which quarter it targets (<c>target: 2027-Q1</c>), so the roadmap can be
/// read off the backlog. Written against the same API as BacklogLint's built-in rules.</summary>
public sealed class EpicWithoutTargetQuarter : ItemRule
{
    public static TextOption Quarter { get; } = new("quarter", "The form of a target quarter (a regular expression).", @"^\d{4}-Q[1-4]$");

    public static RuleDescriptor Rule { get; } = new(
        "ACME0001",
        "epic-target-quarter",
        "Epic in progress without a target quarter",
        "Epic '{0}' is {1} but {2}",
        RuleCategory.Policy,
        Severity.Warning)
    {
        Options = [Quarter],
        Help = new Uri("https://wiki.acme.example/backlog/ACME0001"),
        Page = "# ACME0001: Epic in progress without a target quarter\n\nAn epic being worked on says which quarter it targets: `target: 2027-Q1`.\n",
    };

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (item.Type != ItemType.Epic || item.Status.Class != StatusClass.Active) return;
        var status = item.Status.Display;
        if (item.FrontMatter?.Find("target") is not { Value: YamlScalar { IsNull: false } target })
        {
            context.Report(item.HeaderSpan, "target", item.Id.Value, status, "names no target quarter (target: 2027-Q1)");
            return;
        }

        var pattern = context.Option(Quarter);
        if (!Regex.IsMatch(target.Value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            context.Report(target.Span, "target", item.Id.Value, status, $"its target '{target.Value}' is not a quarter like 2027-Q1");
    }
}
