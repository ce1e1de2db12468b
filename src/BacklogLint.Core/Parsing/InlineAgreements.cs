using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Parsing;

/// <summary>Reads one list item under an <c>## Agreements</c> heading:
/// <c>- 2026-05-03 @payments @sre: webhooks are delivered at least once. review-by: 2026-11-01</c>.
/// A leading date, the parties as @-mentions, the text, an optional <c>review-by:</c> or <c>review-every:</c>.</summary>
internal static partial class InlineAgreements
{
    public static Agreement Read(SourceText source, int line, List<ParseProblem> problems)
    {
        var raw = source.Line(line);
        var marker = ListMarker().Match(raw);
        var column = marker.Length + 1;
        var content = raw[marker.Length..].TrimEnd();
        var span = new SourceSpan(line, column, line, raw.TrimEnd().Length + 1);

        Located<DateOnly>? agreed = null;
        var date = LeadingDate().Match(content);
        if (date.Success)
        {
            var dateSpan = new SourceSpan(line, column, line, column + date.Length);
            if (FieldReader.TryParseDate(date.Value, out var value)) agreed = new Located<DateOnly>(value, dateSpan);
            else problems.Add(Invalid($"the agreement's date '{date.Value}' is not a date (write YYYY-MM-DD)", dateSpan));
        }

        var parties = Mention().Matches(content).Select(mention =>
        {
            var party = mention.Value.TrimEnd('.', ':', ',', ';', ')');
            return new Located<string>(party, new SourceSpan(line, column + mention.Index, line, column + mention.Index + party.Length));
        }).ToList();
        var reviewBy = ReadClause<DateOnly>(ReviewBy(), FieldReader.TryParseDate, "a date (write YYYY-MM-DD)", content, line, column, problems);
        var reviewEvery = ReadClause<Period>(ReviewEvery(), Period.TryParse, "a period (write 90d, 12w, 6m or 1y)", content, line, column, problems);
        var text = LeadingParties().Replace(ReviewClause().Replace(LeadingDate().Replace(content, ""), "").Trim(), "").Trim();

        return new Agreement(
            AgreementKind.Inline,
            Key: "inline:" + Normalize(text),
            Text: text,
            Parties: parties,
            Agreed: agreed,
            Updated: null,
            ReviewBy: reviewBy,
            ReviewEvery: reviewEvery,
            SupersededBy: null,
            Status: StatusClass.InForce,
            Span: span,
            SourceLine: raw.TrimEnd());
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>Reads a <c>review-by:</c> or <c>review-every:</c> clause; a value that does not parse is a problem.</summary>
    private static Located<T>? ReadClause<T>(Regex clause, TryParse<T> parse, string expected, string content, int line, int column, List<ParseProblem> problems)
    {
        var match = clause.Match(content);
        if (!match.Success) return null;
        var value = match.Groups[1];
        var span = new SourceSpan(line, column + value.Index, line, column + value.Index + value.Length);
        if (parse(value.Value, out var parsed)) return new Located<T>(parsed, span);
        problems.Add(Invalid($"the agreement's {match.Groups[0].Value.Split(':')[0].ToLowerInvariant()} '{value.Value}' is not {expected}", span));
        return null;
    }

    private static ParseProblem Invalid(string message, SourceSpan span) =>
        new(ParseProblemKind.InvalidValue, message, span, "agreements");

    private static string Normalize(string text) => Whitespace().Replace(text.ToLowerInvariant(), " ");

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}(?:[T ][0-9:.+\-Z]+)?")]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"(?<![\w@`])@[A-Za-z0-9][\w.\-/]*")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\breview-by:\s*([^\s,;)]+?)\.?(?=[\s,;)]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewBy();

    [GeneratedRegex(@"\breview-every:\s*([^\s,;)]+?)\.?(?=[\s,;)]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewEvery();

    [GeneratedRegex(@"\(?\breview-(?:by|every):\s*[^\s,;)]+\)?\.?", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewClause();

    [GeneratedRegex(@"^(?:@[\w.\-/]+[\s,]*(?:and\s+)?)+:\s*")]
    private static partial Regex LeadingParties();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
