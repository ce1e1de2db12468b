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
        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.Line(line);
            if (!text.Contains("backloglint-", StringComparison.Ordinal)) continue;
            var pattern = line <= frontMatterLastLine ? YamlDirective() : HtmlDirective();
            foreach (Match match in pattern.Matches(text))
            {
                var span = new SourceSpan(line, match.Index + 1, line, match.Index + match.Length + 1);
                var (rules, until, reason) = ReadArguments(match.Groups["args"].Value, span, problems);
                switch (match.Groups["kind"].Value)
                {
                    case "disable-next-line":
                        suppressions.Add(new Suppression(SuppressionKind.NextLine, rules, line + 1, line + 1, reason, until, span));
                        break;
                    case "disable-line":
                        suppressions.Add(new Suppression(SuppressionKind.Line, rules, line, line, reason, until, span));
                        break;
                    case "disable":
                        var range = new Suppression(SuppressionKind.Range, rules, line, int.MaxValue, reason, until, span);
                        open.Add((range, suppressions.Count));
                        suppressions.Add(range);
                        break;
                    default:
                        Close(suppressions, open, rules, line);
                        break;
                }
            }
        }

        if (frontMatter?.Find("suppress") is { } entry) ReadFrontMatter(entry, suppressions, problems);
        return suppressions;
    }

    /// <summary>An <c>enable</c> may end each range opened before it; which ones it ends is known only once rule
    /// aliases are resolved (<see cref="Suppression.Covers(int, Func{string, bool})"/>), so it is kept on each.</summary>
    private static void Close(List<Suppression> suppressions, List<(Suppression Directive, int Index)> open, IReadOnlyList<string> rules, int line)
    {
        foreach (var (_, index) in open)
            suppressions[index] = suppressions[index] with { Ends = [.. suppressions[index].Ends, new SuppressionEnd(line, rules)] };
    }

    private static void ReadFrontMatter(YamlEntry entry, List<Suppression> suppressions, List<ParseProblem> problems)
    {
        if (entry.Value is YamlScalar { IsNull: true }) return;
        if (entry.Value is not YamlMapping map)
        {
            problems.Add(Invalid($"'suppress' should be a map of rule IDs to reasons, not {entry.Value.KindName}", entry.Value.Span));
            return;
        }

        foreach (var rule in map.Entries)
        {
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

            suppressions.Add(new Suppression(SuppressionKind.Item, [rule.Key.Value.Trim()], 1, int.MaxValue, reason, until, span));
        }
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
