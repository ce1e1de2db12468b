using System.Globalization;

namespace BacklogLint.Testing.Accuracy;

/// <summary>The rule options a generated repository configures; the generator puts dates on both sides of each
/// boundary and the oracle judges by them.</summary>
/// <param name="WipLimit">BL0003 <c>wip-limit</c>.</param>
/// <param name="UntouchedDays">BL0301 <c>days</c>.</param>
/// <param name="HandoffDays">BL0202 <c>days</c>.</param>
/// <param name="MaxAge">BL0101 <c>max-age</c>, as written (<c>180d</c>, <c>6m</c>...).</param>
public sealed record AccuracyOptions(int WipLimit, int UntouchedDays, int HandoffDays, string MaxAge)
{
    /// <summary>DESIGN.md's defaults; nothing is written under <c>rules:</c>.</summary>
    public static AccuracyOptions Defaults { get; } = new(5, 30, 14, "180d");

    /// <summary>Other values, written under <c>rules:</c> in <c>.backloglint.yml</c>.</summary>
    public static AccuracyOptions Tuned { get; } = new(3, 21, 10, "6m");

    internal PlannedPeriod MaxAgePeriod => new(int.Parse(MaxAge[..^1], CultureInfo.InvariantCulture), MaxAge[^1]);

    /// <summary>The <c>rules:</c> section of the config, empty for the defaults.</summary>
    internal string RulesYaml() => this == Defaults ? "" : string.Create(CultureInfo.InvariantCulture, $"""
        rules:
          BL0003: {"{"} wip-limit: {WipLimit} {"}"}
          BL0101: {"{"} max-age: {MaxAge} {"}"}
          BL0202: {"{"} days: {HandoffDays} {"}"}
          BL0301: {"{"} days: {UntouchedDays} {"}"}

        """);
}
