using System.Text.RegularExpressions;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Suppressions;

/// <summary>Finds suppression directives in a file: in HTML comments anywhere
/// (<c>&lt;!-- backloglint-disable-next-line BL0301 until 2027-01-31: waiting on vendor --&gt;</c>), in YAML
/// comments of the front matter (<c># backloglint-disable-line BL0001: hiring</c>), and the front-matter key
/// <c>suppress:</c>. After the directive: rule IDs or aliases (none: every rule), an optional
/// <c>until YYYY-MM-DD</c>, an optional <c>: reason</c>.</summary>
public static partial class SuppressionReader
{
    public static List<Suppression> Read(SourceText source, int frontMatterLastLine, YamlMapping? frontMatter, List<ParseProblem> problems)
    {
        var suppressions = new List<Suppression>();
        var open = new List<(Suppression Directive, int Index)>();
        var enables = new Dictionary<int, TextRange?>();
        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.Line(line);
            if (!text.Contains("backloglint-", StringComparison.Ordinal)) continue;
            var inYaml = line <= frontMatterLastLine;
            var pattern = inYaml ? YamlDirective() : HtmlDirective();
            foreach (Match match in pattern.Matches(text))
            {
                var span = new SourceSpan(line, match.Index + 1, line, match.Index + match.Length + 1);
                var (rules, until, reason) = ReadArguments(match.Groups["args"].Value, span, problems);
                TextRange[] removal = [CommentRemoval(source, line, match, inYaml)];
                switch (match.Groups["kind"].Value)
                {
                    case "disable-next-line":
                        suppressions.Add(new Suppression(SuppressionKind.NextLine, rules, line + 1, line + 1, reason, until, span) { Removal = removal });
                        break;
                    case "disable-line":
                        suppressions.Add(new Suppression(SuppressionKind.Line, rules, line, line, reason, until, span) { Removal = removal });
                        break;
                    case "disable":
                        var range = new Suppression(SuppressionKind.Range, rules, line, int.MaxValue, reason, until, span) { Removal = removal };
                        open.Add((range, suppressions.Count));
                        suppressions.Add(range);
                        break;
                    default:
                        Close(suppressions, open, rules, line);
                        // Two directives on one line: neither is removed alone.
                        enables[line] = enables.ContainsKey(line) ? null : removal[0];
                        break;
                }
            }
        }

        // A range's own `enable` goes with it: the one after it that ends no other range.
        for (var i = 0; i < suppressions.Count; i++)
        {
            if (suppressions[i] is not { Kind: SuppressionKind.Range, Ends: [var end] } range) continue;
            var shared = suppressions.Any(other => !ReferenceEquals(other, range) && other.Ends.Any(e => e.Line == end.Line));
            if (!shared && enables.GetValueOrDefault(end.Line) is { } enable) suppressions[i] = range with { Removal = [.. range.Removal, enable] };
        }

