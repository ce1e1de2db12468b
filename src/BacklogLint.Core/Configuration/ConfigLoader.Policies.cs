using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using BacklogLint.Core.Policies;

namespace BacklogLint.Core.Configuration;

/// <summary><c>rule-packs:</c> (assemblies of a team's own rules: <see cref="RulePackSource"/>) and
/// <c>policies:</c> (rules declared in the configuration). Their IDs are their own, never BL, and unique.</summary>
public sealed partial class ConfigLoader
{
    private static List<Rule> ReadExtraRules(string path, YamlMapping map, IReadOnlyList<RuleDescriptor> builtIn)
    {
        var rules = new List<Rule>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (map.Find("rule-packs") is { Value: not YamlScalar { IsNull: true } } packs)
        {
            var entries = packs.Value as YamlSequence ?? throw Error(path, packs.Value, $"'rule-packs' should be a list of assemblies or packages, not {packs.Value.KindName}");
            foreach (var item in entries.Items)
            {
                var file = item as YamlScalar ?? throw Error(path, item, $"each entry of 'rule-packs' should be a path or Package@Version, not {item.KindName}");
                try
                {
                    rules.AddRange(RulePackLoader.Load(RulePackSource.Resolve(folder, file.Value.Trim()), file.Value.Trim()));
                }
                catch (RulePackException e)
                {
                    throw Error(path, file, e.Message);
                }
            }
        }

        if (map.Find("policies") is { Value: not YamlScalar { IsNull: true } } policies)
        {
            var entries = policies.Value as YamlSequence ?? throw Error(path, policies.Value, $"'policies' should be a list of policies, not {policies.Value.KindName}");
            foreach (var item in entries.Items)
                rules.Add(new PolicyRule(ReadPolicy(path, item as YamlMapping ?? throw Error(path, item, $"a policy should be a map (id, title, when, require…), not {item.KindName}"))));
        }

        var seen = builtIn.SelectMany(d => new[] { d.Id, d.Alias }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var descriptor = rule.Descriptor;
            if (!OwnId().IsMatch(descriptor.Id))
                throw new ConfigurationException(path, null, $"rule '{descriptor.Id}' of a pack or policy needs an ID of its own: letters then 3 or 4 digits (ACME0001), never BL");
            foreach (var name in new[] { descriptor.Id, descriptor.Alias })
                if (!seen.Add(name)) throw new ConfigurationException(path, null, $"rule '{name}' is defined twice (a built-in rule, a pack or a policy already has that ID or alias)");
        }

        return rules;
    }

    private static Policy ReadPolicy(string path, YamlMapping map)
    {
        RefuseUnknown(path, map, ConfigKeys.Policy, "a policy");
        var id = Required(path, map, "id");
        var title = Required(path, map, "title");
        var severity = Severity.Warning;
        if (map.Find("severity") is { } severityEntry)
        {
            var value = Scalar(path, severityEntry)!;
            if (!Severities.TryParse(value.Value, out severity)) throw Error(path, value, $"unknown severity '{value.Value}' (known: {string.Join(", ", Severities.Names)})");
        }

        Uri? help = null;
        if (map.Find("help") is { } helpEntry && !Uri.TryCreate(Scalar(path, helpEntry)!.Value, UriKind.Absolute, out help))
            throw Error(path, helpEntry.Value, "'help' should be an absolute address (https://…)");
        var policy = new Policy(id.Value, Scalar(path, map.Find("alias"))?.Value ?? id.Value.ToLowerInvariant(), title.Value, severity)
        {
            Help = help,
            When = ReadCondition(path, map.Find("when")),
            Require = StringList(path, map.Find("require")),
            OneOf = map.Find("one-of") is { Value: not YamlScalar { IsNull: true } } oneOf
                ? Map(path, oneOf).Entries.ToDictionary(entry => entry.Key.Value, entry => (IReadOnlyList<string>)StringList(path, entry), StringComparer.Ordinal)
                : new Dictionary<string, IReadOnlyList<string>>(),
            Match = map.Find("match") is { Value: not YamlScalar { IsNull: true } } match
                ? Map(path, match).Entries.ToDictionary(entry => entry.Key.Value, entry => Pattern(path, entry), StringComparer.Ordinal)
                : new Dictionary<string, Regex>(),
        };
        if (policy.Require.Count == 0 && policy.OneOf.Count == 0 && policy.Match.Count == 0)
            throw Error(path, map, $"policy {policy.Id} checks nothing: give it require, one-of or match");
        return policy;
    }

    private static PolicyCondition ReadCondition(string path, YamlEntry? entry)
    {
        if (entry is null or { Value: YamlScalar { IsNull: true } }) return new PolicyCondition();
        var map = Map(path, entry);
        RefuseUnknown(path, map, ConfigKeys.PolicyWhen, "when");
        var types = new List<ItemType>();
        foreach (var part in map.Entries)
        {
            switch (YamlMapping.NormalizeKey(part.Key.Value))
            {
                case "type":
                    foreach (var word in StringList(path, part))
                        types.Add(Enum.TryParse<ItemType>(word, ignoreCase: true, out var type) ? type : throw Error(path, part.Value, $"unknown type '{word}' (known: task, epic, agreement)"));
                    break;
                case "status":
                    break;
                default:
                    throw Unknown(path, part, ConfigKeys.PolicyWhen, "when");
            }
        }

        return new PolicyCondition { Types = types, Statuses = StringList(path, map.Find("status")) };
    }

    private static Regex Pattern(string path, YamlEntry entry)
    {
        var value = Scalar(path, entry)!;
        try
        {
            return new Regex(value.Value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw Error(path, value, $"'{entry.Key.Value}' is not a regular expression: {e.Message}");
        }
    }

    private static YamlScalar Required(string path, YamlMapping map, string key) =>
        Scalar(path, map.Find(key)) is { IsNull: false } value ? value : throw Error(path, map, $"a policy needs '{key}'");

    [GeneratedRegex(RuleDescriptor.OwnIdPattern)]
    private static partial Regex OwnId();
}
