using System.Text.Json;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Configuration;

/// <summary>One key of <c>.backloglint.yml</c>: its name, what it means and the shape of its value.</summary>
public sealed record ConfigKey(string Name, string? Description, ConfigValue Value);

/// <summary>The shape of a configuration value. Each shape writes its own part of the JSON schema; the loader takes the
/// keys it knows from the same shapes (<see cref="ConfigKeys"/>), so the two cannot disagree about which keys exist.</summary>
public abstract record ConfigValue
{
    /// <summary>Whether the key may be written with nothing under it (a section whose lines are all commented out),
    /// which the loader reads as not set. Maps and lists under a key are.</summary>
    internal bool OrNull { get; init; }

    /// <summary>Writes <c>"type"</c>, with <c>"null"</c> beside it when <see cref="OrNull"/>.</summary>
    private protected void WriteType(Utf8JsonWriter json, string type)
    {
        if (!OrNull)
        {
            json.WriteString("type", type);
            return;
        }

        json.WriteStartArray("type");
        json.WriteStringValue(type);
        json.WriteStringValue("null");
        json.WriteEndArray();
    }

    /// <summary>Writes the schema of the value into an open JSON object.</summary>
    internal abstract void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules);

    internal void WriteAnonymous(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteStartObject();
        WriteSchema(json, rules);
        json.WriteEndObject();
    }
}

/// <summary>A single string, optionally of a form (<paramref name="Pattern"/>, a regular expression both .NET and JSON
/// schema read).</summary>
public sealed record TextValue(string? Pattern = null) : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteString("type", "string");
        if (Pattern is not null) json.WriteString("pattern", Pattern);
    }
}

/// <summary>A list of strings (globs, words, keys); a single string is a list of one.</summary>
public sealed record StringsValue : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteStartArray("oneOf");
        StringArray.WriteAnonymous(json, rules);
        new TextValue().WriteAnonymous(json, rules);
        json.WriteEndArray();
    }

    /// <summary>Only a list of strings.</summary>
    internal static readonly ListValue StringArray = new(new TextValue());
}

/// <summary>true or false.</summary>
public sealed record FlagValue : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules) => json.WriteString("type", "boolean");
}

/// <summary>Exactly <c>false</c>.</summary>
public sealed record FalseValue : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules) => json.WriteBoolean("const", false);
}

/// <summary>Nothing (<c>key:</c> with no value, or <c>null</c>).</summary>
public sealed record NullValue : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules) => json.WriteString("type", "null");
}

/// <summary>One of a fixed set of words.</summary>
public sealed record ChoiceValue(IReadOnlyList<string> Choices) : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteStartArray("enum");
        foreach (var choice in Choices) json.WriteStringValue(choice);
        json.WriteEndArray();
    }
}

/// <summary>A severity: error, warning, suggestion, silent, none.</summary>
public sealed record SeverityValue : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules) => json.WriteString("$ref", "#/definitions/severity");
}

/// <summary>A whole number from <paramref name="Minimum"/> to <paramref name="Maximum"/>.</summary>
public sealed record IntegerValue(long Minimum, long? Maximum = null, long? Default = null) : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", Minimum);
        if (Maximum is { } maximum) json.WriteNumber("maximum", maximum);
        if (Default is { } value) json.WriteNumber("default", value);
    }
}

/// <summary>Any one of <paramref name="Shapes"/>.</summary>
public sealed record OneOfValue(IReadOnlyList<ConfigValue> Shapes, string? Default = null) : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteStartArray("oneOf");
        foreach (var shape in Shapes) shape.WriteAnonymous(json, rules);
        json.WriteEndArray();
        if (Default is not null) json.WriteString("default", Default);
    }
}

/// <summary>A list whose entries have one shape.</summary>
public sealed record ListValue(ConfigValue Items) : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        WriteType(json, "array");
        json.WriteStartObject("items");
        Items.WriteSchema(json, rules);
        json.WriteEndObject();
    }
}

