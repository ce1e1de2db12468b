using System.Globalization;

namespace BacklogLint.Core.Analysis;

/// <summary>A named, typed setting of a rule, with its default; configuration sets it under the rule's key.</summary>
public abstract class RuleOption(string name, string description)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>How the value is written, for documentation and the configuration schema.</summary>
    public abstract string ValueKind { get; }

    public abstract object DefaultValue { get; }

    /// <summary>Reads a configured value; on failure <paramref name="problem"/> says what was expected.</summary>
    public abstract bool TryParse(string text, out object value, out string problem);

    public string FormatDefault() => Convert.ToString(DefaultValue, CultureInfo.InvariantCulture) ?? "";
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
}
