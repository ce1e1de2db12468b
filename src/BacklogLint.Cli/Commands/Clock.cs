using System.Globalization;
using BacklogLint.Core.Analysis;

namespace BacklogLint.Cli.Commands;

/// <summary>The clock of a command: the system's, or the moment <c>--now</c> gives.</summary>
internal static class Clock
{
    public static bool TryCreate(string? now, out TimeProvider time)
    {
        time = TimeProvider.System;
        if (now is null) return true;
        if (DateTimeOffset.TryParseExact(now, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            || DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment))
        {
            time = new FixedTimeProvider(moment);
            return true;
        }

        ExitCodes.Fail($"--now takes a date such as 2026-11-23, not '{now}'");
        return false;
    }
}
