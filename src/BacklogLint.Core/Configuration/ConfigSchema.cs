using System.Text.Encodings.Web;
using System.Text.Json;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Configuration;

/// <summary>The JSON schema of <c>.backloglint.yml</c>, generated from the rule descriptors so that an editor
/// completes rule IDs, aliases, severities and each rule's options. Shipped as <c>backloglint.schema.json</c>; a test
/// keeps the shipped file in step.</summary>
public static class ConfigSchema
{
    public const string FileName = "backloglint.schema.json";
    public const string Id = "https://github.com/backloglint/backloglint/blob/main/src/BacklogLint.Cli/" + FileName;

    public static string Generate(IReadOnlyList<RuleDescriptor> rules)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("$id", Id);
            json.WriteString("title", "BacklogLint configuration (.backloglint.yml)");
            json.WriteString("type", "object");
            json.WriteBoolean("additionalProperties", false);
            json.WriteStartObject("properties");
            StringList(json, "items", "Globs of the work-item files, relative to the checked folder. Default: every Markdown file whose front matter has id, status, owner or type.");
            StringList(json, "ignore", "Globs of files that are never read.");
            json.WriteStartObject("dialect");
            json.WriteString("description", "The format of the work items: a built-in dialect (README, Dialects). 'format' changes it.");
            Enum(json, Dialects.BuiltInDialects.Names);
            json.WriteEndObject();
            Format(json);
            Roster(json);
            OpenClosedMap(json, "statuses", "Extra status words, by status class.");
            StatusClasses(json);
            json.WriteStartObject("require-suppression-reason");
            json.WriteString("description", "Report suppressions that give no reason (turns on the suppression-without-reason rule as a warning).");
            json.WriteString("type", "boolean");
            json.WriteEndObject();
            Limits(json);
            History(json);
            StringList(json, "rule-packs", "The team's own rules: assembly paths or .nupkg paths (relative to this file), or Package@Version from the NuGet packages folder.");
            Policies(json);
            OpenClosedMap(json, "rules", "Per rule, by ID or alias: a severity, or a map with severity and the rule's options.");
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
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("definitions");
            json.WriteStartObject("severity");
            Enum(json, Severities.Names);
            json.WriteEndObject();
            foreach (var rule in rules) Rule(json, rule);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Rule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject(rule.Id);
        json.WriteString("description", $"{rule.Id} ({rule.Alias}): {rule.Title}. Default severity: {rule.DefaultSeverity.ToName()}. {rule.HelpUri}");
        json.WriteStartArray("oneOf");
        json.WriteStartObject();
        json.WriteString("$ref", "#/definitions/severity");
        json.WriteEndObject();
        OpenClosedMap(json, null);
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

