using BacklogLint.Core.Analysis;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Policies;

/// <summary>A <see cref="Policy"/> run as a rule like any other: its own ID, severity, locations and suppressions. A
/// missing key is reported at the item's header; a value that breaks the policy, at the value.</summary>
public sealed class PolicyRule(Policy policy) : ItemRule
{
    public override RuleDescriptor Descriptor { get; } = new(policy.Id, policy.Alias, policy.Title, "'{0}' {1} ({2})", RuleCategory.Policy, policy.Severity)
    {
        Help = policy.Help,
        Page = $"# {policy.Id}: {policy.Title}\n\nA policy of this repository's configuration (`policies:` in .backloglint.yml).\n",
    };

    public Policy Policy => policy;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        if (!policy.When.Holds(item)) return;
        var fields = item.FrontMatter;
        foreach (var key in policy.Require)
        {
            if (fields?.Find(key) is { Value: var value } && HasValue(value)) continue;
            context.Report(item.HeaderSpan, "require:" + key, item.Id.Value, $"has no '{key}'", policy.Title);
        }

        foreach (var (key, allowed) in policy.OneOf)
        {
            if (fields?.Find(key) is not { } entry) continue;
            foreach (var value in Scalars(entry.Value))
            {
                var normalized = StatusVocabulary.Normalize(value.Value);
                if (allowed.Any(word => StatusVocabulary.Normalize(word) == normalized)) continue;
                context.Report(value.Span, "one-of:" + key + ":" + value.Value, item.Id.Value,
                    $"has {key} '{value.Value}', which is not one of {string.Join(", ", allowed)}", policy.Title);
            }
        }

        foreach (var (key, pattern) in policy.Match)
        {
            if (fields?.Find(key) is not { } entry) continue;
            foreach (var value in Scalars(entry.Value))
            {
                if (Matches(pattern, value.Value)) continue;
                context.Report(value.Span, "match:" + key + ":" + value.Value, item.Id.Value,
                    $"has {key} '{value.Value}', which does not match {pattern}", policy.Title);
            }
        }
    }

    /// <summary>A value that takes the pattern longer than its timeout to decide (hostile text, a pattern that
    /// backtracks) is left alone rather than stopping the run.</summary>
    private static bool Matches(System.Text.RegularExpressions.Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static bool HasValue(YamlNode node) => node switch
    {
        YamlScalar scalar => !scalar.IsNull && !Party.IsPlaceholder(scalar.Value),
        YamlSequence sequence => sequence.Items.Count > 0,
        YamlMapping map => map.Entries.Count > 0,
        _ => false,
    };

    private static IEnumerable<YamlScalar> Scalars(YamlNode node) => node switch
    {
        YamlScalar { IsNull: false } scalar => [scalar],
        YamlSequence sequence => sequence.Items.OfType<YamlScalar>(),
        _ => [],
    };
}
