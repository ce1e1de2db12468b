using System.Text;
using System.Text.RegularExpressions;

namespace BacklogLint.Reporting;

/// <summary>Replaces credentials in text by <c>***</c> before it goes anywhere a reader could see it: the exact
/// secrets it was given (also URL-encoded and inside base64, as basic auth carries them), every GitHub token shape
/// (<c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c>, <c>github_pat_</c>), credentials after
/// <c>Bearer</c>, <c>token</c> and <c>Basic</c>, the value of any <c>Authorization</c> header, and user info in URLs.
/// The Actions runner masks only the exact secret; a server that echoes it back changed, cut or encoded would slip
/// through, so this runs first, before any other cleaning of the text.</summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    /// <param name="secrets">The exact secrets (the token); empty or very short ones are ignored.</param>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        var exact = secrets.OfType<string>().Select(s => s.Trim()).Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).ToList();
        Exact = exact;
        _secrets = [.. exact
            .SelectMany(secret => new[] { secret, Uri.EscapeDataString(secret), Squeezed(secret) })
            .Where(form => form.Length >= 4)
            .Concat(exact.SelectMany(Base64Forms))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)];
    }

    /// <summary>Shapes only (every process makes one at start-up, with nothing to derive).</summary>
    private SecretRedactor()
    {
        _secrets = [];
        Exact = [];
    }

    /// <summary>Shapes only: no exact secret known.</summary>
    public static SecretRedactor Shapes { get; } = new();

    internal IReadOnlyList<string> Exact { get; }

    public string Redact(string? text) => Redact(text, everyPattern: false);

    /// <param name="everyPattern">Run every pattern on every text, without first checking that it can match there: the
    /// same result, slower (tests compare the two).</param>
    internal string Redact(string? text, bool everyPattern)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var result = text;
        foreach (var secret in _secrets) result = result.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
        // Each pattern runs only on text that holds what it cannot match without (a word, "://…@"): most
        // lines hold none, and the first use of a case-insensitive pattern costs ~10 ms of every start-up (its vectorised
        // search is compiled then). Text that is not all ASCII goes through every pattern: ignoring case, a pattern
        // also matches some non-ASCII letters to ASCII ones (the Kelvin sign to k), which the checks here do not know.
        var all = everyPattern || !Ascii.IsValid(result);
        if (all || HasUserInfo(result)) result = UrlUserInfo().Replace(result, "$1" + Mask + "@");
        if (all || result.Contains("authorization", StringComparison.OrdinalIgnoreCase)) result = AuthorizationValue().Replace(result, "${name}" + Mask);
        if (all || ContainsAny(result, SchemeWords, StringComparison.OrdinalIgnoreCase)) result = SchemeCredential().Replace(result, "${scheme}" + Mask);
        if (everyPattern || ContainsAny(result, TokenStarts, StringComparison.Ordinal)) result = TokenShape().Replace(result, Mask);
        result = everyPattern ? Base64Run().Replace(result, match => HidesSecret(match.Value) ? Mask : match.Value) : ReplaceBase64Runs(result);
        return result;
    }

    /// <summary>What <see cref="Base64Run"/> with <see cref="HidesSecret"/> replaces, found by hand: its matches are the
    /// runs of 16 or more characters of its class, each with up to two <c>=</c> after it (the class holds no <c>=</c>,
    /// and a greedy match takes a run whole). Every fingerprint in a JSON report is such a run; the regex's first
    /// replacement with a callback cost ~3 ms of compiling at run time.</summary>
    private string ReplaceBase64Runs(string text)
    {
        System.Text.StringBuilder? replaced = null;
        var copied = 0;
        for (var start = 0; start < text.Length;)
        {
            if (!IsBase64RunChar(text[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < text.Length && IsBase64RunChar(text[end])) end++;
            if (end - start >= Base64RunLength)
            {
                for (var padding = 0; padding < 2 && end < text.Length && text[end] == '='; padding++) end++;
                if (HidesSecret(text[start..end]))
                {
                    replaced ??= new System.Text.StringBuilder(text.Length);
                    replaced.Append(text, copied, start - copied).Append(Mask);
                    copied = end;
                }
            }

            start = end;
        }

        return replaced is null ? text : replaced.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsBase64RunChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '_' or '-';

    /// <summary>What <see cref="TokenShape"/> starts with (case matters there).</summary>
    private static readonly string[] TokenStarts = ["gh", "github_pat_", "v1."];

    /// <summary>What <see cref="SchemeCredential"/> starts with, in any case.</summary>
    private static readonly string[] SchemeWords = ["bearer", "basic", "token"];

    /// <summary>Whether <see cref="UrlUserInfo"/> can match: an <c>@</c> after a <c>://</c> (a report's links have none).</summary>
    private static bool HasUserInfo(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 && text.IndexOf('@', scheme + 3) >= 0;
    }

    private static bool ContainsAny(string text, string[] parts, StringComparison comparison)
    {
        foreach (var part in parts)
            if (text.Contains(part, comparison)) return true;
        return false;
    }

    private const int Base64RunLength = 16;

    /// <summary>A run of base64 that decodes to a secret or a token shape (basic auth, a token written encoded).</summary>
    private bool HidesSecret(string run)
    {
        foreach (var candidate in new[] { run, run.Replace('-', '+').Replace('_', '/') })
        {
            var padded = candidate.TrimEnd('=');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var bytes = new byte[padded.Length];
            if (!Convert.TryFromBase64String(padded, bytes, out var written)) continue;
            var decoded = Encoding.UTF8.GetString(bytes, 0, written);
            if (TokenShape().IsMatch(decoded)) return true;
            if (Exact.Any(secret => decoded.Contains(secret, StringComparison.Ordinal))) return true;
        }

        return false;
    }

    /// <summary>The secret without its punctuation, as a careless cleaner leaves it (<c>ghs_AB-C</c> → <c>ghsABC</c>).</summary>
    private static string Squeezed(string secret)
    {
        var squeezed = new string([.. secret.Where(char.IsAsciiLetterOrDigit)]);
        return squeezed.Length >= 8 ? squeezed : secret;
    }

    private static IEnumerable<string> Base64Forms(string secret)
    {
        foreach (var plain in new[] { secret, $"x-access-token:{secret}", $"{secret}:x-oauth-basic", $"{secret}:", $":{secret}", $"x-oauth-basic:{secret}" })
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(plain));
            yield return encoded;
            yield return encoded.TrimEnd('=');
        }
    }

    // ghp_ (personal), gho_ (OAuth), ghu_ (user-to-server), ghs_ (server-to-server, the Actions token), ghr_ (refresh),
    // github_pat_ (fine-grained); v1.<40 hex> is the old installation token.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9_]{6,}|github_pat_[A-Za-z0-9_]{6,}|v1\.[0-9a-f]{40})", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"(?<name>\bauthorization[""']?\s*[:=]\s*[""']?)[^""'\r\n,;}\]]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationValue();

    // "Bearer X" and "Basic X" are always credentials; after "token" only something that looks like one (a digit or
    // an underscore in it), so that a sentence about "the token permissions" stays readable.
    [GeneratedRegex(@"(?<scheme>\b(?:bearer|basic)\s+)[A-Za-z0-9._~+/=-]{6,}|(?<scheme>\btoken\s+)(?=[A-Za-z0-9._~+/=-]*[0-9_])[A-Za-z0-9._~+/=-]{12,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeCredential();

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://)[^\s/@:]+:[^\s/@]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();

    // {16,}: Base64RunLength.
    [GeneratedRegex(@"[A-Za-z0-9+/_-]{16,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Base64Run();
}
