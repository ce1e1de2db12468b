using BacklogLint.Core.Configuration;
using BacklogLint.Testing;
using NJsonSchema;
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

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> Validate(string yaml)
    {
        var schema = await JsonSchema.FromJsonAsync(ConfigSchema.Generate(BuiltInRules.Descriptors));
        var value = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(value);
        return schema.Validate(json);
    }
}
