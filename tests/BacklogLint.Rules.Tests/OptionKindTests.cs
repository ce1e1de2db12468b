using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace BacklogLint.Rules.Tests;

/// <summary>Every kind of rule option (a count, a period, text, a list, a map) is read by the loader and described by
/// the schema alike: what one accepts the other accepts, what one refuses the other refuses.</summary>
public sealed class OptionKindTests
{
    private static readonly RuleDescriptor Policy = new("BL8800", "policy", "A policy", "{0}", RuleCategory.Format, Severity.Warning)
    {
        Options =
        [
            new CountOption("limit", "How many.", 3),
            new PeriodOption("within", "How long.", new Period(30, PeriodUnit.Day)),
            new TextOption("prefix", "An id prefix.", "PAY", pattern: "^[A-Z]+$"),
            new ListOption("statuses", "Allowed statuses.", ["todo", "done"]),
            new MapOption("limits", "Per status.", new Dictionary<string, string>()),
        ],
    };

    private static readonly IReadOnlyList<RuleDescriptor> Rules = [.. BuiltInRules.Descriptors, Policy];

    [Theory]
    [InlineData("rules:\n  BL8800: { limit: 5, within: 12w, prefix: OPS, statuses: [open, closed], limits: { Draft: 6m } }")]
    [InlineData("rules:\n  policy: { statuses: open }")]
    [InlineData("rules:\n  policy: { limits: {} }")]
    public async Task Accepted_by_both(string yaml)
    {
        (await Validate(yaml)).ShouldBeEmpty();
        var settings = new ConfigLoader(Rules).Parse(".backloglint.yml", yaml).Rules["BL8800"];
        settings.Options.Keys.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("rules:\n  BL8800: { prefix: ops }")]
    [InlineData("rules:\n  BL8800: { statuses: [open, [nested]] }")]
    [InlineData("rules:\n  BL8800: { limits: [Draft] }")]
    [InlineData("rules:\n  BL8800: { limits: { Draft: [6m] } }")]
    [InlineData("rules:\n  BL8800: { limits: { Draft: } }")]
    [InlineData("rules:\n  BL8800: { statuses: [open, ~] }")]
    [InlineData("rules:\n  BL8800: { limit: [1] }")]
    [InlineData("rules:\n  BL8800: { within: soon }")]
    public async Task Refused_by_both(string yaml)
    {
        (await Validate(yaml)).ShouldNotBeEmpty();
        Should.Throw<ConfigurationException>(() => new ConfigLoader(Rules).Parse(".backloglint.yml", yaml));
    }

    [Fact]
    public void Values_are_read_as_their_kind()
    {
        var options = new ConfigLoader(Rules).Parse(".backloglint.yml",
            "rules:\n  BL8800: { prefix: OPS, statuses: [open, closed], limits: { Draft: 6m, Review: 6m } }").Rules["BL8800"].Options;

        options["prefix"].ShouldBe("OPS");
        options["statuses"].ShouldBe(new[] { "open", "closed" });
        ((IReadOnlyDictionary<string, string>)options["limits"]).ShouldBe(new Dictionary<string, string> { ["Draft"] = "6m", ["Review"] = "6m" });
    }

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> Validate(string yaml)
    {
        var schema = await JsonSchema.FromJsonAsync(ConfigSchema.Generate(Rules));
        var value = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        return schema.Validate(new SerializerBuilder().JsonCompatible().Build().Serialize(value));
    }
}
