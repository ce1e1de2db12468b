using System.Globalization;

namespace BacklogLint.GitHub;

/// <summary>How often and how long <see cref="GitHubRetryHandler"/> waits for GitHub.</summary>
/// <param name="MaxRetries">Retries after the first attempt.</param>
/// <param name="MaxWait">The longest wait before one retry. When GitHub asks for longer (a rate limit that resets in
/// minutes) the handler gives up at once: waiting less would only be refused again, and GitHub may ban clients
/// that keep asking.</param>
/// <param name="FirstBackoff">The wait before the first retry when GitHub names none; doubled for each further one.</param>
public sealed record RetryPolicy(int MaxRetries, TimeSpan MaxWait, TimeSpan FirstBackoff)
{
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
}

/// <summary>Retries what GitHub's documentation says to retry — 5xx, 429, and 403 rate limits (primary:
/// <c>x-ratelimit-remaining: 0</c>; secondary: the message says so) — a bounded number of times, honouring
/// <c>Retry-After</c> and <c>x-ratelimit-reset</c>; network failures are retried with backoff. Everything else
/// (401, 403 "Resource not accessible by integration", 404, 422) is answered at once. Plugged into Octokit through
/// <c>HttpClientAdapter</c>; Octokit has no retries of its own.</summary>
/// <remarks>A small handler rather than a package: no resilience library (Polly, Microsoft.Extensions.Http.Resilience)
/// is among the repository's pinned packages, and GitHub's rules (a rate limit in a 403 body, a reset time as epoch
/// seconds) need custom predicates either way. The wait is injectable so that tests never sleep.</remarks>
public sealed class GitHubRetryHandler : DelegatingHandler
{
    /// <summary>GitHub's advice for a secondary rate limit that names no wait.</summary>
    private static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromMinutes(1);

    private readonly RetryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="delay">Waits before a retry; default <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>.</param>
    public GitHubRetryHandler(RetryPolicy policy, TimeProvider time, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _policy = policy;
        _time = time;
        _delay = delay ?? ((wait, cancellation) => Task.Delay(wait, time, cancellation));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (attempt < _policy.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                await _delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (attempt >= _policy.MaxRetries) return response;
            var wait = await RetryWaitAsync(response, attempt, cancellationToken).ConfigureAwait(false);
            if (wait is not { } delay || delay > _policy.MaxWait) return response;
            response.Dispose();
            await _delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long to wait before retrying <paramref name="response"/>; null when it is not to be retried.</summary>
    private async Task<TimeSpan?> RetryWaitAsync(HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return RetryAfter(response) ?? Backoff(attempt);
        if (status is not (403 or 429)) return null;

        if (RemainingIsZero(response)) return RetryAfter(response) ?? UntilReset(response) ?? SecondaryLimitWait;
        if (status == 429 || await IsSecondaryLimitAsync(response, cancellationToken).ConfigureAwait(false))
            return RetryAfter(response) ?? SecondaryLimitWait;
        return null;
    }

    private TimeSpan Backoff(int attempt) => TimeSpan.FromTicks(Math.Min(_policy.FirstBackoff.Ticks << Math.Min(attempt, 16), _policy.MaxWait.Ticks));

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => Max(date - _time.GetUtcNow(), TimeSpan.Zero),
        _ => null,
    };

    private TimeSpan? UntilReset(HttpResponseMessage response) =>
        Header(response, "x-ratelimit-reset") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? Max(DateTimeOffset.FromUnixTimeSeconds(Math.Min(epoch, 253_402_300_799)) - _time.GetUtcNow(), TimeSpan.Zero)
            : null;

    private static bool RemainingIsZero(HttpResponseMessage response) => Header(response, "x-ratelimit-remaining") is "0";

    /// <summary>GitHub says "You have exceeded a secondary rate limit" in the body of a 403.</summary>
    private static async Task<bool> IsSecondaryLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.RetryAfter is not null) return true;
        // Buffered, so that Octokit can still read the body when the response is handed back.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
               || body.Contains("abuse detection", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
