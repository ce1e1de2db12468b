using System.Globalization;
using System.Text.RegularExpressions;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Parsing;

/// <summary>Where a parse-time fix edits: the file's path and its text.</summary>
internal sealed record FixSite(string Path, SourceText Source);

/// <summary>The fixes the parser knows while it reads a value (<see cref="ParseProblem.Fix"/>): each is offered only when
/// it is the one reading of what was written, and the text it replaces is exactly the value read.</summary>
internal static partial class ValueFixes
{
    /// <summary>Replaces a one-line scalar's text with <paramref name="value"/>, inside its quotes when it has them; null
    /// when the source at the scalar's position is not exactly the value read (an escape, a folded line, a prose line).</summary>
    public static Fix? ReplaceScalar(FixSite? site, YamlScalar scalar, string value, string title)
    {
        if (site is null || scalar.Span.Line != scalar.Span.EndLine) return null;
        var line = site.Source.Line(scalar.Span.Line);
        var (start, end) = (scalar.Span.Column - 1, scalar.Span.EndColumn - 1);
        if (start < 0 || end > line.Length || start >= end) return null;
        var written = line[start..end];
        var trimmed = written.TrimEnd();
        end = start + trimmed.Length;
        if (trimmed.Length >= 2 && trimmed[0] is '"' or '\'' && trimmed[^1] == trimmed[0])
        {
            (start, end) = (start + 1, end - 1);
            trimmed = trimmed[1..^1];
        }
        else if (scalar.IsPlain && !IsPlainSafe(value))
        {
            return null;
        }

        if (trimmed.Trim() != scalar.Value.Trim() || trimmed.Trim().Length == 0) return null;
        // Spaces around the value (a prose line's) stay as they are.
        start += trimmed.Length - trimmed.TrimStart().Length;
        end -= trimmed.Length - trimmed.TrimEnd().Length;
        return Fix.Replace(title, site.Path, new TextRange(scalar.Span.Line, start + 1, scalar.Span.Line, end + 1), value);
    }

    /// <summary>Letters, digits, spaces and '-' only: a value that reads the same unquoted in YAML.</summary>
    private static bool IsPlainSafe(string value) => value.Length > 0 && char.IsLetterOrDigit(value[0]) && value.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_');

    /// <summary>A date written almost in the format's form (YYYY-MM-DD): year first, month and day in that order, one
    /// digit or another separator (<c>2023-9-5</c>, <c>2023/09/05</c>, <c>2023.9.5</c>) → <c>2023-09-05</c>. Null when
    /// it is not a real date in that order (<c>2025-30-01</c> could be two dates: no fix).</summary>
    public static string? DateInFormat(string text)
    {
        var match = LooseDate().Match(text.Trim());
        if (!match.Success) return null;
        var (year, month, day) = (Number(match.Groups[1]), Number(match.Groups[2]), Number(match.Groups[3]));
        return year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
            : null;

        static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")]
    private static partial Regex LooseDate();

    /// <summary>The one word of <paramref name="known"/> that <paramref name="written"/> is a typo of: the only one within
    /// <see cref="Close"/> edits (words compared as the vocabulary compares them); null when none or several are.</summary>
    public static string? NearestWord(string written, IEnumerable<string> known)
    {
        var target = StatusVocabulary.Normalize(written);
        if (target.Length < 3 || !target.All(char.IsLetterOrDigit)) return null;
        var close = known
            .Select(word => (Word: word, Distance: Distance(StatusVocabulary.Normalize(word), target)))
            .Where(candidate => candidate.Distance > 0 && candidate.Distance <= Close(target))
            .Select(candidate => candidate.Word)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return close.Count == 1 ? close[0] : null;
    }

    /// <summary>How many single-letter edits still make a typo: one in a short word, two from eight letters on.</summary>
    private static int Close(string word) => word.Length >= 8 ? 2 : 1;

    /// <summary>Levenshtein distance.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>Quotes every bare '@' value of the front matter (<c>owner: @alice</c>, which YAML refuses) when that is all
    /// that is wrong: the quoted YAML must read, and read exactly as a format that accepts bare mentions reads the
    /// original (<see cref="YamlReader.QuoteBareMentions"/>); otherwise no fix.</summary>
    /// <param name="yamlStart">The offset in the file where <paramref name="yaml"/> starts.</param>
    public static Fix? QuoteBareMentions(FixSite site, string yaml, int yamlStart, int firstLine, int maxDepth)
    {
        var values = YamlReader.BareMentionValues(yaml);
        if (values.Count == 0) return null;
        var edits = values.Select(value => (value.Start, value.Length, Text: Quote(yaml.Substring(value.Start, value.Length)))).ToList();
        var quoted = yaml;
        foreach (var (start, length, text) in edits.OrderByDescending(edit => edit.Start)) quoted = quoted.Remove(start, length).Insert(start, text);
        var (fixedRoot, problem) = YamlReader.Read(quoted, firstLine, maxDepth);
        var (readRoot, readProblem) = YamlReader.Read(YamlReader.QuoteBareMentions(yaml), firstLine, maxDepth);
        if (problem is not null || readProblem is not null || !SameValues(fixedRoot, readRoot)) return null;
        var source = site.Source;
        return new Fix(
            values.Count == 1 ? $"Quote {yaml.Substring(values[0].Start, values[0].Length)}" : $"Quote the {values.Count} values that start with '@'",
            [.. edits.Select(edit => new TextEdit(site.Path, TextRange.FromOffsets(source, yamlStart + edit.Start, yamlStart + edit.Start + edit.Length), edit.Text))]);
    }

    private static string Quote(string value) =>
        value.Contains('"', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)
            ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'"
            : "\"" + value + "\"";

    /// <summary>Whether two YAML trees hold the same values, positions and quoting aside.</summary>
    private static bool SameValues(YamlNode? a, YamlNode? b) => (a, b) switch
    {
        (null, null) => true,
        (YamlScalar x, YamlScalar y) => x.Value == y.Value && x.IsNull == y.IsNull,
        (YamlSequence x, YamlSequence y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(pair => SameValues(pair.First, pair.Second)),
        (YamlMapping x, YamlMapping y) => x.Entries.Count == y.Entries.Count
            && x.Entries.Zip(y.Entries).All(pair => SameValues(pair.First.Key, pair.Second.Key) && SameValues(pair.First.Value, pair.Second.Value)),
        _ => false,
    };
}
