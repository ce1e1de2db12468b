using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Dialects;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Configuration;

/// <summary>Reads and validates <c>.backloglint.yml</c>. Nothing wrong is ignored: an unknown key, rule, option or
/// a value of the wrong type is a <see cref="ConfigurationException"/> naming the file, line and key.</summary>
public sealed partial class ConfigLoader(IReadOnlyList<RuleDescriptor> rules)
{
    private const string SuppressionWithoutReasonAlias = "suppression-without-reason";

    /// <summary>The configuration file for <paramref name="folder"/>: in it, else in the repository root above it.</summary>
    public static string? Find(string folder, string? repositoryRoot)
    {
        foreach (var dir in new[] { folder, repositoryRoot })
        {
            if (dir is null) continue;
            foreach (var name in BacklogLintConfig.FileNames)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }

    /// <summary>The configuration of a built-in dialect with every other setting at its default.</summary>
    public static BacklogLintConfig ForDialect(string dialect)
    {
        var statuses = StatusVocabulary.CreateDefault();
        var format = ReadDialect(dialect, statuses);
        return new BacklogLintConfig { Dialect = dialect, Format = format, Items = format.Items, Statuses = statuses };
    }

    public BacklogLintConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, null, $"cannot read the configuration: {e.Message}");
        }

        return Parse(path, text);
    }

    public BacklogLintConfig Parse(string path, string text)
    {
        var (root, problem) = YamlReader.Read(text, firstLine: 1);
        if (problem is not null)
            throw new ConfigurationException(path, problem.Span, problem.Message.Replace("front matter", "the configuration", StringComparison.Ordinal));
        if (root is null) return new BacklogLintConfig { SourcePath = path };
        var map = root as YamlMapping ?? throw Error(path, root, $"the configuration should be a map of keys, not {root.KindName}");

        RefuseUnknown(path, map, ConfigKeys.Root, where: null);

        var dialect = Scalar(path, map.Find("dialect"))?.Value ?? BuiltInDialects.Native;
        if (!BuiltInDialects.Formats.ContainsKey(dialect))
            throw Error(path, map.Find("dialect")!.Value, $"unknown dialect '{dialect}' (known: {string.Join(", ", BuiltInDialects.Names)})");
        var statuses = StatusVocabulary.CreateDefault();
        var format = ReadDialect(dialect, statuses);
        if (map.Find("format") is { Value: not YamlScalar { IsNull: true } } formatEntry) format = ReadFormat(path, Map(path, formatEntry), format, statuses);
        var items = StringList(path, map.Find("items"));

        var (teams, people) = ReadRoster(path, map.Find("roster"));
        var (maxFileBytes, maxYamlDepth, maxItems) = ReadLimits(path, map.Find("limits"));
        var extra = ReadExtraRules(path, map, rules);
        IReadOnlyList<RuleDescriptor> known = [.. rules, .. extra.Select(rule => rule.Descriptor)];
        return new BacklogLintConfig
        {
            MaxFileBytes = maxFileBytes,
            MaxYamlDepth = maxYamlDepth,
            MaxItems = maxItems,
            IgnoreRevsFile = ReadHistory(path, map.Find("history")),
            SourcePath = path,
            Items = items.Count > 0 ? items : format.Items,
            ItemSpans = items.Count > 0 ? ValueSpans(map.Find("items")!) : [],
            Ignore = StringList(path, map.Find("ignore")),
            Dialect = dialect,
            Format = format,
            RosterTeams = teams,
            RosterPeople = people,
            Statuses = ReadStatuses(path, map.Find("statuses"), statuses),
            Rules = RequireReasons(path, map.Find("require-suppression-reason"), ReadRules(path, map.Find("rules"), known)),
            Overrides = ReadOverrides(path, map.Find("overrides"), known),
            ExtraRules = extra,
        };
    }

    /// <summary><c>require-suppression-reason: true</c> is shorthand for turning on the rule that reports bare
    /// suppressions as a warning; a severity configured for that rule itself wins.</summary>
    private Dictionary<string, RuleSettings> RequireReasons(string path, YamlEntry? entry, Dictionary<string, RuleSettings> settings)
    {
        var value = Scalar(path, entry);
        if (value is null) return settings;
        if (value.Value is not ("true" or "false"))
            throw Error(path, value, $"'require-suppression-reason' takes true or false, not '{value.Value}'");
        var rule = rules.FirstOrDefault(r => r.Alias == SuppressionWithoutReasonAlias);
        if (value.Value == "true" && rule is not null && settings.GetValueOrDefault(rule.Id)?.Severity is null)
            settings[rule.Id] = new RuleSettings(Severity.Warning, settings.GetValueOrDefault(rule.Id)?.Options ?? new Dictionary<string, object>());
        return settings;
    }

    private static Dictionary<string, RuleSettings> ReadRules(string path, YamlEntry? section, IReadOnlyList<RuleDescriptor> rules)
    {
        var result = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);
        if (section is null || section.Value is YamlScalar { IsNull: true }) return result;
        var map = Map(path, section);
        foreach (var entry in map.Entries)
        {
            var name = entry.Key.Value.Trim();
            var rule = rules.FirstOrDefault(r => r.Id.Equals(name, StringComparison.OrdinalIgnoreCase) || r.Alias.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw Error(path, entry.Key, $"unknown rule '{name}' (see `backloglint rules`)");
            if (result.ContainsKey(rule.Id)) throw Error(path, entry.Key, $"rule {rule.Id} is configured twice");
            result[rule.Id] = ReadRule(path, rule, entry);
        }

        return result;
    }

    /// <summary><c>overrides:</c> a list of <c>{ files: [globs], rules: { … } }</c>, rules as in the top-level <c>rules</c>.</summary>
    private static List<RuleOverride> ReadOverrides(string path, YamlEntry? section, IReadOnlyList<RuleDescriptor> rules)
    {
        if (section is null || section.Value is YamlScalar { IsNull: true }) return [];
        var entries = section.Value as YamlSequence
            ?? throw Error(path, section.Value, $"'overrides' should be a list of {{ files: [globs], rules: {{ … }} }}, not {section.Value.KindName}");
        var result = new List<RuleOverride>();
        foreach (var item in entries.Items)
        {
            var map = item as YamlMapping ?? throw Error(path, item, $"an override should be a map with 'files' and 'rules', not {item.KindName}");
            RefuseUnknown(path, map, ConfigKeys.Override, "an override");
            var files = StringList(path, map.Find("files"));
            if (files.Count == 0 || files.Any(glob => glob.Trim().Length == 0))
                throw Error(path, map.Find("files")?.Value ?? map, "an override needs 'files': the globs of the files it is for, relative to the configuration's folder");
            if (files.FirstOrDefault(glob => glob.StartsWith('/') || glob.Split('/').Contains("..")) is { } outside)
                throw Error(path, map.Find("files")!.Value, $"the override glob '{outside}' should be relative to the configuration's folder, inside it");
            result.Add(new RuleOverride(files, ReadRules(path, map.Find("rules"), rules)));
        }

        return result;
    }

    private static RuleSettings ReadRule(string path, RuleDescriptor rule, YamlEntry entry)
    {
        if (entry.Value is YamlScalar shorthand)
            return new RuleSettings(ParseSeverity(path, shorthand, rule), new Dictionary<string, object>());

        var map = Map(path, entry);
        Severity? severity = null;
        var options = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var setting in map.Entries)
        {
            var key = YamlMapping.NormalizeKey(setting.Key.Value);
            if (key == "severity")
            {
                var value = setting.Value as YamlScalar
                    ?? throw Error(path, setting.Value, $"'{setting.Key.Value}' of {rule.Id} should be a single value, not {setting.Value.KindName}");
                severity = ParseSeverity(path, value, rule);
                continue;
            }

            var option = rule.Options.FirstOrDefault(o => o.Name == key)
                ?? throw Error(path, setting.Key, rule.Options.Count == 0
                    ? $"{rule.Id} has no option '{setting.Key.Value}' (it takes only 'severity')"
                    : $"{rule.Id} has no option '{setting.Key.Value}' (known: severity, {string.Join(", ", rule.Options.Select(o => o.Name))})");
            if (!option.TryRead(setting.Value, out var parsed, out var problem))
                throw Error(path, setting.Value, $"{rule.Id}: {problem}");
            options[option.Name] = parsed;
        }

        return new RuleSettings(severity, options);
    }

    private static Severity ParseSeverity(string path, YamlScalar value, RuleDescriptor rule) =>
        Severities.TryParse(value.Value, out var severity)
            ? severity
            : throw Error(path, value, $"{rule.Id}: unknown severity '{value.Value}' (known: {string.Join(", ", Severities.Names)})");

    private static (IReadOnlyDictionary<string, IReadOnlyList<string>>?, IReadOnlyList<string>) ReadRoster(string path, YamlEntry? section)
    {
        if (section is null || section.Value is YamlScalar { IsNull: true }) return (null, []);
        var map = Map(path, section);
        RefuseUnknown(path, map, ConfigKeys.Roster, "roster");
        var teams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var people = new List<string>();
        foreach (var entry in map.Entries)
        {
            switch (YamlMapping.NormalizeKey(entry.Key.Value))
            {
                case "teams":
                    if (entry.Value is YamlScalar { IsNull: true }) break;
                    foreach (var team in Map(path, entry).Entries)
                        teams[team.Key.Value] = ReadMembers(path, team);
                    break;
                case "people":
                    people.AddRange(StringList(path, entry));
                    break;
                default:
                    throw Unknown(path, entry, ConfigKeys.Roster, "roster");
            }
        }

        return (teams, people);
    }

    private static List<string> ReadMembers(string path, YamlEntry team)
    {
        if (team.Value is YamlScalar { IsNull: true }) return [];
        if (team.Value is YamlSequence) return StringList(path, team);
        var members = new List<string>();
        foreach (var entry in Map(path, team).Entries)
        {
            if (!ConfigKeys.Team.Has(YamlMapping.NormalizeKey(entry.Key.Value)))
                throw Unknown(path, entry, ConfigKeys.Team, $"team '{team.Key.Value}'");
            members.AddRange(StringList(path, entry));
        }

        return members;
    }

    private static StatusVocabulary ReadStatuses(string path, YamlEntry? section, StatusVocabulary vocabulary)
    {
        if (section is null || section.Value is YamlScalar { IsNull: true }) return vocabulary;
        RefuseUnknown(path, Map(path, section), ConfigKeys.Statuses, "statuses");
        foreach (var group in Map(path, section).Entries)
        {
            var isAgreement = YamlMapping.NormalizeKey(group.Key.Value) == "agreements";
            if (group.Value is YamlScalar { IsNull: true }) continue;
            var classes = isAgreement ? ConfigKeys.AgreementClasses : ConfigKeys.WorkClasses;
            RefuseUnknown(path, Map(path, group), classes, $"statuses.{group.Key.Value}");
            foreach (var entry in Map(path, group).Entries)
            {
                var words = StringList(path, entry).ToArray();
                switch (isAgreement, YamlMapping.NormalizeKey(entry.Key.Value))
                {
                    case (false, "open"): vocabulary.AddWork(StatusClass.Open, words); break;
                    case (false, "active"): vocabulary.AddWork(StatusClass.Active, words); break;
                    case (false, "blocked"): vocabulary.AddWork(StatusClass.Blocked, words); break;
                    case (false, "closed"): vocabulary.AddWork(StatusClass.Closed, words); break;
                    case (false, "dropped"): vocabulary.AddWork(StatusClass.Closed, dropped: true, words); break;
                    case (true, "proposed"): vocabulary.AddAgreement(StatusClass.Proposed, words); break;
                    case (true, "in-force"): vocabulary.AddAgreement(StatusClass.InForce, words); break;
                    case (true, "retired"): vocabulary.AddAgreement(StatusClass.Retired, words); break;
                    default:
                        throw Unknown(path, entry, classes, $"statuses.{group.Key.Value}");
                }
            }
        }

        return vocabulary;
    }

    /// <summary><c>history: ignore-revs-file:</c> a file of revisions that are no change (relative to the
    /// configuration's folder; it must exist), or <c>false</c> for none; null: git's own (<see cref="History.IgnoreRevs"/>).</summary>
    private static string? ReadHistory(string path, YamlEntry? section)
    {
        if (section is null || section.Value is YamlScalar { IsNull: true }) return null;
        string? result = null;
        RefuseUnknown(path, Map(path, section), ConfigKeys.History, "history");
        foreach (var entry in Map(path, section).Entries)
        {
            var value = Scalar(path, entry) ?? throw Error(path, entry.Value, "'history.ignore-revs-file' needs a file name, or false");
            if (value.Value.Trim() is "false" or "") return "";
            if (value.Value.Trim() == "true") throw Error(path, value, "'history.ignore-revs-file' takes a file name, or false for none");
            var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, value.Value.Trim()));
            if (!File.Exists(file))
                throw Error(path, value, $"'history.ignore-revs-file': '{value.Value.Trim()}' does not exist (it is relative to the configuration's folder)");
            result = file;
        }

        return result;
    }

    /// <summary><c>limits:</c> max-file-size (bytes, or with a unit B, KB, MB, GB, 1024-based), max-yaml-depth
    /// (1 to <see cref="YamlReader.MaxConfigurableDepth"/>), max-items (at least 1).</summary>
    private static (long MaxFileBytes, int MaxYamlDepth, int MaxItems) ReadLimits(string path, YamlEntry? section)
    {
        var result = (MaxFileBytes: BacklogLintConfig.DefaultMaxFileBytes, MaxYamlDepth: YamlReader.MaxDepth, MaxItems: BacklogLintConfig.DefaultMaxItems);
        if (section is null || section.Value is YamlScalar { IsNull: true }) return result;
        RefuseUnknown(path, Map(path, section), ConfigKeys.Limits, "limits");
        foreach (var entry in Map(path, section).Entries)
        {
            var key = YamlMapping.NormalizeKey(entry.Key.Value);
            var value = Scalar(path, entry) ?? throw Error(path, entry.Value, $"'limits.{key}' needs a value");
            switch (key)
            {
                case "max-file-size":
                    result.MaxFileBytes = ParseSize(value.Value)
                        ?? throw Error(path, value, $"'limits.max-file-size' should be a size in bytes or with a unit (B, KB, MB, GB), like 10MB, not '{value.Value}'");
                    break;
                case "max-yaml-depth":
                    result.MaxYamlDepth = ParseInteger(path, value, key, 1, YamlReader.MaxConfigurableDepth);
                    break;
                default:
                    result.MaxItems = ParseInteger(path, value, key, 1, int.MaxValue);
                    break;
            }
        }

        return result;
    }

    private static int ParseInteger(string path, YamlScalar value, string key, int min, int max) =>
        int.TryParse(value.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Error(path, value, $"'limits.{key}' should be a whole number from {min} to {max}, not '{value.Value}'");

    /// <summary>"1048576", "512KB", "10 MB", "1GiB" (units are 1024-based and ignore case); null when not a size.</summary>
    internal static long? ParseSize(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, ConfigKeys.SizePattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
            return null;
        var shift = char.ToLowerInvariant(match.Groups[2].Value.FirstOrDefault()) switch { 'k' => 10, 'm' => 20, 'g' => 30, _ => 0 };
        return number > long.MaxValue >> shift ? null : number << shift;
    }

    private static YamlMapping Map(string path, YamlEntry entry) =>
        entry.Value as YamlMapping ?? throw Error(path, entry.Value, $"'{entry.Key.Value}' should be a map, not {entry.Value.KindName}");

    private static YamlScalar? Scalar(string path, YamlEntry? entry) => entry?.Value switch
    {
        null => null,
        YamlScalar { IsNull: true } => null,
        YamlScalar scalar => scalar,
        var other => throw Error(path, other, $"'{entry.Key.Value}' should be a single value, not {other.KindName}"),
    };

    /// <summary>Where each value of a string or list entry is written.</summary>
    private static List<SourceSpan> ValueSpans(YamlEntry entry) => entry.Value switch
    {
        YamlSequence sequence => [.. sequence.Items.Select(item => item.Span)],
        var value => [value.Span],
    };

    private static List<string> StringList(string path, YamlEntry? entry)
    {
        switch (entry?.Value)
        {
            case null or YamlScalar { IsNull: true }:
                return [];
            case YamlScalar scalar:
                return [scalar.Value];
            case YamlSequence sequence:
                return [.. sequence.Items.Select(item => item is YamlScalar { IsNull: false } value
                    ? value.Value
                    : throw Error(path, item, $"each entry of '{entry.Key.Value}' should be a single value, not {item.KindName}"))];
            default:
                throw Error(path, entry.Value, $"'{entry.Key.Value}' should be a list, not {entry.Value.KindName}");
        }
    }

    private static ConfigurationException Error(string path, YamlNode node, string problem) => new(path, node.Span, problem);

    /// <summary>Refuses a key of <paramref name="map"/> that <paramref name="section"/> does not have
    /// (<paramref name="where"/>: the section as the message names it; null at the top level).</summary>
    private static void RefuseUnknown(string path, YamlMapping map, SectionValue section, string? where)
    {
        foreach (var entry in map.Entries)
            if (!section.Has(YamlMapping.NormalizeKey(entry.Key.Value))) throw Unknown(path, entry, section, where);
    }

    private static ConfigurationException Unknown(string path, YamlEntry entry, SectionValue section, string? where) =>
        Error(path, entry.Key, $"unknown key '{entry.Key.Value}'{(where is null ? "" : " in " + where)} (known: {string.Join(", ", section.Names)})");
}
