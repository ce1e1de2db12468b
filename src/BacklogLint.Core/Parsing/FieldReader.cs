using System.Globalization;
using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Dialects;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Parsing;

/// <summary>Typed reads of front-matter keys; a value of the wrong type or form becomes a BL0502 problem and
/// reads as absent, so one bad value never hides the rest of the item. With a <see cref="ItemFormat"/>, a model key is
/// found under the keys the format writes for it, and messages name the key as written.</summary>
/// <param name="site">The file and its text, for the fixes of values read (<see cref="ValueFixes"/>); none without it.</param>
internal sealed partial class FieldReader(YamlMapping mapping, List<ParseProblem> problems, ItemFormat? format = null, FixSite? site = null)
{
    public List<ParseProblem> Problems => problems;

    public FixSite? Site => site;

    public YamlEntry? Entry(string key)
    {
        if (format is null) return mapping.Find(key);
        foreach (var candidate in format.KeysFor(key))
            foreach (var entry in mapping.Entries)
                if (ItemFormat.SameKey(entry.Key.Value, candidate)) return entry;
        return null;
    }

    public bool Has(string key) => Entry(key) is { Value: not YamlScalar { IsNull: true } };

    /// <summary>The values of a model key, read as the format says (<see cref="ValueReader"/>).</summary>
    public List<Located<string>> Values(string key, bool splitCommas)
    {
        var values = TextList(Entry(key), splitCommas);
        Func<string, string>? read = format?.Values.GetValueOrDefault(key) switch
        {
            ValueReader.People => Person,
            ValueReader.Number => Number,
            _ => null,
        };
        if (read == Person) values = [.. values.SelectMany(SeparateLinkedPeople)];
        return read is null ? values : [.. values.Select(value => value with { Value = read(value.Value) }).Where(value => value.Value.Length > 0)];
    }

    /// <summary>Authors listed as profile links with no comma between them (<c>[A](https://github.com/a) [B](…)</c>), or
    /// named in a phrase (<c>with input from @a, @b and @c</c>): each person linked or mentioned.</summary>
    private static IEnumerable<Located<string>> SeparateLinkedPeople(Located<string> value)
    {
        var links = ProfileLinks().Matches(value.Value);
        if (links.Count >= 2) return links.Select(link => value with { Value = link.Value });
        var mentions = Mentions().Matches(value.Value);
        if (mentions.Count >= 2) return mentions.Select(mention => value with { Value = mention.Groups[1].Value });
        return [value];
    }

    [GeneratedRegex(@"(?<![\w@./])(@[A-Za-z0-9][A-Za-z0-9-]{0,38})(?![\w/-])")]
    private static partial Regex Mentions();

    [GeneratedRegex(@"\[[^\]]*\]\(https?://github\.com/[A-Za-z0-9][A-Za-z0-9-]{0,38}/?\)", RegexOptions.IgnoreCase)]
    private static partial Regex ProfileLinks();

    /// <summary>The number a path's last segment starts with (<c>keps/sig-node/2033-cgroups</c> → <c>2033</c>); the
    /// value as written when it has none.</summary>
    private static string Number(string text)
    {
        var segment = text.Trim().TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        var digits = string.Concat(segment.TakeWhile(char.IsAsciiDigit));
        return digits.Length > 0 ? digits : text.Trim();
    }

    /// <summary><c>Name (@handle)</c> → <c>@handle</c>; <c>[Name](https://github.com/handle)</c> → <c>@handle</c>;
    /// <c>Name &lt;mail&gt;</c> → the mail; anything else as written.</summary>
    private static string Person(string text)
    {
        var handle = HandleInParentheses().Match(text);
        if (handle.Success) return handle.Groups[1].Value;
        var profile = GitHubProfileLink().Match(text);
        if (profile.Success) return "@" + profile.Groups[1].Value;
        var mail = MailInBrackets().Match(text);
        return mail.Success ? mail.Groups[1].Value.Trim() : text.Trim();
    }

    public Located<string>? Text(string key) => Text(Entry(key));

