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

/// <summary>The one way BacklogLint talks to GitHub, plugged into Octokit through <c>HttpClientAdapter</c> (Octokit
/// has no retries of its own):
/// <list type="bullet">
/// <item>only to the API's own origin (scheme, host and port): a request anywhere else — a <c>Link</c> to another
/// server, a redirect to another host or port — is refused before it is sent, so the token never travels;</item>
/// <item>each attempt has one deadline, the answer's body included (read into memory, at most
/// <see cref="MaxBodyBytes"/>), within the run's <see cref="GitHubBudget"/>;</item>
/// <item>what GitHub's documentation says to retry is retried — 5xx, 429 (with or without <c>Retry-After</c>), and
/// 403 rate limits (primary: <c>x-ratelimit-remaining: 0</c>; secondary: the message says so) — a bounded number of
/// times, honouring <c>Retry-After</c> and <c>x-ratelimit-reset</c>; network failures with backoff. Everything else
/// (401, 403 "Resource not accessible by integration", 404, 422) is answered at once.</item>
/// </list></summary>
/// <remarks>A small handler rather than a package: no resilience library (Polly, Microsoft.Extensions.Http.Resilience)
/// is among the repository's pinned packages, and GitHub's rules (a rate limit in a 403 body, a reset time as epoch
/// seconds) need custom predicates either way. The wait is injectable so that tests never sleep.</remarks>
public sealed class GitHubRetryHandler : DelegatingHandler
{
    /// <summary>The largest answer read (a page of 100 comments of 65,536 characters is under 30 MB).</summary>
    public const long MaxBodyBytes = 32L * 1024 * 1024;

    /// <summary>GitHub's advice for a secondary rate limit that names no wait.</summary>
    private static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromMinutes(1);

    private readonly RetryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="delay">Waits before a retry; default <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>.</param>
    /// <param name="budget">The run's budget; default <see cref="GitHubBudget.Default"/>, started now.</param>
    public GitHubRetryHandler(RetryPolicy policy, TimeProvider time, Func<TimeSpan, CancellationToken, Task>? delay = null, GitHubBudget? budget = null)
    {
        _policy = policy;
        _time = time;
        _delay = delay ?? ((wait, cancellation) => Task.Delay(wait, time, cancellation));
        Budget = budget ?? new GitHubBudget(GitHubBudget.DefaultTotal, time: time);
    }

    public GitHubBudget Budget { get; }

    /// <summary>The API's origin; requests elsewhere are refused. Null: the origin of the first request.</summary>
    public Uri? Origin { get; set; }

    /// <summary>Requests made (attempts included), for the log.</summary>
    public int Requests => _requests;

    private int _requests;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri ?? throw new HttpRequestException("a request without an address");
        Origin ??= new Uri(target.GetLeftPart(UriPartial.Authority));
        if (!SameOrigin(target, Origin))
        {
            // Never with the token, and not without it either: an answer from elsewhere is no answer of GitHub's.
            request.Headers.Authorization = null;
            throw new HttpRequestException($"refused to follow the API to another server ({target.Scheme}://{target.Authority})");
        }

        for (var attempt = 0; ; attempt++)
        {
            var timeout = Budget.NextRequestTimeout;
            if (timeout <= TimeSpan.Zero) throw Spent();
            HttpResponseMessage response;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(timeout);
                try
                {
                    Interlocked.Increment(ref _requests);
                    response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
                    // The body within the same deadline: Octokit reads it later without one.
                    await response.Content.LoadIntoBufferAsync(MaxBodyBytes, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw Budget.IsSpent ? Spent() : new GitHubTimeoutException(
                        string.Create(CultureInfo.InvariantCulture, $"no whole answer within {GitHubBudget.Describe(timeout)}"));
                }
                catch (HttpRequestException) when (attempt < _policy.MaxRetries && !cancellationToken.IsCancellationRequested && Fits(Backoff(attempt)))
                {
                    await WaitAsync(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            if (attempt >= _policy.MaxRetries) return response;
            var wait = await RetryWaitAsync(response, attempt, cancellationToken).ConfigureAwait(false);
            if (wait is not { } delay || delay > _policy.MaxWait || !Fits(delay)) return response;
            response.Dispose();
            await WaitAsync(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Same scheme, host and port.</summary>
    public static bool SameOrigin(Uri address, Uri origin) =>
        address.IsAbsoluteUri
        && string.Equals(address.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(address.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && address.Port == origin.Port;

    /// <summary>A wait that leaves time for the retry itself.</summary>
    private bool Fits(TimeSpan wait) => wait + TimeSpan.FromSeconds(1) < Budget.Remaining;

    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Budget.Remaining);
        await _delay(wait, deadline.Token).ConfigureAwait(false);
    }

    private GitHubTimeoutException Spent() =>
        new(string.Create(CultureInfo.InvariantCulture, $"the budget of {GitHubBudget.Describe(Budget.Total)} for GitHub is spent"));

    /// <summary>How long to wait before retrying <paramref name="response"/>; null when it is not to be retried.</summary>
    private async Task<TimeSpan?> RetryWaitAsync(HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return RetryAfter(response) ?? Backoff(attempt);
        if (status is not (403 or 429)) return null;

        if (RemainingIsZero(response)) return RetryAfter(response) ?? UntilReset(response) ?? SecondaryLimitWait;
        // A 429 that names no wait is retried with backoff, as a 5xx is.
        if (status == 429) return RetryAfter(response) ?? Backoff(attempt);
        if (await IsSecondaryLimitAsync(response, cancellationToken).ConfigureAwait(false))
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
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
               || body.Contains("abuse detection", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
