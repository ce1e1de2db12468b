using System.CommandLine;
using System.Globalization;
using BacklogLint.Core.Analysis;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint report [PATH]</c>: the lead's HTML report of the planning repository today and over its
/// history, parsed here and run by <see cref="ReportRunner"/>.</summary>
internal static class ReportCommand
{
    /// <summary>Where the report goes without <c>--output</c>: the current folder.</summary>
    public const string DefaultOutput = "backloglint-report.html";

    public static Command Create()
    {
        var path = CommonOptions.PlanningFolder();
        var config = CommonOptions.Config();
        var since = new Option<string>("--since")
        {
            Description = "How far back to look: a period before today (2y, 6m, 12w, 90d) or a date, YYYY-MM-DD.",
            DefaultValueFactory = _ => "2y",
        };
        var every = new Option<string>("--every")
        {
            Description = "How often to sample history: a period (1m or 1mo, 2w, 7d, 1y) or day, week, month, quarter, year.",
            DefaultValueFactory = _ => "1m",
        };
        var output = new Option<string?>("--output", "-o") { Description = $"Write the HTML to this file (default: {DefaultOutput} in the current folder; - for stdout)." };
        var now = CommonOptions.Now();
        var command = new Command("report", "Write a self-contained HTML report of the planning repository today and over its history: findings by rule category, team and owner over time, stale agreements, waiting handoffs.")
        {
            path, config, since, every, output, now, CommonOptions.Quiet,
        };
        command.SetAction(async (parseResult, _) =>
        {
            if (!Clock.TryCreate(parseResult.GetValue(now), out var time)) return ExitCodes.UsageOrFailure;
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (!TryParseEvery(parseResult.GetValue(every)!, out var period))
                return ExitCodes.Fail($"--every takes a period such as 1m, 2w or month, not '{parseResult.GetValue(every)}'");
            if (!TryParseSince(parseResult.GetValue(since)!, today, out var start))
                return ExitCodes.Fail($"--since takes a period before today such as 2y or 6m, or a date such as 2025-01-01, not '{parseResult.GetValue(since)}'");
            var settings = new ReportSettings(parseResult.GetValue(path)!, parseResult.GetValue(config), start, period, parseResult.GetValue(output) ?? DefaultOutput)
            {
                Quiet = parseResult.GetValue(CommonOptions.Quiet),
                Verbose = parseResult.GetValue(CommandLine.Verbose),
            };
            using var host = CliHost.Build(settings.Verbose, time);
            return await host.ReportRunner().RunAsync(settings);
        });
        return command;
    }

    /// <summary><c>1m</c>, <c>1mo</c>, <c>2w</c>, <c>7d</c>, <c>1y</c> (<see cref="Period"/>), or a word: day, week, month, quarter, year.</summary>
    internal static bool TryParseEvery(string text, out Period period)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        period = trimmed switch
        {
            "day" or "daily" => new Period(1, PeriodUnit.Day),
            "week" or "weekly" => new Period(1, PeriodUnit.Week),
            "month" or "monthly" => new Period(1, PeriodUnit.Month),
            "quarter" or "quarterly" => new Period(3, PeriodUnit.Month),
            "year" or "yearly" => new Period(1, PeriodUnit.Year),
            _ => default,
        };
        if (period.Count > 0) return true;
        if (trimmed.EndsWith("mo", StringComparison.Ordinal)) trimmed = trimmed[..^1];
        return Period.TryParse(trimmed, out period) && period.Count > 0;
    }

    /// <summary>A period before <paramref name="today"/> (as <c>--every</c> takes it), or a date.</summary>
    internal static bool TryParseSince(string text, DateOnly today, out DateOnly since)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out since)) return true;
        if (!TryParseEvery(text, out var period)) return false;
        since = period.Before(today);
        return true;
    }
}

/// <summary>The options of one <c>report</c>.</summary>
/// <param name="OutputPath">The HTML file; <c>-</c> for stdout.</param>
internal sealed record ReportSettings(string Path, string? ConfigPath, DateOnly Since, Period Every, string OutputPath)
{
    /// <summary><c>--quiet</c>: no progress, and no line saying where the report went.</summary>
    public bool Quiet { get; init; }

    /// <summary><c>--verbose</c>: say on stderr what was read, and where the time went.</summary>
    public bool Verbose { get; init; }
}
