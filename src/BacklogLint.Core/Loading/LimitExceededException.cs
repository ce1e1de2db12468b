namespace BacklogLint.Core.Loading;

/// <summary>The repository is over a configured limit that stops the run (<c>limits.max-items</c>). The message is one
/// line naming the count, the limit and the key to raise; the CLI prints it and exits 2.</summary>
public sealed class LimitExceededException : Exception
{
    public LimitExceededException()
    {
    }

    public LimitExceededException(string message)
        : base(message)
    {
    }

    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
