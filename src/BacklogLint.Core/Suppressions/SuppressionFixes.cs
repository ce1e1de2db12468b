using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Suppressions;

/// <summary>Fixes that suppress a finding with a reason, for an editor to offer as code actions. They are a person's
/// decision (the finding is accepted, not resolved), so no rule attaches them and <c>check --fix</c> never applies
/// them. The reason is a placeholder (<see cref="ReasonPlaceholder"/>) to overwrite.</summary>
public static class SuppressionFixes
{
    /// <summary>What the reason says until someone writes the real one.</summary>
    public const string ReasonPlaceholder = "say why this is accepted";

    /// <summary>The ways to suppress <paramref name="diagnostic"/> in <paramref name="text"/> (its file as the finding saw
    /// it), best first: a <c>disable-next-line</c> comment above its line (an HTML comment in the body, a YAML comment in
    /// the front matter or a whole-YAML item file), and a <c>suppress:</c> entry of the front matter for the whole item.
    /// Empty for a finding with no file or line, or a line nothing can be put above (the opening <c>---</c>).</summary>
    public static IReadOnlyList<Fix> For(Diagnostic diagnostic, SourceText text, string reason = ReasonPlaceholder)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(text);
        if (diagnostic is not { Path: { } path, Span: { } span }) return [];
        var fixes = new List<Fix>();
        var yamlFile = !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        var frontMatter = yamlFile ? (First: 1, Closing: (int?)text.LineCount + 1) : WorkItemParser.FindFrontMatter(text);
        if (NextLine(diagnostic, path, span.Line, text, frontMatter, reason, yamlFile) is { } nextLine) fixes.Add(nextLine);
        if (frontMatter is (var first, int closing) && FrontMatterEntry(diagnostic, path, text, first, closing, yamlFile, reason) is { } entry) fixes.Add(entry);
        return fixes;
    }

    private static Fix? NextLine(Diagnostic diagnostic, string path, int line, SourceText text, (int First, int? Closing)? frontMatter, string reason, bool yamlFile)
    {
        if (line < 1 || line > Math.Max(1, text.LineCount)) return null;
        // Nothing goes above the opening fence: the front matter would no longer open the file.
        if (!yamlFile && line == 1 && frontMatter is not null) return null;
        // In YAML up to the closing fence (a comment above the fence is still in the front matter); HTML in the body.
        var inYaml = frontMatter is (var first, int closing) && line >= first && line <= closing;
        var target = text.Line(line);
        var indent = target[..(target.Length - target.TrimStart().Length)];
        var directive = $"backloglint-disable-next-line {diagnostic.Id}: {OneLine(reason)}";
        var comment = inYaml ? $"{indent}# {directive}\n" : $"{indent}<!-- {directive.Replace("--", "- -", StringComparison.Ordinal)} -->\n";
        return Fix.Replace($"Suppress {diagnostic.Id} on this line (with a reason)", path, TextRange.At(line, 1), comment);
    }

    private static Fix? FrontMatterEntry(Diagnostic diagnostic, string path, SourceText text, int first, int closing, bool yamlFile, string reason)
    {
        var yaml = first > closing - 1 ? "" : text.Text[text.LineStart(first)..(closing > text.LineCount ? text.Text.Length : text.LineStart(closing))];
        var (root, problem) = YamlReader.Read(yaml, first);
        if (problem is not null || root is not (YamlMapping or null)) return null;
        var value = $"{diagnostic.Id}: {Quoted(reason)}";
        var title = $"Suppress {diagnostic.Id} in this item (with a reason)";
        var suppress = (root as YamlMapping)?.Find("suppress");
        switch (suppress?.Value)
        {
            case null:
                // A new key, last in the front matter; a whole-YAML file that does not end in a line break gets one first.
                var atEnd = yamlFile ? TextRange.FromOffsets(text, text.Text.Length, text.Text.Length) : TextRange.At(closing, 1);
                var lead = yamlFile && text.Text.Length > 0 && text.Text[^1] is not ('\n' or '\r') ? "\n" : "";
                return Fix.Replace(title, path, atEnd, $"{lead}suppress:\n  {value}\n");
            case YamlScalar { IsNull: true }:
                return Fix.Replace(title, path, TextRange.At(suppress.Key.Span.EndLine + 1, 1), $"  {value}\n");
            case YamlMapping map when map.Find(diagnostic.Id) is not null:
                return null;
            case YamlMapping { Entries.Count: > 0 } map when text.Line(map.Span.Line) is var line && map.Span.Column - 1 < line.Length && line[map.Span.Column - 1] == '{':
                var last = map.Entries[^1].Value.Span;
                return Fix.Replace(title, path, TextRange.At(last.EndLine, last.EndColumn), $", {value}");
            case YamlMapping { Entries.Count: > 0 } map:
                var indent = new string(' ', map.Entries[0].Key.Span.Column - 1);
                return Fix.Replace(title, path, TextRange.At(map.Entries[^1].Value.Span.EndLine + 1, 1), $"{indent}{value}\n");
            default:
                return null;
        }
    }

    private static string OneLine(string reason) => string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Quoted(string reason) => "\"" + OneLine(reason).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
