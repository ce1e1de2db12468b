using System.Text;

namespace BacklogLint.Reporting.Html;

/// <summary>Makes text taken from work items (ids, owners, teams, messages, paths) safe in HTML element content and in
/// quoted attribute values: it shows as the same characters, on one line, and can add no tag, entity or attribute.</summary>
public static class HtmlText
{
    /// <summary><c>&amp; &lt; &gt; " '</c> as entities; line breaks and other control characters as spaces; bidirectional
    /// overrides dropped (so that text cannot pretend to read otherwise); cut to <paramref name="maxLength"/> characters
    /// with an ellipsis.</summary>
    public static string Escape(string? text, int maxLength = MarkdownText.DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var source = text.Length > maxLength ? text[..maxLength] + "…" : text;
        var escaped = new StringBuilder(source.Length + 16);
        foreach (var c in source)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                case >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069': break;
                default: escaped.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return escaped.ToString();
    }
}