/// <summary>A map of names the user chooses (team names, status words) to values of one shape.</summary>
public sealed record MapValue(ConfigValue Values) : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        WriteType(json, "object");
        json.WriteStartObject("additionalProperties");
        Values.WriteSchema(json, rules);
        json.WriteEndObject();
    }
}

/// <summary>A map with a fixed set of keys: any other key is an error, in the loader as in the schema.</summary>
public sealed record SectionValue(IReadOnlyList<ConfigKey> Keys, IReadOnlyList<string>? Required = null) : ConfigValue
{
    public IEnumerable<string> Names => Keys.Select(key => key.Name);

    public bool Has(string name) => Keys.Any(key => key.Name == name);

    /// <summary>The shape of the value of key <paramref name="name"/>.</summary>
    public ConfigValue this[string name] => Keys.First(key => key.Name == name).Value;

    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        WriteType(json, "object");
        json.WriteBoolean("additionalProperties", false);
        if (Required is { Count: > 0 })
        {
            json.WriteStartArray("required");
            foreach (var name in Required) json.WriteStringValue(name);
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        foreach (var key in Keys)
        {
            json.WriteStartObject(key.Name);
            if (key.Description is not null) json.WriteString("description", key.Description);
            (key.Value is SectionValue or MapValue or ListValue or RulesValue ? key.Value with { OrNull = true } : key.Value).WriteSchema(json, rules);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}

/// <summary>Per rule, by ID or alias: a severity, or a map with severity and the rule's options. The keys are the rules
/// the run knows, so the schema names them from the descriptors (and a pack's or policy's own IDs by pattern).</summary>
public sealed record RulesValue : ConfigValue
{
    internal override void WriteSchema(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        WriteType(json, "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        foreach (var rule in rules)
        {
            foreach (var name in new[] { rule.Id, rule.Alias })
            {
                json.WriteStartObject(name);
                json.WriteString("$ref", $"#/definitions/{rule.Id}");
                json.WriteEndObject();
            }
        }

        json.WriteEndObject();
        // A rule pack's or a policy's rules are known only once loaded: their IDs are their own, never BL.
        json.WriteStartObject("patternProperties");
        json.WriteStartObject(RuleDescriptor.OwnIdPattern);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The definition of one rule's settings, which <see cref="WriteSchema"/> refers to.</summary>
    internal static void WriteDefinition(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject(rule.Id);
        json.WriteString("description", $"{rule.Id} ({rule.Alias}): {rule.Title}. Default severity: {rule.DefaultSeverity.ToName()}. {rule.HelpUri}");
        json.WriteStartArray("oneOf");
        json.WriteStartObject();
        json.WriteString("$ref", "#/definitions/severity");
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        json.WriteStartObject("severity");
        json.WriteString("$ref", "#/definitions/severity");
        json.WriteEndObject();
        foreach (var option in rule.Options)
        {
            json.WriteStartObject(option.Name);
            json.WriteString("description", $"{option.Description} Default: {option.FormatDefault()}.");
            option.WriteSchema(json);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

/// <summary>The configuration format, key by key: the one description that <see cref="ConfigLoader"/> takes its known
/// keys from and <see cref="ConfigSchema"/> writes the JSON schema from. A key added here is in both; a key the loader
/// reads that is not here is refused by it as unknown.</summary>
public static class ConfigKeys
{
    /// <summary>A size in bytes, or with a unit B, KB, MB, GB (1024-based; <c>KiB</c> too), in any case.</summary>
    public const string SizePattern = @"^\s*(\d{1,19})\s*([kKmMgG][iI]?[bB]|[bB])?\s*$";

    private static readonly StringsValue Strings = new();
    private static readonly MapValue WordToText = new(new TextValue());

    public static SectionValue Limits { get; } = new([
        new("max-file-size", "Markdown files larger than this are not read; an item that large is reported (BL0501). Bytes, or with a unit B, KB, MB, GB (1024-based). Default: 10MB.",
            new OneOfValue([new IntegerValue(1), new TextValue(SizePattern)], Default: "10MB")),
        new("max-yaml-depth", $"Front matter nested deeper than this is refused (BL0501). Default: {Parsing.YamlReader.MaxDepth}.",
            new IntegerValue(1, Parsing.YamlReader.MaxConfigurableDepth, Parsing.YamlReader.MaxDepth)),
        new("max-items", $"More work items than this stop the run with one error (exit code 2). Default: {BacklogLintConfig.DefaultMaxItems}.",
            new IntegerValue(1, int.MaxValue, BacklogLintConfig.DefaultMaxItems)),
    ]);

    public static SectionValue History { get; } = new([
        new("ignore-revs-file", "A file of commits that are no change (one revision per line, # comments), relative to this file; false for none. Default: git's blame.ignoreRevsFile, else .git-blame-ignore-revs at the repository's root.",
            new OneOfValue([new TextValue(), new FalseValue()])),
    ]);

    public static SectionValue Team { get; } = new([new("members", "The team's people (@login).", Strings)]);

    public static SectionValue Roster { get; } = new([
        new("teams", null, new MapValue(new OneOfValue([Team, StringsValue.StringArray, new NullValue()]))),
        new("people", "People who are in no team (@login).", Strings),
    ]);

    /// <summary>Task and epic status classes (<c>dropped</c> is closed and remembered as dropped).</summary>
    public static SectionValue WorkClasses { get; } = Words("open", "active", "blocked", "closed", "dropped");

    public static SectionValue AgreementClasses { get; } = Words("proposed", "in-force", "retired");

    public static SectionValue Statuses { get; } = new([new("work", null, WorkClasses), new("agreements", null, AgreementClasses)]);

    public static SectionValue Lifecycle { get; } = new([
        new("final", "Statuses of settled records: never stale, no owner needed, no time limit.", Strings),
        new("owner-optional", "Statuses whose items need no owner yet (work is assigned at pick-up).", Strings),
        new("parties-optional", "Statuses whose records name who agrees later (a provisional KEP).", Strings),
        new("limits", "Status word → how long an item may hold it with no real change (90d, 12w, 6m, 1y).", new MapValue(new TextValue(Period.Syntax))),
        new("deadlines", "Status word → the key holding the date it ends, or 'status' for dates written in the status.", WordToText),
        new("needs", "Status word → a key a record in that status must have (withdrawal-reason, superseded-by).", WordToText),
    ]);

    public static SectionValue StatusList { get; } = new([
        new("path", null, new TextValue()),
        new("key", null, new TextValue()),
        new("prefix", "The id prefix when the file does not set one (Backlog.md: task).", new TextValue()),
        new("prefix-key", "The key of the repository's id prefix in the same file (Backlog.md: task_prefix).", new TextValue()),
    ]);

    public static SectionValue Format { get; } = new([
        new("items", "Globs of the item files when 'items' is not set.", Strings),
        new("agreements", "Globs of the files whose items are agreements unless their type says otherwise.", Strings),
        new("archived", "Globs of the files whose items were set aside: unfinished ones are read as dropped, agreements as retired.", Strings),
        new("templates", "Globs of template files: never items, but links to them resolve.", Strings),
        new("documents", "Globs of Markdown files that belong to the item beside them (a KEP's README.md): their links are checked as the item's.", Strings),
        new("lifecycle", "What the format's process says of status words, besides their class.", Lifecycle),
        new("default-status", "The status of an item that writes none.", new TextValue()),
        new("parties-required", "Whether every agreement must name its parties (BL0102); false where the format's parties key is optional.", new FlagValue()),
        new("bare-mentions", "Read a bare '@name' value as if quoted, as Backlog.md does.", new FlagValue()),
        new("external-links", "Regular expressions of link targets the repository's build rewrites to another repository: not checked.", Strings),
        new("external-ids", "Regular expressions of ids that live in another repository: references to them are not missing.", Strings),
        new("metadata", "Where the keys are, in order of precedence: YAML front matter, 'Key: value' lines at the top of the body, headings named after a key (## Status), or the whole file as YAML.",
            new ListValue(new ChoiceValue([.. ConfigLoader.MetadataNames.Keys]))),
        new("fields", "Per model key: the keys this format writes for it (compared by letters and digits, ignoring case).",
            new SectionValue([.. Dialects.ItemFormat.CanonicalKeys.Select(key => new ConfigKey(key, $"Keys that mean '{key}'.", Strings))])),
        new("values", "Per model key: how its values are read. people: 'Name (@handle)' → @handle, 'Name <mail>' → the mail.",
            new SectionValue([.. Dialects.ItemFormat.CanonicalKeys.Select(key => new ConfigKey(key, null, new ChoiceValue([.. ConfigLoader.ValueReaderNames.Keys])))])),
        new("id-from", "The id of an item with no id key: the file name, the number it starts with, or the number its folder starts with.",
            new ChoiceValue([.. ConfigLoader.IdSourceNames.Keys])),
        new("id-aliases", "Old id prefix → current prefix, so that references written with the old one resolve (task- → BACK-).", WordToText),
        new("statuses", "Status words this format adds, by status class.", Statuses),
        new("status-list", "A repository file listing status words in workflow order: a new word is open when first, closed when last, active otherwise.", StatusList),
    ]);

    public static SectionValue PolicyWhen { get; } = new([
        new("type", "task, epic or agreement.", Strings),
        new("status", "Status words as the items write them.", Strings),
    ]);

    public static SectionValue Policy { get; } = new(
        [
            new("id", null, new TextValue(RuleDescriptor.OwnIdPattern)),
            new("alias", null, new TextValue()),
            new("title", null, new TextValue()),
            new("severity", null, new SeverityValue()),
            new("help", null, new TextValue()),
            new("when", "Which items: type (task, epic, agreement) and status words.", PolicyWhen),
            new("require", "Keys that must have a value.", Strings),
            new("one-of", "Key: the values it may have.", new MapValue(Strings)),
            new("match", "Key: a regular expression its value must match.", new MapValue(new TextValue())),
        ],
        Required: ["id", "title"]);

    /// <summary>One entry of <c>overrides:</c>: rule settings for the files its globs match.</summary>
    public static SectionValue Override { get; } = new(
        [
            new("files", "Globs of the files this override is for, relative to this file's folder.", Strings),
            new("rules", "Per rule, by ID or alias: a severity, or a map with severity and options, for findings in those files.", new RulesValue()),
        ],
        Required: ["files"]);

    public static SectionValue Root { get; } = new([
        new("items", "Globs of the work-item files, relative to the checked folder. Default: every Markdown file whose front matter has id, status, owner or type.", Strings),
        new("ignore", "Globs of files that are never read.", Strings),
        new("dialect", "The format of the work items: a built-in dialect (README, Dialects). 'format' changes it.", new ChoiceValue([.. Dialects.BuiltInDialects.Names])),
        new("format", "How the items are written, over the dialect's own format: lists replace the dialect's, maps add to it.", Format),
        new("roster", "Who exists. Without a roster, every party named in the items and in CODEOWNERS is known.", Roster),
        new("statuses", "Extra status words, by status class.", Statuses),
        new("require-suppression-reason", "Report suppressions that give no reason (turns on the suppression-without-reason rule as a warning).", new FlagValue()),
        new("limits", "Safety limits for hostile or oversized input.", Limits),
        new("history", "How git history dates items.", History),
        new("rule-packs", "The team's own rules: assembly paths or .nupkg paths (relative to this file), or Package@Version from the NuGet packages folder.", Strings),
        new("policies", "Rules declared here: items matching 'when' must have the keys 'require' names, keep keys to 'one-of' values or to 'match' patterns.", new ListValue(Policy)),
        new("rules", "Per rule, by ID or alias: a severity, or a map with severity and the rule's options.", new RulesValue()),
        new("overrides", "Rule settings for some files (archives, templates): each entry's 'rules' apply to the findings in the files its 'files' globs match; later entries win.", new ListValue(Override)),
    ]);

    private static SectionValue Words(params string[] classes) =>
        new([.. classes.Select(name => new ConfigKey(name, $"Words that mean '{name}'.", Strings))]);
}
