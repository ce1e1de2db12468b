using System.Text.Encodings.Web;
using System.Text.Json;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Configuration;

/// <summary>The JSON schema of <c>.backloglint.yml</c>, written from <see cref="ConfigKeys"/> (the keys the loader knows)
/// and the rule descriptors, so that an editor completes every key, rule ID, alias, severity and each rule's options.
/// Shipped as <c>backloglint.schema.json</c> beside the tool; a test keeps the file in the repository in step.</summary>
public static class ConfigSchema
{
    public const string FileName = "backloglint.schema.json";

    /// <summary>The raw file on the default branch: what an editor downloads (a <c>blob</c> page would be HTML).</summary>
    public const string Id = "https://raw.githubusercontent.com/backloglint/backloglint/main/src/BacklogLint.Cli/" + FileName;

    public static string Generate(IReadOnlyList<RuleDescriptor> rules)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("$id", Id);
            json.WriteString("title", "BacklogLint configuration (.backloglint.yml)");
            ConfigKeys.Root.WriteSchema(json, rules);

            json.WriteStartObject("definitions");
            json.WriteStartObject("severity");
            new ChoiceValue([.. Severities.Names]).WriteSchema(json, rules);
            json.WriteEndObject();
            foreach (var rule in rules) RulesValue.WriteDefinition(json, rule);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
