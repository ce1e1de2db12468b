namespace BacklogLint.Core.Analysis;

/// <summary>A clock stopped at one moment: what <c>--now</c> and tests use so that every run is reproducible.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
