using System.Text.RegularExpressions;

namespace BacklogLint.Core.Parsing;

/// <summary>Status values as real repositories write them: <c>**Accepted**</c>, <c>Accepted (2024-05-01)</c>,
/// <c>Superseded by [ADR-0012](0012-x.md)</c>, <c>Last Call</c>. The word is what remains without emphasis, links
/// and parenthesised remarks; when that whole text is not a known word, its leading words are tried, longest first.</summary>
internal static partial class StatusText
{
    private const int MaxLength = 300;

    /// <summary>The texts to look up, best first; the value as written comes first.</summary>
    public static IEnumerable<string> Candidates(string value)
    {
        yield return value;
        // A status is a few words; a longer value is taken as written (and reported as unknown).
        if (value.Length > MaxLength) yield break;
        var plain = Plain(value);
        if (plain.Length == 0) yield break;
        yield return plain;
        var words = plain.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var count = words.Length - 1; count >= 1; count--)
            yield return string.Join(' ', words.Take(count)).TrimEnd(',', ';', ':', '.');
    }

    /// <summary>The text without Markdown emphasis, links (their text is kept), parenthesised remarks and what follows
    /// a dash or a colon.</summary>
    public static string Plain(string value)
    {
        var text = Link().Replace(value, "$1");
        text = Parenthesised().Replace(text, " ");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal)
            .Replace("`", "", StringComparison.Ordinal).Replace("~~", "", StringComparison.Ordinal);
        text = text.Trim().Trim('*', '_', '"', '\'', '[', ']').Trim();
        var cut = text.IndexOfAny([':', '\u2013', '\u2014']);
        if (cut > 0) text = text[..cut];
        return text.Trim().TrimEnd('.', ',', ';');
    }

    /// <summary>What "Superseded by X" names: the target of a link (<c>[ADR-0012](0012-x.md)</c>) or the next word.</summary>
    public static (string Text, bool IsLink)? SupersededBy(string value)
    {
        if (value.Length > MaxLength) return null;
        var match = SupersededByPattern().Match(value);
        if (!match.Success) return null;
        return match.Groups["target"].Success
            ? (match.Groups["target"].Value.Trim(), true)
            : (match.Groups["word"].Value.Trim().TrimEnd('.', ',', ';', ')'), false);
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    // The successor is a link's target or a word that starts like an id: "Superseded by [](  )" names nothing.
    [GeneratedRegex(@"superseded\W+by\W+?(?:\[[^\]]*\]\((?<target>[^)\s]+)[^)]*\)|(?<word>[A-Za-z0-9][^\s\[\]*_()]*))", RegexOptions.IgnoreCase)]
    private static partial Regex SupersededByPattern();
}
