using BacklogLint.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BacklogLint.Core.Parsing;

/// <summary>Reads one YAML document into <see cref="YamlNode"/>s with file positions, from YamlDotNet's parser
/// events. Refuses what untrusted YAML can abuse: aliases (no expansion bombs), deep nesting and duplicate keys.</summary>
public static partial class YamlReader
{
    /// <summary>Stands in for the '@' of a bare mention (<see cref="QuoteBareMentions"/>): a private-use character that
    /// may start a plain scalar, one UTF-16 unit like '@', so every position stays exact.</summary>
    private const char BareMention = '\uE000';

    /// <summary>YAML refuses a plain value that starts with '@' (<c>assignee: @alice</c>); Backlog.md quotes such values
    /// before parsing, so a format that reads them (<c>bare-mentions</c>) turns that '@' into a stand-in that
    /// <see cref="Read"/> turns back.</summary>
    public static string QuoteBareMentions(string yaml) =>
        yaml.Contains('@', StringComparison.Ordinal) ? BareMentionStart().Replace(yaml, match => match.Value[..^1] + BareMention) : yaml;

    /// <summary>Where the bare '@' values of <paramref name="yaml"/> are (what <see cref="QuoteBareMentions"/> turns), as
    /// offsets and lengths: in block context to the end of the line or a comment, in a flow list to the next ',', ']' or
    /// '}'. Trailing spaces are not part of a value.</summary>
    internal static List<(int Start, int Length)> BareMentionValues(string yaml)
    {
        var values = new List<(int Start, int Length)>();
        if (!yaml.Contains('@', StringComparison.Ordinal)) return values;
        var covered = -1;
        foreach (System.Text.RegularExpressions.Match match in BareMentionStart().Matches(yaml))
        {
            var start = match.Index + match.Length - 1;
            if (start < covered) continue; // a ', @b' inside a value already taken whole
            var inFlow = match.Value.TrimEnd('@').TrimEnd(' ', '\t') is var head && head.Length > 0 && head[^1] is '[' or ',';
            var end = start;
            while (end < yaml.Length && yaml[end] is not ('\n' or '\r')
                   && !(yaml[end] == '#' && yaml[end - 1] is ' ' or '\t')
                   && !(inFlow && yaml[end] is ',' or ']' or '}'))
                end++;
            while (end > start && yaml[end - 1] is ' ' or '\t') end--;
            values.Add((start, end - start));
            covered = end;
        }

        return values;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^[ \t]*(?:-[ \t]+)?[^\s#:'""\[{][^:#\n]*:[ \t]+|^[ \t]*-[ \t]+|[\[,][ \t]*)@", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex BareMentionStart();

    /// <summary>Nesting deeper than this is refused unless configured otherwise (<c>limits.max-yaml-depth</c>).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most <c>limits.max-yaml-depth</c> may be: the reader recurses once per level.</summary>
    public const int MaxConfigurableDepth = 1000;

    /// <summary>Reads <paramref name="yaml"/>, whose first line is line <paramref name="firstLine"/> of its file.</summary>
    /// <param name="maxDepth">Nesting deeper than this is refused (at most <see cref="MaxConfigurableDepth"/>).</param>
    /// <returns>The root node (null for an empty document), or a syntax problem with its position.</returns>
    public static (YamlNode? Root, ParseProblem? Problem) Read(string yaml, int firstLine, int maxDepth = MaxDepth)
    {
        var offset = firstLine - 1;
        maxDepth = Math.Clamp(maxDepth, 1, MaxConfigurableDepth);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return (null, null);
            parser.Consume<DocumentStart>();
            if (parser.Accept<DocumentEnd>(out _)) return (null, null);
            var root = ReadNode(parser, offset, depth: 0, maxDepth);
            parser.Consume<DocumentEnd>();
            return (root, null);
        }
        catch (RefusedYamlException e)
        {
            return (null, Problem($"front matter is not valid YAML: {e.Message}", e.Span));
        }
        catch (YamlException e)
        {
            var (line, column) = ((int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            // For a tab used as indentation, YamlDotNet points at the map the tab is in: point at the tab.
            if (e.Message.Contains("tab", StringComparison.Ordinal) && TabIndentedLine(yaml, line) is { } tabbed) (line, column) = (tabbed, 1);
            var message = PlainMessage(yaml, line) ?? CleanMessage(e);
            line += offset;
            return (null, Problem(message, SourceSpan.At(line, column)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet throws these without a position for some malformed input (an unclosed '[').
            return (null, Problem($"front matter is not valid YAML: {e.Message}", SourceSpan.At(firstLine)));
        }
    }

    /// <summary>The first line from <paramref name="from"/> on (1-based) whose indentation has a tab.</summary>
    private static int? TabIndentedLine(string yaml, int from)
    {
        var lines = yaml.Split('\n');
        for (var i = from - 1; i < lines.Length; i++)
        {
            var indentation = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
            if (indentation.Contains('\t', StringComparison.Ordinal)) return i + 1;
        }

        return null;
    }

    private static ParseProblem Problem(string message, SourceSpan span) =>
        new(ParseProblemKind.Syntax, message, span, "front-matter");

    /// <summary>What YamlDotNet's wording hides, said plainly: a Markdown list (<c>* alice</c>) is an alias in YAML.</summary>
    private static string? PlainMessage(string yaml, int line)
    {
        var lines = yaml.Split('\n');
        if (line < 1 || line > lines.Length) return null;
        var text = lines[line - 1].TrimStart();
        if (text.StartsWith('*') && !text.StartsWith("**", StringComparison.Ordinal) || text.Contains(": *", StringComparison.Ordinal))
            return "front matter is not valid YAML: a list item starts with '- ', not '*' (YAML reads '*' as an alias); write '- value', or quote a value that starts with '*'";
        if (text.StartsWith('&') || text.Contains(": &", StringComparison.Ordinal))
            return "front matter is not valid YAML: a value that starts with '&' must be quoted (YAML reads '&' as an anchor)";
        return null;
    }

    private static string CleanMessage(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && paren > 0) message = message[(paren + 3)..];
        return $"front matter is not valid YAML: {message.TrimEnd('.')}";
    }

    private static YamlNode ReadNode(IParser parser, int offset, int depth, int maxDepth)
    {
        if (depth > maxDepth)
            throw new RefusedYamlException($"nesting deeper than {maxDepth} levels is not supported", At(parser.Current!.Start, offset));

        if (parser.TryConsume<AnchorAlias>(out var alias))
            throw new RefusedYamlException("aliases (*name) are not supported", At(alias.Start, offset));
        if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
            throw new RefusedYamlException("anchors (&name) are not supported", At(anchored.Start, offset));

        if (parser.TryConsume<Scalar>(out var scalar))
            return new YamlScalar(scalar.Value.Replace(BareMention, '@'), scalar.Style == ScalarStyle.Plain, Span(scalar.Start, scalar.End, offset));

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(parser, offset, depth + 1, maxDepth));

            var last = items.Count > 0 ? items[^1].Span : Span(sequenceStart.Start, sequenceStart.End, offset);
            return new YamlSequence(items, Join(Span(sequenceStart.Start, sequenceStart.End, offset), last));
        }

        var mappingStart = parser.Consume<MappingStart>();
        var entries = new List<YamlEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadNode(parser, offset, depth + 1, maxDepth) is not YamlScalar key)
                throw new RefusedYamlException("keys must be plain values, not lists or maps", At(mappingStart.Start, offset));
            if (!seen.Add(YamlMapping.NormalizeKey(key.Value)))
                throw new RefusedYamlException($"duplicate key '{key.Value}'", key.Span);
            entries.Add(new YamlEntry(key, ReadNode(parser, offset, depth + 1, maxDepth)));
        }

        var first = Span(mappingStart.Start, mappingStart.End, offset);
        return new YamlMapping(entries, entries.Count > 0 ? Join(first, entries[^1].Value.Span) : first);
    }

    private static SourceSpan At(Mark mark, int offset) => SourceSpan.At((int)mark.Line + offset, (int)mark.Column);

    private static SourceSpan Span(Mark start, Mark end, int offset) =>
        new((int)start.Line + offset, (int)start.Column, (int)end.Line + offset, (int)end.Column);

    private static SourceSpan Join(SourceSpan first, SourceSpan last) =>
        new(first.Line, first.Column, last.EndLine, last.EndColumn);

    /// <summary>YAML that parses but that we refuse, with its position in the file.</summary>
    private sealed class RefusedYamlException(string message, SourceSpan span) : Exception(message)
    {
        public SourceSpan Span { get; } = span;
    }
}
