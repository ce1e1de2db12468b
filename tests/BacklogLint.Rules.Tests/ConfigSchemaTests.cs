using BacklogLint.Core.Configuration;
using BacklogLint.Testing;
using System.Text.Json;
using NJsonSchema;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace BacklogLint.Rules.Tests;

/// <summary>The shipped configuration schema is generated from the descriptors (with
/// <c>BACKLOGLINT_UPDATE_DOCS=1</c> the test rewrites it), and every configuration in the repository validates.</summary>
public sealed class ConfigSchemaTests
{
    private static readonly string SchemaPath = SourceTree.PathOf("src", "BacklogLint.Cli", ConfigSchema.FileName);

    public static TheoryData<string> Configurations() =>
        [.. Directory.EnumerateFiles(SourceTree.PathOf("tests"), ".backloglint.yml", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            // The bad-input corpus is wrong on purpose; its configurations are checked end to end by BadInputCorpusTests.
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}BadInput{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(SourceTree.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Shipped_schema_matches_the_descriptors()
    {
        var expected = ConfigSchema.Generate(BuiltInRules.Descriptors);
        var actual = File.Exists(SchemaPath) ? File.ReadAllText(SchemaPath) : "";

        if (Environment.GetEnvironmentVariable("BACKLOGLINT_UPDATE_DOCS") == "1" && actual != expected)
            File.WriteAllText(SchemaPath, expected);
        else
            actual.ShouldBe(expected, "backloglint.schema.json is out of date: run the tests with BACKLOGLINT_UPDATE_DOCS=1");
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task Repository_configuration_is_valid_by_the_schema_and_by_the_loader(string relativePath)
    {
        var path = SourceTree.PathOf(relativePath);

        var errors = await Validate(File.ReadAllText(path));

        errors.ShouldBeEmpty();
        Should.NotThrow(() => new ConfigLoader(BuiltInRules.Descriptors).Load(path));
    }

    [Theory]
    [InlineData("rulez: {}")]
    [InlineData("rules:\n  BL9999: error")]
    [InlineData("rules:\n  BL0301: { days: soon }")]
    [InlineData("rules:\n  stale-agreement: { max-age: quarterly }")]
    [InlineData("rules:\n  BL0001: loud")]
    [InlineData("rules:\n  BL0001: { severity: error, days: 3 }")]
    [InlineData("dialect: jira")]
    public async Task Invalid_configuration_is_refused_by_the_schema_as_by_the_loader(string yaml)
    {
        var errors = await Validate(yaml);

        errors.ShouldNotBeEmpty();
        Should.Throw<ConfigurationException>(() => new ConfigLoader(BuiltInRules.Descriptors).Parse(".backloglint.yml", yaml));
    }

    /// <summary>A configuration with every key of the format (<see cref="ConfigKeys"/>), which the loader and the schema
    /// both accept (it is one of <see cref="Configurations"/>).</summary>
    private static readonly string EveryKeyPath = SourceTree.PathOf("tests", "BacklogLint.Rules.Tests", "Configuration", "every-key", ".backloglint.yml");

    [Fact]
    public void Every_key_of_the_schema_is_in_the_every_key_configuration()
    {
        using var schema = JsonDocument.Parse(ConfigSchema.Generate(BuiltInRules.Descriptors));
        var keys = new List<string[]>();
        SchemaKeys(schema.RootElement, [], keys);
        var configuration = LoadYaml(File.ReadAllText(EveryKeyPath));

        keys.Count.ShouldBeGreaterThan(50);
        keys.Where(key => !Has(configuration, key)).Select(key => string.Join('.', key)).ShouldBeEmpty(
            "keys of the schema that Configuration/every-key/.backloglint.yml does not use: add them there");
    }

    /// <summary>The loader and the schema know the same keys in every map: one more key anywhere is refused by both,
    /// or accepted by both where the map's keys are the user's own (team names, status words).</summary>
    [Fact]
    public async Task A_key_added_to_any_map_is_judged_alike_by_the_loader_and_the_schema()
    {
        var text = File.ReadAllText(EveryKeyPath);
        var count = Mappings(LoadYaml(text)).Count();
        var disagreements = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var document = LoadYamlStream(text);
            var map = Mappings(document.Documents[0].RootNode).ElementAt(i);
            map.Add("zz-unknown-key", "x");
            using var writer = new StringWriter();
            document.Save(writer, assignAnchors: false);
            var yaml = writer.ToString();

            var schemaAccepts = (await Validate(yaml)).Count == 0;
            var loaderAccepts = true;
            try
            {
                new ConfigLoader(BuiltInRules.Descriptors).Parse(".backloglint.yml", yaml);
            }
            catch (ConfigurationException)
            {
                loaderAccepts = false;
            }

            if (schemaAccepts != loaderAccepts)
                disagreements.Add($"map {i} ({map.Start}): the schema {(schemaAccepts ? "accepts" : "refuses")}, the loader {(loaderAccepts ? "accepts" : "refuses")} one more key");
        }

        disagreements.ShouldBeEmpty();
    }

    [Fact]
    public void Every_top_level_key_of_the_schema_is_a_key_of_the_loader()
    {
        using var schema = JsonDocument.Parse(ConfigSchema.Generate(BuiltInRules.Descriptors));
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        properties.ShouldBe(ConfigKeys.Root.Names.ToList());
        foreach (var key in properties)
        {
            var exception = Should.Throw<ConfigurationException>(() => new ConfigLoader(BuiltInRules.Descriptors).Parse(".backloglint.yml", "nonsense-key: 1\n" + key + ":\n"));
            exception.Problem.ShouldStartWith("unknown key 'nonsense-key'");
            exception.Problem.ShouldContain(key);
        }
    }

    /// <summary>Every key path the schema describes; <c>*</c> for a name of the user's own, <c>[]</c> for a list's entry.
    /// The rules' own keys (IDs, aliases, options) come from the descriptors and are left out.</summary>
    private static void SchemaKeys(JsonElement schema, string[] path, List<string[]> keys)
    {
        if (schema.ValueKind != JsonValueKind.Object) return;
        if (schema.TryGetProperty("properties", out var properties) && path.LastOrDefault() != "rules")
        {
            foreach (var property in properties.EnumerateObject())
            {
                keys.Add([.. path, property.Name]);
                SchemaKeys(property.Value, [.. path, property.Name], keys);
            }
        }

        if (schema.TryGetProperty("items", out var items)) SchemaKeys(items, [.. path, "[]"], keys);
        if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object) SchemaKeys(values, [.. path, "*"], keys);
        if (schema.TryGetProperty("oneOf", out var branches))
            foreach (var branch in branches.EnumerateArray()) SchemaKeys(branch, path, keys);
    }

    private static bool Has(YamlNode node, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty) return true;
        var rest = path[1..].ToArray();
        return (node, path[0]) switch
        {
            (YamlSequenceNode sequence, "[]") => sequence.Children.Any(item => Has(item, rest)),
            (YamlMappingNode map, "*") => map.Children.Values.Any(value => Has(value, rest)),
            (YamlMappingNode map, var key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) && Has(value, rest),
            _ => false,
        };
    }

    private static IEnumerable<YamlMappingNode> Mappings(YamlNode node) => node switch
    {
        YamlMappingNode map => [map, .. map.Children.Values.SelectMany(Mappings)],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Mappings),
        _ => [],
    };

    private static YamlNode LoadYaml(string text) => LoadYamlStream(text).Documents[0].RootNode;

    private static YamlStream LoadYamlStream(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> Validate(string yaml)
    {
        var schema = await JsonSchema.FromJsonAsync(ConfigSchema.Generate(BuiltInRules.Descriptors));
        var value = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(value);
        return schema.Validate(json);
    }
}
