using System.Text;

namespace BacklogLint.Reporting;

/// <summary>Makes text taken from work items (titles, ids, owners, agreement text, paths) safe to show in GitHub
/// Markdown: it renders as the same characters, on one line, and can neither add markup, HTML or links nor ping
/// anyone.</summary>
/// <remarks>
/// <para>One method for every place (paragraphs, list items, table cells, link text):</para>
/// <list type="bullet">
/// <item>line breaks and other control characters become spaces, so that text stays in its line, list item or
/// table row; bidirectional overrides are dropped, so that text cannot pretend to read otherwise;</item>
/// <item><c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and <c>"</c> become entities, so that no HTML tag, comment or entity
/// comes through (<c>&amp;#64;</c> stays those characters, not an <c>@</c>);</item>
/// <item>every other ASCII punctuation character is backslash-escaped, which CommonMark defines as the literal
/// character: no emphasis, code span, link, image, table cell break (<c>\|</c>), heading, math or <c>::</c>;</item>
/// <item><c>@</c> and <c>#</c> are followed by a zero-width space (written as <see cref="MentionBreak"/>): GitHub
/// links a mention or an issue reference only when a name or number follows the sign directly, so
/// <c>@everyone</c>, <c>@org/team</c> and <c>#12</c> show as written and notify nobody. Backslash escapes and code
/// spans do not do this reliably (GitHub finds mentions in the rendered text), the zero-width space does; Dependabot
/// neutralises mentions in the release notes it quotes the same way.</item>
/// </list>
/// </remarks>
public static class MarkdownText
{
    /// <summary>A zero-width space, as an entity so that it survives editors and is visible in the raw text.</summary>
    public const string MentionBreak = "&#8203;";

    /// <summary>How much of one piece of item text a report shows (before escaping).</summary>
    public const int DefaultMaxLength = 500;

    /// <summary><paramref name="text"/> for an editor's hover, which renders Markdown locally and notifies nobody:
    /// on one line, with a backslash only before the characters that can start markup or HTML (<c>\ ` * _ [ ] &lt; &gt; &amp; | ~ #</c>),
    /// so that a client that shows the Markdown as typed (Neovim) shows few backslashes and <c>'in-progress'</c> as it is.</summary>
    public static string EscapeForEditor(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var source = Truncate(text, maxLength);
        var escaped = new StringBuilder(source.Length + 8);
        foreach (var c in source)
        {
            if (char.IsControl(c)) escaped.Append(' ');
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '|' or '~' or '#') escaped.Append('\\').Append(c);
            else escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary><paramref name="text"/> for raw HTML in a Markdown report (a <c>&lt;summary&gt;</c>, where GitHub reads no
    /// Markdown and would show backslash escapes as typed): cut, on one line, HTML-encoded, and pinging nobody (a
    /// <see cref="MentionBreak"/> after every <c>@</c> and <c>#</c>).</summary>
    public static string EscapeHtml(string? text, int maxLength = DefaultMaxLength) => Html.HtmlText.Escape(text, maxLength, breakMentions: true);

    /// <summary><paramref name="text"/>, cut to <paramref name="maxLength"/> characters (with an ellipsis), escaped.</summary>
    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var source = Truncate(text, maxLength);
        var escaped = new StringBuilder(source.Length + 16);
        foreach (var c in source)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '@': escaped.Append('@').Append(MentionBreak); break;
                case '#': escaped.Append("\\#").Append(MentionBreak); break;
                case >= '!' and <= '~' when !char.IsAsciiLetterOrDigit(c): escaped.Append('\\').Append(c); break;
                case '\u2028' or '\u2029' or '\u0085': escaped.Append(' '); break;
                case >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F': break;
                default: escaped.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>At most <paramref name="maxLength"/> characters, ending with '…' when cut; never splits a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength) return text;
        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>A URL that is safe as a Markdown link destination and inside a table cell: characters outside the
    /// URL's own set (spaces, parentheses, square and angle brackets, quotes, backticks, <c>|</c>, backslashes,
    /// controls and non-ASCII) are percent-encoded as UTF-8.</summary>
    public static string Url(string url)
    {
        var encoded = new StringBuilder(url.Length);
        foreach (var b in Encoding.UTF8.GetBytes(url))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~:/?#@!$&'*+,;=%".Contains(c, StringComparison.Ordinal)) encoded.Append(c);
            else encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return encoded.ToString();
    }

    /// <summary>A link whose text is escaped item text and whose destination is <see cref="Url"/>-encoded.</summary>
    public static string Link(string text, string url) => $"[{Escape(text)}]({Url(url)})";
}