    /// <summary>Whether the item has <paramref name="key"/> (a key of the format or any other) with a value that is not
    /// a placeholder.</summary>
    public bool HasRaw(string key) =>
        Entry(key) is { } entry && (entry.Value is not YamlScalar scalar || (!scalar.IsNull && !Party.IsPlaceholder(scalar.Value)));

    /// <summary>The date under <paramref name="key"/> (a key of the format or any other).</summary>
    public Located<DateOnly>? RawDate(string key) => Date(Entry(key));

    public Located<string>? Text(YamlEntry? entry)
    {
        if (entry is null) return null;
        // An empty value, quoted or not (accepted: ""), is no value, as a bare key is.
        if (entry.Value is YamlScalar scalar)
            return scalar.IsNull || scalar.Value.Trim().Length == 0 ? null : new Located<string>(scalar.Value.Trim(), scalar.Span);
        // MADR's template writes values in braces (status: { accepted }): YAML reads a map of one key, which is the value.
        if (BracedValue(entry) is { } braced) return braced;
        Invalid(entry, $"'{entry.Key.Value}' should be a single value, not {entry.Value.KindName}{TemplateHint(entry)}");
        return null;
    }

    /// <summary>The value a one-key brace map stands for (<c>{ accepted }</c>, <c>{ 2024-05-02 }</c>); null for anything
    /// else, and for a template's list of choices (<c>{proposed | rejected | accepted}</c>), which is no value.</summary>
    private static Located<string>? BracedValue(YamlEntry entry) =>
        entry.Value is YamlMapping { Entries: [{ Value: YamlScalar { IsNull: true }, Key: var only }] }
        && only.Value.Trim().Length > 0 && !only.Value.Contains('|', StringComparison.Ordinal)
            ? new Located<string>(only.Value.Trim(), only.Span)
            : null;