        if (frontMatter?.Find("suppress") is { } entry) ReadFrontMatter(source, entry, suppressions, problems);
        return suppressions;
    }

    /// <summary>An <c>enable</c> may end each range opened before it; which ones it ends is known only once rule
    /// aliases are resolved (<see cref="Suppression.Covers(int, Func{string, bool})"/>), so it is kept on each.</summary>
    private static void Close(List<Suppression> suppressions, List<(Suppression Directive, int Index)> open, IReadOnlyList<string> rules, int line)
    {
        foreach (var (_, index) in open)
            suppressions[index] = suppressions[index] with { Ends = [.. suppressions[index].Ends, new SuppressionEnd(line, rules)] };
    }

    private static void ReadFrontMatter(SourceText source, YamlEntry entry, List<Suppression> suppressions, List<ParseProblem> problems)
    {
        if (entry.Value is YamlScalar { IsNull: true }) return;
        if (entry.Value is not YamlMapping map)
        {
            problems.Add(Invalid($"'suppress' should be a map of rule IDs to reasons, not {entry.Value.KindName}", entry.Value.Span));
            return;
        }

        for (var index = 0; index < map.Entries.Count; index++)
        {
            var rule = map.Entries[index];
            var span = new SourceSpan(rule.Key.Span.Line, rule.Key.Span.Column, rule.Value.Span.EndLine, rule.Value.Span.EndColumn);
            string? reason = null;
            DateOnly? until = null;
            switch (rule.Value)
            {
                case YamlScalar { IsNull: true }:
                    break;
                case YamlScalar scalar:
                    (_, until, reason) = ReadArguments(": " + scalar.Value, span, problems);
                    break;
                case YamlMapping details:
                    reason = (details.Find("reason")?.Value as YamlScalar)?.Value;
                    if (details.Find("until")?.Value is YamlScalar date)
                    {
                        if (FieldReader.TryParseDate(date.Value, out var parsed)) until = parsed;
                        else problems.Add(Invalid($"the suppression's until '{date.Value}' is not a date (write YYYY-MM-DD)", date.Span));
                    }

                    break;
                default:
                    problems.Add(Invalid($"the suppression of {rule.Key.Value} should be a reason or a map with reason and until", rule.Value.Span));
                    continue;
            }

            suppressions.Add(new Suppression(SuppressionKind.Item, [rule.Key.Value.Trim()], 1, int.MaxValue, reason, until, span)
            {
                Removal = EntryRemoval(source, entry, map, index),
            });
        }
    }

    /// <summary>The directive comment's removal: its whole line when it is alone there, else the comment (a YAML comment
    /// to the end of the line) with the space before it.</summary>
    private static TextRange CommentRemoval(SourceText source, int line, Match match, bool yaml)
    {
        var text = source.Line(line);
        if (text.Trim() == match.Value.Trim()) return WholeLines(source, line, line);
        var (start, end) = (match.Index, yaml ? text.Length : match.Index + match.Length);
        if (!yaml && end < text.Length && text[end] == ' ') end++;
        else while (start > 0 && text[start - 1] is ' ' or '\t') start--;
        return new TextRange(line, start + 1, line, end + 1);
    }

    /// <summary>Lines <paramref name="first"/> to <paramref name="last"/> with one line break: theirs, or for the last line
    /// of a file that does not end in one, the line break before them.</summary>
    private static TextRange WholeLines(SourceText source, int first, int last)
    {
        if (source.TryGetOffset(last + 1, 1, out _)) return TextRange.Lines(first, last);
        var end = source.Line(last).Length + 1;
        return first > 1 ? new TextRange(first - 1, source.Line(first - 1).Length + 1, last, end) : new TextRange(first, 1, last, end);
    }

    /// <summary>Removes entry <paramref name="index"/> of the <c>suppress:</c> map: its lines in a block map, its text and
    /// one comma in a flow map, the whole key when it is the only entry; nothing when other YAML shares its lines.</summary>
    private static TextRange[] EntryRemoval(SourceText source, YamlEntry suppress, YamlMapping map, int index)
    {
        var flow = source.Line(map.Span.Line) is var line && map.Span.Column - 1 < line.Length && line[map.Span.Column - 1] == '{';
        if (map.Entries.Count == 1)
        {
            return StartsLine(source, suppress.Key.Span) && EndsLine(source, map.Entries[0].Value.Span, flow)
                ? [WholeLines(source, suppress.Key.Span.Line, map.Entries[0].Value.Span.EndLine)]
                : [];
        }

        var rule = map.Entries[index];
        if (!flow)
        {
            return StartsLine(source, rule.Key.Span) && EndsLine(source, rule.Value.Span, flow: false)
                ? [WholeLines(source, rule.Key.Span.Line, rule.Value.Span.EndLine)]
                : [];
        }

        return index + 1 < map.Entries.Count
            ? [new TextRange(rule.Key.Span.Line, rule.Key.Span.Column, map.Entries[index + 1].Key.Span.Line, map.Entries[index + 1].Key.Span.Column)]
            : [new TextRange(map.Entries[index - 1].Value.Span.EndLine, map.Entries[index - 1].Value.Span.EndColumn, rule.Value.Span.EndLine, rule.Value.Span.EndColumn)];
    }

    private static bool StartsLine(SourceText source, SourceSpan span) =>
        source.Line(span.Line) is var line && span.Column - 1 <= line.Length && line[..(span.Column - 1)].Trim().Length == 0;

    /// <summary>Nothing but spaces or a comment after <paramref name="span"/> on its last line (in a flow map, the map's '}').</summary>
    private static bool EndsLine(SourceText source, SourceSpan span, bool flow)
    {
        var line = source.Line(span.EndLine);
        if (span.EndColumn - 1 > line.Length) return false;
        var rest = line[(span.EndColumn - 1)..].Trim();
        if (flow && rest.StartsWith('}')) rest = rest[1..].Trim();
        return rest.Length == 0 || rest.StartsWith('#');
    }

    private static (IReadOnlyList<string> Rules, DateOnly? Until, string? Reason) ReadArguments(string text, SourceSpan span, List<ParseProblem> problems)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? text : text[..colon];
        var reason = colon < 0 ? null : text[(colon + 1)..].Trim();
        DateOnly? until = null;
        var expiry = Until().Match(head.Length > 0 ? head : "");
        if (!expiry.Success && reason is not null) expiry = Until().Match(reason);
        if (expiry.Success)
        {
            if (FieldReader.TryParseDate(expiry.Groups[1].Value, out var date)) until = date;
            else problems.Add(Invalid($"the suppression's until '{expiry.Groups[1].Value}' is not a date (write YYYY-MM-DD)", span));
            if (expiry.Value.Length > 0 && head.Contains(expiry.Value, StringComparison.Ordinal)) head = head.Replace(expiry.Value, " ", StringComparison.Ordinal);
            else reason = reason?.Replace(expiry.Value, " ", StringComparison.Ordinal);
        }

        var rules = head.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        reason = reason?.Trim(' ', '\t', ':', ',', ';');
        return (rules, until, string.IsNullOrEmpty(reason) ? null : reason);
    }

    private static ParseProblem Invalid(string message, SourceSpan span) => new(ParseProblemKind.InvalidValue, message, span, "suppress");

    [GeneratedRegex(@"<!--\s*backloglint-(?<kind>disable-next-line|disable-line|disable|enable)\b(?<args>.*?)-->")]
    private static partial Regex HtmlDirective();

    [GeneratedRegex(@"#\s*backloglint-(?<kind>disable-next-line|disable-line|disable|enable)\b(?<args>.*)$")]
    private static partial Regex YamlDirective();

    [GeneratedRegex(@"\buntil\s+(\S+?)(?=[\s,:;)]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Until();
}
