namespace BacklogLint.GitHub;

/// <summary>How long the GitHub part of a run may take in all (from its first request), and each request in it (its body included). Every
/// request and every wait before a retry ends by the budget's deadline; a request asked for after it fails at once.
/// The last <see cref="Reserve"/> is kept for cleaning up (completing a check run left in progress), so that an
/// outage that eats the budget still leaves nothing half done.</summary>
public sealed class GitHubBudget
{
    public static readonly TimeSpan DefaultTotal = TimeSpan.FromSeconds(120);

    public static readonly TimeSpan DefaultPerRequest = TimeSpan.FromSeconds(30);

    private static readonly AsyncLocal<bool> CleaningUp = new();

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset? _start;

    /// <param name="total">The whole GitHub phase.</param>
    /// <param name="perRequest">One request, from sending it to the last byte of its answer; at most <paramref name="total"/>.</param>
    public GitHubBudget(TimeSpan total, TimeSpan? perRequest = null, TimeProvider? time = null)
    {
        if (total <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(total), "the budget must be positive");
        _time = time ?? TimeProvider.System;
        Total = total;
        Reserve = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, total.Ticks / 8));
        var request = perRequest ?? DefaultPerRequest;
        // A request may take at most a third of what is not reserved, so that one stall leaves room for the rest.
        PerRequest = TimeSpan.FromTicks(Math.Max(1, Math.Min(request.Ticks, (total - Reserve).Ticks / 3)));
    }

    public static GitHubBudget Default => new(DefaultTotal);

    public TimeSpan Total { get; }

    public TimeSpan PerRequest { get; }

    /// <summary>Kept at the end for <see cref="CleanUpAsync"/>.</summary>
    public TimeSpan Reserve { get; }

    /// <summary>Since the first request (the budget starts with it, not with the analysis before it).</summary>
    public TimeSpan Elapsed
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_gate) _start ??= now;
            return now - _start.Value;
        }
    }

    /// <summary>Time left for the current request: the reserve is only for cleaning up.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var end = CleaningUp.Value ? Total : Total - Reserve;
            var left = end - Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>The whole budget but the reserve is spent.</summary>
    public bool IsSpent => Remaining == TimeSpan.Zero;

    /// <summary>How long the next request may take.</summary>
    public TimeSpan NextRequestTimeout => Remaining < PerRequest ? Remaining : PerRequest;

    /// <summary>Runs <paramref name="cleanUp"/> with the reserve open to its requests.</summary>
#pragma warning disable CA1822 // The reserve is this budget's: an instance method says whose.
    public async Task CleanUpAsync(Func<Task> cleanUp)
    {
        var before = CleaningUp.Value;
        CleaningUp.Value = true;
        try
        {
            await cleanUp().ConfigureAwait(false);
        }
        finally
        {
            CleaningUp.Value = before;
        }
    }
#pragma warning restore CA1822

    /// <summary>"120 s", for sentences.</summary>
    public static string Describe(TimeSpan span) =>
        span.TotalSeconds >= 1 && span.Ticks % TimeSpan.TicksPerSecond == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(long)span.TotalSeconds} s")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}

/// <summary>A request that did not finish within its deadline or the run's budget for GitHub.</summary>
public sealed class GitHubTimeoutException : TimeoutException
{
    public GitHubTimeoutException()
    {
    }

    public GitHubTimeoutException(string message)
        : base(message)
    {
    }

    public GitHubTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
