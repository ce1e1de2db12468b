using System.Text;

namespace BacklogLint.Reporting.Html;

/// <summary>Makes text taken from work items (ids, owners, teams, messages, paths) safe in HTML element content and in
/// quoted attribute values: it shows as the same characters, on one line, and can add no tag, entity or attribute.</summary>
public static class HtmlText
{
    /// <summary><c>&amp; &lt; &gt; " '</c> as entities; line breaks and other control characters as spaces; bidirectional
    /// overrides dropped (so that text cannot pretend to read otherwise); cut to <paramref name="maxLength"/> characters
    /// with an ellipsis.</summary>
    /// <param name="breakMentions">A <see cref="MarkdownText.MentionBreak"/> after every <c>@</c> and <c>#</c>, for HTML
    /// that GitHub shows (raw HTML in a Markdown report), where a mention would ping.</param>
    public static string Escape(string? text, int maxLength = MarkdownText.DefaultMaxLength, bool breakMentions = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var source = MarkdownText.Truncate(text, maxLength);
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
                case '@' or '#' when breakMentions: escaped.Append(c).Append(MarkdownText.MentionBreak); break;
                case '\u2028' or '\u2029' or '\u0085': escaped.Append(' '); break;
                case >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F': break;
                default: escaped.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return escaped.ToString();
    }
}
