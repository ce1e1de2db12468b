using System.Globalization;
using System.Text;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting;

/// <summary>GitHub Actions workflow commands (<c>::warning file=…,line=…,endLine=…,title=BL0001::message</c>) that
/// the runner turns into annotations. Escaped exactly as the Actions toolkit (@actions/core) escapes them, so that no
/// text from an item can end the command early or start one of its own.</summary>
public static class WorkflowCommandWriter
{
    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) writer.WriteLine(Format(diagnostic));
    }

    /// <summary>One annotation: <c>error</c>, <c>warning</c> or <c>notice</c> (a suggestion).</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var properties = new List<(string, string)>();
        if (diagnostic.Path is { } path)
        {
            properties.Add(("file", path));
            if (diagnostic.Span is { } span)
            {
                properties.Add(("line", span.Line.ToString(CultureInfo.InvariantCulture)));
                properties.Add(("endLine", span.EndLine.ToString(CultureInfo.InvariantCulture)));
                if (span.Line == span.EndLine)
                {
                    properties.Add(("col", span.Column.ToString(CultureInfo.InvariantCulture)));
                    properties.Add(("endColumn", span.EndColumn.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        properties.Add(("title", $"{diagnostic.Id}: {diagnostic.Descriptor.Title}"));
        return Command(Kind(diagnostic.Severity), properties, diagnostic.Message);
    }

    /// <summary>A notice without a file, for what the run itself has to say (a shallow clone, a fork PR).</summary>
    public static string Notice(string message) => Command("notice", [], message);

    public static string Command(string name, IReadOnlyList<(string Key, string Value)> properties, string message)
    {
        var text = new StringBuilder("::").Append(name);
        for (var i = 0; i < properties.Count; i++)
            text.Append(i == 0 ? ' ' : ',').Append(properties[i].Key).Append('=').Append(EscapeProperty(properties[i].Value));
        return text.Append("::").Append(EscapeData(message)).ToString();
    }

    /// <summary>As <c>escapeData</c> in @actions/core: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>As <c>escapeProperty</c> in @actions/core: also <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Kind(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };
}
