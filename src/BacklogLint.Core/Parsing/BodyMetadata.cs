using System.Text.RegularExpressions;
using BacklogLint.Core.Dialects;
using SourceSpan = BacklogLint.Core.Diagnostics.SourceSpan;

namespace BacklogLint.Core.Parsing;

/// <summary>Keys written in the Markdown body rather than in front matter, read into the same positional entries as
/// YAML so that every typed read and diagnostic works on them alike:
/// <see cref="MetadataSource.Header"/> lines (<c>* Status: **Accepted**</c>, <c>Author(s): …</c>) at the top of the
/// body, and <see cref="MetadataSource.Sections"/> (<c>## Status</c> with the value on its first line).</summary>
internal static partial class BodyMetadata
{
    /// <summary>How far down the header may start: past the title and an introduction, it is prose.</summary>
    private const int HeaderSearchLines = 30;

    /// <summary>The <c>Key: value</c> lines at the top of the body (from <paramref name="firstLine"/>), for keys
    /// the format knows. The header is the first run of such lines, before any level-2 heading.</summary>
    public static List<YamlEntry> Header(SourceText source, int firstLine, ItemFormat format)
    {
        var entries = new List<YamlEntry>();
        var last = Math.Min(source.LineCount, firstLine + HeaderSearchLines);
        for (var line = firstLine; line <= last; line++)
        {
            var text = source.Line(line);
            if (text.Trim().Length == 0) continue;
            if (HeadingLine().IsMatch(text))
            {
                if (entries.Count > 0 || !text.TrimStart().StartsWith("# ", StringComparison.Ordinal)) break;
                continue;
            }

            var match = KeyValueLine().Match(text);
            if (match.Success && format.IsKnownKey(match.Groups["key"].Value))
            {
                entries.Add(Entry(line, match.Groups["key"], match.Groups["value"]));
                last = Math.Min(source.LineCount, line + HeaderSearchLines);
            }
            else if (entries.Count > 0 && !match.Success)
            {
                break;
            }
        }

        return entries;
    }

    /// <summary>Headings named after a key the format knows (<c>## Status</c>), each with the first non-blank line
    /// under it as its value.</summary>
    public static List<YamlEntry> Sections(SourceText source, int firstLine, ItemFormat format)
    {
        var entries = new List<YamlEntry>();
        var inFence = false;
        for (var line = firstLine; line <= source.LineCount; line++)
        {
            var text = source.Line(line);
            if (text.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            var heading = inFence ? Match.Empty : SectionHeading().Match(text);
            if (!heading.Success || !format.IsKnownKey(heading.Groups["key"].Value)) continue;
            for (var next = line + 1; next <= source.LineCount; next++)
            {
                var valueText = source.Line(next);
                if (valueText.Trim().Length == 0) continue;
                if (HeadingLine().IsMatch(valueText)) break;
                var value = SectionValue().Match(valueText);
                entries.Add(Entry(line, heading.Groups["key"], value.Groups["value"], valueLine: next));
                break;
            }
        }

        return entries;
    }

    private static YamlEntry Entry(int line, Group key, Group value, int? valueLine = null)
    {
        var keyScalar = new YamlScalar(key.Value.Trim(), IsPlain: true, new SourceSpan(line, key.Index + 1, line, key.Index + key.Value.TrimEnd().Length + 1));
        var valueAt = valueLine ?? line;
        // An HTML comment after the value (a template's hint, a linter directive) is not part of it.
        var written = value.Value;
        var comment = written.IndexOf("<!--", StringComparison.Ordinal);
        if (comment > 0 && written[..comment].Trim().Length > 0) written = written[..comment];
        var valueText = written.Trim();
        var valueStart = value.Index + written.Length - written.TrimStart().Length;
        var valueScalar = new YamlScalar(valueText, IsPlain: false,
            new SourceSpan(valueAt, valueStart + 1, valueAt, valueStart + valueText.Length + 1)) { IsProse = true };
        return new YamlEntry(keyScalar, valueScalar);
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s")]
    private static partial Regex HeadingLine();

    // Patterns are linear in the line's length (no lazy run before a trailing "\s*$"): a line may be megabytes long.
    // "* Status: **Accepted**", "- **Author(s):** @alice", "Last updated: 2024-05-01", "| Status | Accepted |" is not one.
    [GeneratedRegex(@"^\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?(?<key>[A-Za-z][A-Za-z0-9 ()/_.'-]{0,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]+(?<value>\S.*)$")]
    private static partial Regex KeyValueLine();

    [GeneratedRegex(@"^\s{0,3}#{2,3}[ \t]+(?<key>[^#\s][^#]{0,60})#*\s*$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^[ \t]*(?:[-*+][ \t]+)?(?<value>.*)$")]
    private static partial Regex SectionValue();
}