    /// <summary>MADR's template writes placeholders in braces (<c>status: {proposed}</c>), which YAML reads as a map.</summary>
    private static string TemplateHint(YamlEntry entry) =>
        entry.Value is YamlMapping { Entries.Count: > 0 } braces && braces.Entries.All(e => e.Value is YamlScalar { IsNull: true })
            ? $" (this is the template's placeholder in braces, {{{string.Join(", ", braces.Entries.Select(e => Quoted(e.Key.Value)))}}}: write {entry.Key.Value}: followed by the one value that applies)"
            : "";

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
            // A list in template braces ({ Ben Thomas, Tao Chen }): YAML reads a map whose keys are the values.
            case YamlMapping braces when braces.Entries.Count > 0 && braces.Entries.All(e => e.Value is YamlScalar { IsNull: true } && !e.Key.Value.Contains('|', StringComparison.Ordinal)):
                result.AddRange(braces.Entries.Select(e => new Located<string>(e.Key.Value.Trim(), e.Key.Span)).Where(value => value.Value.Length > 0));
                break;
            default:
                Invalid(entry, $"'{entry.Key.Value}' should be a list, not {entry.Value.KindName}{TemplateHint(entry)}");
                break;
        }

        return result;
    }

    public Located<DateOnly>? Date(string key) => Date(Entry(key));

    public Located<DateOnly>? Date(YamlEntry? entry)
    {
        var text = Text(entry);
        if (text is null || Party.IsPlaceholder(text.Value)) return null;
        if (TryParseDate(text.Value, out var date) || (entry!.Value is YamlScalar { IsProse: true } && TryParseProseDate(text.Value, out date)))
            return new Located<DateOnly>(date, text.Span);
        var fix = ValueFixes.DateInFormat(text.Value) is { } written && entry!.Value is YamlScalar scalar
            ? ValueFixes.ReplaceScalar(site, scalar, written, $"Write the date as {written}")
            : null;
        Invalid(entry!, $"'{entry!.Key.Value}' is not a date: '{Quoted(text.Value)}' ({DateHint(text.Value)})", fix);
        return null;
    }

    /// <summary>What to write instead of a date that almost is one: <c>2023-9-15</c> → <c>2023-09-15</c>,
    /// <c>2025-30-01</c> (month and day swapped) → <c>2025-01-30</c>.</summary>
    internal static string DateHint(string text)
    {
        var match = LooseDate().Match(text.Trim());
        if (!match.Success) return "write YYYY-MM-DD";
        var (year, first, second) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        if (IsDate(year, first, second)) return $"write {year:D4}-{first:D2}-{second:D2}: months and days take two digits";
        if (IsDate(year, second, first)) return $"there is no month {first}: write YYYY-MM-DD, {year:D4}-{second:D2}-{first:D2} if that is the date";
        return "write YYYY-MM-DD with a real month and day";
    }

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    public Located<Period>? Period(string key)
    {
        var entry = Entry(key);
        var text = Text(entry);
        if (text is null) return null;
        if (Analysis.Period.TryParse(text.Value, out var period)) return new Located<Period>(period, text.Span);
        Invalid(entry!, $"'{entry!.Key.Value}' is not a period: '{Quoted(text.Value)}' (write 90d, 12w, 6m or 1y)");
        return null;
    }

    /// <summary>A value as quoted in a message: a status line in a Markdown body can be megabytes long, and the
    /// message goes into terminals and pull-request comments.</summary>
    internal static string Quoted(string value) => value.Length <= MaxQuoted ? value : value[..MaxQuoted] + "…";

    private const int MaxQuoted = 100;

    public void Invalid(YamlEntry entry, string message, Fix? fix = null) => Invalid(entry.Key.Value, entry.Value, message, fix);

    public void Invalid(string key, YamlNode node, string message, Fix? fix = null)
    {
        // A value read twice (an agreement's 'updated' is the item's too) is one problem.
        var problem = new ParseProblem(ParseProblemKind.InvalidValue, message, node.Span, YamlMapping.NormalizeKey(key)) { Fix = fix };
        if (!problems.Contains(problem)) problems.Add(problem);
    }

    private static readonly string[] ProseDateFormats =
        ["MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM yyyy", "MMM yyyy", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy"];

    /// <summary>A date as English prose writes it: <c>August 14, 2026</c>, <c>Aug 14, 2026</c>, <c>14 August 2026</c>.
    /// Month names make it unambiguous; only values read from Markdown prose are read this way, front matter keeps
    /// to YYYY-MM-DD (DESIGN §1).</summary>
    private static bool TryParseProseDate(string text, out DateOnly date)
    {
        // What prose wraps around a date: "(2023-06-27)", "January 26, 2017<br>", "November 17th, 2016", "June 2019\\".
        var plain = ProseNoise().Replace(text, " ");
        // A remark after the date: "15 May 2017 (to reflect actual implementation)".
        var remark = plain.IndexOf(" (", StringComparison.Ordinal);
        if (remark > 0) plain = plain[..remark];
        if (plain.Any(char.IsLetter)) plain = plain.Replace(".", " ", StringComparison.Ordinal);
        plain = Ordinal().Replace(plain, "$1").Replace(",", " ", StringComparison.Ordinal).Trim().Trim('(', ')', '[', ']', '*', '_', '\\', '.').Trim();
        return DateOnly.TryParseExact(plain, ProseDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out date);
    }

    [GeneratedRegex(@"<[^>]{0,20}>|\\$")]
    private static partial Regex ProseNoise();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

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

    [GeneratedRegex(@"\((@[A-Za-z0-9][A-Za-z0-9_.\-/]*)\)")]
    private static partial Regex HandleInParentheses();

    // Proposal headers link authors to their profiles: "* Authors: [Jane Doe](https://github.com/janedoe)".
    [GeneratedRegex(@"^\s*\[[^\]]*\]\(https?://github\.com/([A-Za-z0-9][A-Za-z0-9-]{0,38})/?\)", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubProfileLink();

    [GeneratedRegex(@"<([^<>@\s]+@[^<>\s]+)>")]
    private static partial Regex MailInBrackets();

    [GeneratedRegex(@"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")]
    private static partial Regex LooseDate();
}
