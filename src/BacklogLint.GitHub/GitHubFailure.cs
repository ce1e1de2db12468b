using System.Globalization;
using System.Net;
using System.Text;
using BacklogLint.Reporting;
using Octokit;

namespace BacklogLint.GitHub;

/// <summary>Turns what went wrong talking to GitHub into one plain sentence for a notice. Text from the server is
/// reduced to a short run of harmless characters, so that it can neither inject markup nor carry a secret far.</summary>
public static class GitHubFailure
{
    private const int ServerTextLimit = 120;

    /// <summary>A 403 that is not a rate limit: the token may not write here (a fork's pull request, a read-only
    /// token, missing <c>permissions:</c>).</summary>
    public static bool IsPermissionDenied(Exception exception) =>
        exception is ForbiddenException and not RateLimitExceededException and not SecondaryRateLimitExceededException;

    /// <summary>A failure that every further request would meet as well (the token refused, a rate limit, an outage
    /// that outlasted the retries, the budget spent, no connection): not worth a second request, nor a second notice.</summary>
    public static bool AffectsEveryRequest(Exception exception) => exception switch
    {
        AuthorizationException or RateLimitExceededException or SecondaryRateLimitExceededException => true,
        ApiException { StatusCode: var status } => (int)status >= 500 || (int)status == 429,
        TimeoutException or OperationCanceledException or HttpRequestException => true,
        _ => false,
    };

    /// <summary>A primary or secondary rate limit (a 403 that may be retried later).</summary>
    public static bool IsRateLimit(Exception exception) =>
        exception is RateLimitExceededException or SecondaryRateLimitExceededException;

    /// <param name="action">What was being done, e.g. "update the pull request comment".</param>
    /// <param name="redact">Removes secrets from the server's text: applied before anything else touches it, so that a
    /// secret cut or cleaned cannot slip past it.</param>
    public static string Describe(Exception exception, string action, Func<string, string>? redact = null)
    {
        var secrets = redact ?? SecretRedactor.Shapes.Redact;
        return secrets(DescribeRaw(exception, action, text => Clean(secrets(SecretRedactor.Shapes.Redact(text)))));
    }

    private static string DescribeRaw(Exception exception, string action, Func<string, string> clean) => exception switch
    {
        RateLimitExceededException limit => Invariant($"GitHub's rate limit stopped the request to {action} (it resets at {limit.Reset.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)."),
        SecondaryRateLimitExceededException => $"GitHub's secondary rate limit stopped the request to {action}, also after retrying.",
        ForbiddenException forbidden => $"The token may not {action} (403 {ServerText(forbidden, clean)}). Give the workflow `permissions: pull-requests: write` (and `checks: write` for --check-run).",
        AuthorizationException => $"GitHub refused the token when asked to {action} (401 Unauthorized).",
        NotFoundException => $"GitHub answered 404 Not Found when asked to {action}: check GITHUB_REPOSITORY, the pull request and GITHUB_API_URL.",
        ApiValidationException invalid => $"GitHub refused to {action} (422 {ServerText(invalid, clean)}).",
        ApiException { StatusCode: var status } when (int)status >= 500 || (int)status == 429 =>
            Invariant($"GitHub failed to {action} ({(int)status} {Reason(status)}), also after retrying."),
        ApiException api => Invariant($"GitHub answered {(int)api.StatusCode} {Reason(api.StatusCode)} when asked to {action}."),
        GitHubTimeoutException timeout => $"GitHub did not answer in time when asked to {action} ({clean(timeout.Message)}).",
        OperationCanceledException or TimeoutException => $"GitHub did not answer in time when asked to {action}.",
        HttpRequestException => $"GitHub could not be reached to {action} ({clean(exception.Message)}).",
        InvalidDataException => $"GitHub's answer could not be read when asked to {action}: {clean(exception.Message)}.",
        _ => $"GitHub's answer could not be read when asked to {action} ({exception.GetType().Name}).",
    };

    private static string ServerText(ApiException exception, Func<string, string> clean) =>
        exception.ApiError?.Message is { Length: > 0 } message ? clean(message) : Reason(exception.StatusCode);

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.Forbidden => "Forbidden",
        _ => status.ToString(),
    };

    /// <summary>Letters, digits, spaces and plain punctuation, at most <see cref="ServerTextLimit"/> characters.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder();
        foreach (var c in text)
        {
            if (clean.Length >= ServerTextLimit) break;
            if (char.IsLetterOrDigit(c) || c is ' ' or '.' or ',' or ':' or ';' or '\'' or '(' or ')' or '-' or '/' or '_' or '*') clean.Append(c);
            else if (char.IsWhiteSpace(c) && clean.Length > 0 && clean[^1] != ' ') clean.Append(' ');
        }

        return clean.ToString().Trim();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
