namespace BacklogLint.Cli;

/// <summary>The exit codes of DESIGN §3; scripts and CI rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above <c>--fail-on</c>.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above <c>--fail-on</c>.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>Bad usage, bad configuration, or an internal failure.</summary>
    public const int UsageOrFailure = 2;

    /// <summary>Says what is wrong in one line on stderr, and gives <see cref="UsageOrFailure"/>.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine($"backloglint: error: {message}");
        return UsageOrFailure;
    }
}
