using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Session;

/// <summary>Which days of history a report looks at: today, and every <see cref="Every"/> before it back to
/// <see cref="Since"/> (<c>report --since 2y --every 1m</c>).</summary>
public sealed record HistorySampling(DateOnly Since, Period Every)
{
    /// <summary>More samples than this are refused: a report of ten years by day would take as long as 3,650 checks.</summary>
    public const int MaxSamples = 400;

    /// <summary>The days sampled, newest first: <paramref name="today"/>, then one <see cref="Every"/> back at a time
    /// while on or after <see cref="Since"/>. Throws <see cref="LintSessionException"/> when that is more than
    /// <see cref="MaxSamples"/>, for an empty period, or when <see cref="Since"/> is after today.</summary>
    public IReadOnlyList<DateOnly> Days(DateOnly today)
    {
        if (Every.Count <= 0) throw new LintSessionException($"--every {Every} is no period: use at least one day, week, month or year");
        if (Since > today) throw new LintSessionException($"--since {Since:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): nothing to report");
        var days = new List<DateOnly>();
        for (var day = today; day >= Since; day = Every.Before(today, days.Count))
        {
            if (days.Count == MaxSamples)
                throw new LintSessionException($"--since {Since:yyyy-MM-dd} --every {Every} makes more than {MaxSamples} samples: sample less often (a longer --every) or a shorter span");
            days.Add(day);
            if (day == DateOnly.MinValue) break;
        }

        return days;
    }
}

/// <summary>The planning repository on one sampled day of its history: as the branch's tip of that day had it
/// (<see cref="Commit"/>), analysed as of that day, so that ages are what they were then.</summary>
/// <param name="Day">The day sampled: what the rules took for today.</param>
/// <param name="Commit">The sha of the newest commit on HEAD's first-parent line on or before <see cref="Day"/>.</param>
/// <param name="CommitDate">That commit's author date (UTC).</param>
/// <param name="Reported">The findings reported for PATH (<see cref="LintSession.Reported"/>).</param>
public sealed record HistorySample(DateOnly Day, string Commit, DateOnly CommitDate, PlanningRepository Repository, AnalysisResult Result, IReadOnlyList<Diagnostic> Reported);
