using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Analysis;

/// <summary>A named, typed setting of a rule, with its default; configuration sets it under the rule's key. Each kind
/// reads its own YAML and writes its own part of the configuration schema, so the loader and the schema cannot
/// disagree about it.</summary>
public abstract class RuleOption(string name, string description)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>How the value is written, for documentation: integer, period, text, list, map.</summary>
    public abstract string ValueKind { get; }

    public abstract object DefaultValue { get; }

    /// <summary>Reads a configured scalar; on failure <paramref name="problem"/> says what was expected.</summary>
    public abstract bool TryParse(string text, out object value, out string problem);

    /// <summary>Reads a configured value as written in YAML; a scalar by default (<see cref="TryParse"/>).</summary>
    public virtual bool TryRead(YamlNode node, out object value, out string problem)
    {
        if (node is YamlScalar scalar) return TryParse(scalar.Value, out value, out problem);
        value = DefaultValue;
        problem = $"'{Name}' takes a single value, not {node.KindName}";
        return false;
    }

    /// <summary>Writes the JSON schema of the value (type, pattern, default) into the option's open object.</summary>
    public abstract void WriteSchema(Utf8JsonWriter json);

    public virtual string FormatDefault() => Convert.ToString(DefaultValue, CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A <see cref="RuleOption"/> whose value has type <typeparamref name="T"/>.</summary>
public abstract class RuleOption<T>(string name, string description, T defaultValue) : RuleOption(name, description)
    where T : notnull
{
    public T Default { get; } = defaultValue;

    public override object DefaultValue => Default;
}

/// <summary>A whole number of at least zero, such as a number of days.</summary>
public sealed class CountOption(string name, string description, int defaultValue)
    : RuleOption<int>(name, description, defaultValue)
{
    public override string ValueKind => "integer";

    public override bool TryParse(string text, out object value, out string problem)
    {
        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        value = number;
        problem = ok ? "" : $"'{Name}' takes a whole number of at least 0, not '{text}'";
        return ok;
    }

    public override void WriteSchema(Utf8JsonWriter json)
    {
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 0);
        json.WriteNumber("default", Default);
    }
}

/// <summary>A <see cref="Period"/> such as <c>180d</c>.</summary>
public sealed class PeriodOption(string name, string description, Period defaultValue)
    : RuleOption<Period>(name, description, defaultValue)
{
    public override string ValueKind => "period";

    public override bool TryParse(string text, out object value, out string problem)
    {
        var ok = Period.TryParse(text, out var period);
        value = period;
        problem = ok ? "" : $"'{Name}' takes a period such as 90d, 12w, 6m or 1y, not '{text}'";
        return ok;
    }

    public override void WriteSchema(Utf8JsonWriter json)
    {
        json.WriteString("type", "string");
        json.WriteString("pattern", Period.Syntax);
        json.WriteString("default", FormatDefault());
    }
}

/// <summary>Text, optionally of a given form (<paramref name="pattern"/>, a .NET regular expression that JSON schema
/// validators read too: keep to the common subset).</summary>
public sealed class TextOption(string name, string description, string defaultValue, string? pattern = null)
    : RuleOption<string>(name, description, defaultValue)
{
    public override string ValueKind => "text";

    public override bool TryParse(string text, out object value, out string problem)
    {
        var ok = pattern is null || Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        value = text;
        problem = ok ? "" : $"'{Name}' takes text of the form {pattern}, not '{text}'";
        return ok;
    }

    public override void WriteSchema(Utf8JsonWriter json)
    {
        json.WriteString("type", "string");
        if (pattern is not null) json.WriteString("pattern", pattern);
        json.WriteString("default", Default);
    }
}

/// <summary>A list of words or names (<c>[Draft, Review]</c>); a single value is a list of one.</summary>
public sealed class ListOption(string name, string description, IReadOnlyList<string> defaultValue)
    : RuleOption<IReadOnlyList<string>>(name, description, defaultValue)
{
    public override string ValueKind => "list";

    public override bool TryParse(string text, out object value, out string problem)
    {
        value = (IReadOnlyList<string>)[text];
        problem = "";
        return true;
    }

    public override bool TryRead(YamlNode node, out object value, out string problem)
    {
        if (node is not YamlSequence sequence) return base.TryRead(node, out value, out problem);
        var items = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar { IsNull: false } scalar)
            {
                (value, problem) = (Default, $"'{Name}' takes a list of values, and one of them is {(item is YamlScalar ? "empty" : item.KindName)}");
                return false;
            }

            items.Add(scalar.Value);
        }

        (value, problem) = (items, "");
        return true;
    }

    public override void WriteSchema(Utf8JsonWriter json)
    {
        json.WriteStartArray("type");
        json.WriteStringValue("array");
        json.WriteStringValue("string");
        json.WriteEndArray();
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartArray("default");
        foreach (var item in Default) json.WriteStringValue(item);
        json.WriteEndArray();
    }

    public override string FormatDefault() => "[" + string.Join(", ", Default) + "]";
}

/// <summary>A map of names to values (<c>{ Draft: 6m, Review: 6m }</c>), keys as written.</summary>
public sealed class MapOption(string name, string description, IReadOnlyDictionary<string, string> defaultValue)
    : RuleOption<IReadOnlyDictionary<string, string>>(name, description, defaultValue)
{
    public override string ValueKind => "map";

    public override bool TryParse(string text, out object value, out string problem)
    {
        (value, problem) = (Default, $"'{Name}' takes a map of names to values, not '{text}'");
        return false;
    }

    public override bool TryRead(YamlNode node, out object value, out string problem)
    {
        if (node is not YamlMapping map) return base.TryRead(node, out value, out problem);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (entry.Value is not YamlScalar { IsNull: false } scalar)
            {
                (value, problem) = (Default, $"'{Name}.{entry.Key.Value}' takes a single value, not {(entry.Value is YamlScalar ? "nothing" : entry.Value.KindName)}");
                return false;
            }

            entries[entry.Key.Value] = scalar.Value;
        }

        (value, problem) = (entries, "");
        return true;
    }

    public override void WriteSchema(Utf8JsonWriter json)
    {
        json.WriteString("type", "object");
        json.WriteStartObject("additionalProperties");
        json.WriteString("type", "string");
        json.WriteEndObject();
    }

    public override string FormatDefault() => "{" + string.Join(", ", Default.Select(entry => entry.Key + ": " + entry.Value)) + "}";
}