    private static void Roster(Utf8JsonWriter json)
    {
        OpenClosedMap(json, "roster", "Who exists. Without a roster, every party named in the items and in CODEOWNERS is known.");
        json.WriteStartObject("teams");
        json.WriteString("type", "object");
        json.WriteStartObject("additionalProperties");
        json.WriteStartArray("oneOf");
        OpenClosedMap(json, null);
        StringList(json, "members", "The team's people (@login).");
        json.WriteEndObject();
        json.WriteEndObject();
        StringArray(json);
        json.WriteStartObject();
        json.WriteString("type", "null");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        StringList(json, "people", "People who are in no team (@login).");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Policies(Utf8JsonWriter json)
    {
        json.WriteStartObject("policies");
        json.WriteString("description", "Rules declared here: items matching 'when' must have the keys 'require' names, keep keys to 'one-of' values or to 'match' patterns.");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartArray("required");
        json.WriteStringValue("id");
        json.WriteStringValue("title");
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteStartObject("id");
        json.WriteString("type", "string");
        json.WriteString("pattern", RuleDescriptor.OwnIdPattern);
        json.WriteEndObject();
        foreach (var key in new[] { "alias", "title", "help" })
        {
            json.WriteStartObject(key);
            json.WriteString("type", "string");
            json.WriteEndObject();
        }

        json.WriteStartObject("severity");
        json.WriteString("$ref", "#/definitions/severity");
        json.WriteEndObject();
        OpenClosedMap(json, "when", "Which items: type (task, epic, agreement) and status words.");
        StringList(json, "type", "task, epic or agreement.");
        StringList(json, "status", "Status words as the items write them.");
        json.WriteEndObject();
        json.WriteEndObject();
        StringList(json, "require", "Keys that must have a value.");
        foreach (var (key, description, valueTypes) in new[] { ("one-of", "Key: the values it may have.", new[] { "array", "string" }), ("match", "Key: a regular expression its value must match.", ["string"]) })
        {
            json.WriteStartObject(key);
            json.WriteString("description", description);
            json.WriteString("type", "object");
            json.WriteStartObject("additionalProperties");
            json.WriteStartArray("type");
            foreach (var type in valueTypes) json.WriteStringValue(type);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void History(Utf8JsonWriter json)
    {
        OpenClosedMap(json, "history", "How git history dates items.");
        json.WriteStartObject("ignore-revs-file");
        json.WriteString("description", "A file of commits that are no change (one revision per line, # comments), relative to this file; false for none. Default: git's blame.ignoreRevsFile, else .git-blame-ignore-revs at the repository's root.");
        json.WriteStartArray("oneOf");
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteBoolean("const", false);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Limits(Utf8JsonWriter json)
    {
        OpenClosedMap(json, "limits", "Safety limits for hostile or oversized input.");
        json.WriteStartObject("max-file-size");
        json.WriteString("description", "Markdown files larger than this are not read; an item that large is reported (BL0501). Bytes, or with a unit B, KB, MB, GB (1024-based). Default: 10MB.");
        json.WriteStartArray("oneOf");
        json.WriteStartObject();
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 1);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteString("pattern", @"^\s*\d{1,19}\s*([kKmMgG][iI]?[bB]|[bB])?\s*$");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("default", "10MB");
        json.WriteEndObject();
        json.WriteStartObject("max-yaml-depth");
        json.WriteString("description", $"Front matter nested deeper than this is refused (BL0501). Default: {Parsing.YamlReader.MaxDepth}.");
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 1);
        json.WriteNumber("maximum", Parsing.YamlReader.MaxConfigurableDepth);
        json.WriteNumber("default", Parsing.YamlReader.MaxDepth);
        json.WriteEndObject();
        json.WriteStartObject("max-items");
        json.WriteString("description", $"More work items than this stop the run with one error (exit code 2). Default: {BacklogLintConfig.DefaultMaxItems}.");
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 1);
        json.WriteNumber("default", BacklogLintConfig.DefaultMaxItems);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Format(Utf8JsonWriter json)
    {
        OpenClosedMap(json, "format", "How the items are written, over the dialect's own format: lists replace the dialect's, maps add to it.");
        StringList(json, "items", "Globs of the item files when 'items' is not set.");
        StringList(json, "agreements", "Globs of the files whose items are agreements unless their type says otherwise.");
        StringList(json, "archived", "Globs of the files whose items were set aside: unfinished ones are read as dropped, agreements as retired.");
        StringList(json, "templates", "Globs of template files: never items, but links to them resolve.");
        StringList(json, "documents", "Globs of Markdown files that belong to the item beside them (a KEP's README.md): their links are checked as the item's.");
        OpenClosedMap(json, "lifecycle", "What the format's process says of status words, besides their class.");
        StringList(json, "final", "Statuses of settled records: never stale, no owner needed, no time limit.");
        StringList(json, "owner-optional", "Statuses whose items need no owner yet (work is assigned at pick-up).");
        StringList(json, "parties-optional", "Statuses whose records name who agrees later (a provisional KEP).");
        WordMap(json, "limits", "Status word → how long an item may hold it with no real change (90d, 12w, 6m, 1y).");
        WordMap(json, "deadlines", "Status word → the key holding the date it ends, or 'status' for dates written in the status.");
        WordMap(json, "needs", "Status word → a key a record in that status must have (withdrawal-reason, superseded-by).");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("default-status");
        json.WriteString("description", "The status of an item that writes none.");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject("parties-required");
        json.WriteString("description", "Whether every agreement must name its parties (BL0102); false where the format's parties key is optional.");
        json.WriteString("type", "boolean");
        json.WriteEndObject();
        json.WriteStartObject("bare-mentions");
        json.WriteString("description", "Read a bare '@name' value as if quoted, as Backlog.md does.");
        json.WriteString("type", "boolean");
        json.WriteEndObject();
        StringList(json, "external-links", "Regular expressions of link targets the repository's build rewrites to another repository: not checked.");
        StringList(json, "external-ids", "Regular expressions of ids that live in another repository: references to them are not missing.");
        json.WriteStartObject("metadata");
        json.WriteString("description", "Where the keys are, in order of precedence: YAML front matter, 'Key: value' lines at the top of the body, headings named after a key (## Status), or the whole file as YAML.");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        Enum(json, ConfigLoader.MetadataNames.Keys);
        json.WriteEndObject();
        json.WriteEndObject();
        OpenClosedMap(json, "fields", "Per model key: the keys this format writes for it (compared by letters and digits, ignoring case).");
        foreach (var key in Dialects.ItemFormat.CanonicalKeys) StringList(json, key, $"Keys that mean '{key}'.");
        json.WriteEndObject();
        json.WriteEndObject();
        OpenClosedMap(json, "values", "Per model key: how its values are read. people: 'Name (@handle)' → @handle, 'Name <mail>' → the mail.");
        foreach (var key in Dialects.ItemFormat.CanonicalKeys)
        {
            json.WriteStartObject(key);
            Enum(json, ConfigLoader.ValueReaderNames.Keys);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("id-from");
        json.WriteString("description", "The id of an item with no id key: the file name, the number it starts with, or the number its folder starts with.");
        Enum(json, ConfigLoader.IdSourceNames.Keys);
        json.WriteEndObject();
        json.WriteStartObject("id-aliases");
        json.WriteString("description", "Old id prefix → current prefix, so that references written with the old one resolve (task- → BACK-).");
        json.WriteString("type", "object");
        json.WriteStartObject("additionalProperties");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
        OpenClosedMap(json, "statuses", "Status words this format adds, by status class.");
        StatusClasses(json);
        OpenClosedMap(json, "status-list", "A repository file listing status words in workflow order: a new word is open when first, closed when last, active otherwise.");
        json.WriteStartObject("path");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject("key");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject("prefix");
        json.WriteString("description", "The id prefix when the file does not set one (Backlog.md: task).");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject("prefix-key");
        json.WriteString("description", "The key of the repository's id prefix in the same file (Backlog.md: task_prefix).");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A map of status words to strings.</summary>
    private static void WordMap(Utf8JsonWriter json, string name, string description)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("type", "object");
        json.WriteStartObject("additionalProperties");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The properties of a statuses map (work and agreement classes), closing it.</summary>
    private static void StatusClasses(Utf8JsonWriter json)
    {
        foreach (var (group, classes) in new[] { ("work", new[] { "open", "active", "blocked", "closed", "dropped" }), ("agreements", ["proposed", "in-force", "retired"]) })
        {
            OpenClosedMap(json, group);
            foreach (var name in classes) StringList(json, name, $"Words that mean '{name}'.");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void StringList(Utf8JsonWriter json, string name, string description)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteStartArray("oneOf");
        StringArray(json);
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><c>{"type": "array", "items": {"type": "string"}}</c>.</summary>
    private static void StringArray(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Enum(Utf8JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartArray("enum");
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>Opens a map that allows only the properties written next (close it and its <c>properties</c> with two
    /// <c>WriteEndObject</c>): <c>{"description": …, "type": "object", "additionalProperties": false, "properties": {</c>.
    /// A null <paramref name="name"/> opens an array element.</summary>
    private static void OpenClosedMap(Utf8JsonWriter json, string? name, string? description = null)
    {
        if (name is null) json.WriteStartObject();
        else json.WriteStartObject(name);
        if (description is not null) json.WriteString("description", description);
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
    }
}
