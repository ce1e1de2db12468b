using System.Globalization;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Parsing;

/// <summary>Typed reads of front-matter keys; a value of the wrong type or form becomes a BL0502 problem and
/// reads as absent, so one bad value never hides the rest of the item.</summary>
internal sealed class FieldReader(YamlMapping mapping, List<ParseProblem> problems)
{
    public List<ParseProblem> Problems => problems;

    public YamlEntry? Entry(string key) => mapping.Find(key);

    public bool Has(string key) => mapping.Find(key) is { Value: not YamlScalar { IsNull: true } };

    public Located<string>? Text(string key) => Text(Entry(key));

    public Located<string>? Text(YamlEntry? entry)
    {
        if (entry is null) return null;
        // An empty value, quoted or not (accepted: ""), is no value, as a bare key is.
        if (entry.Value is YamlScalar scalar)
            return scalar.IsNull || scalar.Value.Trim().Length == 0 ? null : new Located<string>(scalar.Value.Trim(), scalar.Span);
        Invalid(entry, $"'{entry.Key.Value}' should be a single value, not {entry.Value.KindName}");
        return null;
    }

    /// <summary>A list of values, or one value; with <paramref name="splitCommas"/> a single value may list several.</summary>
    public List<Located<string>> TextList(YamlEntry? entry, bool splitCommas)
    {
        var result = new List<Located<string>>();
        if (entry is null) return result;
        switch (entry.Value)
        {
            case YamlScalar { IsNull: true }:
                break;
            case YamlScalar scalar when splitCommas:
                result.AddRange(scalar.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(part => new Located<string>(part, scalar.Span)));
                break;
            case YamlScalar scalar:
                result.Add(new Located<string>(scalar.Value.Trim(), scalar.Span));
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar { IsNull: false } value) result.Add(new Located<string>(value.Value.Trim(), value.Span));
                    else if (item is not YamlScalar) Invalid(entry.Key.Value, item, $"each entry of '{entry.Key.Value}' should be a single value, not {item.KindName}");
                }

                break;
            default:
                Invalid(entry, $"'{entry.Key.Value}' should be a list, not {entry.Value.KindName}");
                break;
        }

        return result;
    }

    public Located<DateOnly>? Date(string key) => Date(Entry(key));

    public Located<DateOnly>? Date(YamlEntry? entry)
    {
        var text = Text(entry);
        if (text is null) return null;
        if (TryParseDate(text.Value, out var date)) return new Located<DateOnly>(date, text.Span);
        Invalid(entry!, $"'{entry!.Key.Value}' is not a date: '{text.Value}' (write YYYY-MM-DD)");
        return null;
    }

    public Located<Period>? Period(string key)
    {
        var entry = Entry(key);
        var text = Text(entry);
        if (text is null) return null;
        if (Analysis.Period.TryParse(text.Value, out var period)) return new Located<Period>(period, text.Span);
        Invalid(entry!, $"'{entry!.Key.Value}' is not a period: '{text.Value}' (write 90d, 12w, 6m or 1y)");
        return null;
    }

    public void Invalid(YamlEntry entry, string message) => Invalid(entry.Key.Value, entry.Value, message);

    public void Invalid(string key, YamlNode node, string message) =>
        problems.Add(new ParseProblem(ParseProblemKind.InvalidValue, message, node.Span, YamlMapping.NormalizeKey(key)));

    /// <summary><c>YYYY-MM-DD</c>, or an ISO 8601 date and time (taken as its UTC date).</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        if (text.Length > 10 && text[4] == '-' && DateTimeOffset.TryParse(
                text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            date = DateOnly.FromDateTime(moment.UtcDateTime);
            return true;
        }

        return false;
    }
}
