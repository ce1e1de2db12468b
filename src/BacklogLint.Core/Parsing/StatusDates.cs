using System.Globalization;
using System.Text.RegularExpressions;

namespace BacklogLint.Core.Parsing;

/// <summary>Dates written in a status, as proposal repositories write review windows: <c>Active review (July 17 – July
/// 31, 2026)</c>, <c>(August 2–16, 2026)</c>, <c>(Aug 21...Sep 4, 2026)</c>, <c>(2026-07-17 – 2026-07-31)</c>.</summary>
internal static partial class StatusDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The last date the text names: a day inherits the month written before it, and the year written
    /// anywhere in it (the last one). Null when no day can be given a month and a year: a window without a year is not
    /// guessed at.</summary>
    public static DateOnly? End(string text)
    {
        if (text.Length > 300) return null;
        DateOnly? last = null;
        foreach (Match iso in IsoDate().Matches(text))
            if (FieldReader.TryParseDate(iso.Value, out var date)) last = date;
        if (last is not null) return last;

        var year = Year().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).LastOrDefault();
        if (year == 0) return null;
        int? month = null;
        (int Month, int Day)? end = null;
        foreach (Match token in Token().Matches(text))
        {
            if (token.Groups["month"].Success)
            {
                month = Array.IndexOf(Months, token.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
                continue;
            }

            var day = int.Parse(token.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (month is { } m && day is >= 1 and <= 31) end = (m, day);
        }

        if (end is not var (endMonth, endDay) || endDay > DateTime.DaysInMonth(year, endMonth)) return null;
        return new DateOnly(year, endMonth, endDay);
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex Year();

    // A month name (full or abbreviated) or a day number (with an ordinal suffix); a four-digit year is neither.
    [GeneratedRegex(@"\b(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|\b(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
