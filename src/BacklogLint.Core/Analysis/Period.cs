using System.Globalization;
using System.Text.RegularExpressions;

namespace BacklogLint.Core.Analysis;

/// <summary>A calendar period as configuration writes it: <c>90d</c>, <c>12w</c>, <c>6m</c>, <c>1y</c>.</summary>
public readonly partial record struct Period(int Count, PeriodUnit Unit)
{
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var match = Pattern().Match(text ?? "");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return false;
        period = new Period(count, char.ToLowerInvariant(match.Groups[2].Value[0]) switch
        {
            'd' => PeriodUnit.Day,
            'w' => PeriodUnit.Week,
            'm' => PeriodUnit.Month,
            _ => PeriodUnit.Year,
        });
        return true;
    }

    /// <summary>The date this period after <paramref name="start"/> (calendar months and years); a period that ends
    /// past the calendar (<c>9999y</c>) ends on its last day.</summary>
    public DateOnly After(DateOnly start)
    {
        try
        {
            return Unit switch
            {
                PeriodUnit.Day => start.AddDays(Count),
                PeriodUnit.Week => start.AddDays(7 * Count),
                PeriodUnit.Month => start.AddMonths(Count),
                _ => start.AddYears(Count),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateOnly.MaxValue;
        }
    }

    /// <summary>The date <paramref name="times"/> of this period before <paramref name="end"/>, each step counted from
    /// <paramref name="end"/> (so that monthly steps back from the 31st keep to the month's end); the calendar's first
    /// day when that is before it.</summary>
    public DateOnly Before(DateOnly end, int times = 1)
    {
        try
        {
            return Unit switch
            {
                PeriodUnit.Day => end.AddDays(-Count * times),
                PeriodUnit.Week => end.AddDays(-7 * Count * times),
                PeriodUnit.Month => end.AddMonths(-Count * times),
                _ => end.AddYears(-Count * times),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateOnly.MinValue;
        }
    }

    /// <summary>True when strictly more than this period lies between <paramref name="date"/> and <paramref name="today"/>.</summary>
    public bool HasElapsed(DateOnly date, DateOnly today) => After(date) < today;

    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        PeriodUnit.Day => "d",
        PeriodUnit.Week => "w",
        PeriodUnit.Month => "m",
        _ => "y",
    };

    /// <summary>How a period is written (<c>90d</c>, <c>12w</c>, <c>6m</c>, <c>1y</c>): read by the loader and written into
    /// the configuration schema, so both take the same.</summary>
    public const string Syntax = @"^\s*(\d{1,5})\s*([dwmyDWMY])\s*$";

    [GeneratedRegex(Syntax)]
    private static partial Regex Pattern();
}

/// <summary>The unit of a <see cref="Period"/>.</summary>
public enum PeriodUnit
{
    Day,
    Week,
    Month,
    Year,
}
