using BacklogLint.Core.Analysis;
using BacklogLint.Core.Session;

namespace BacklogLint.Core.Tests.Session;

/// <summary>Which days a report samples: today and every period before it, back to the start, each step counted from
/// today so that months keep to their ends.</summary>
public sealed class HistorySamplingTests
{
    [Fact]
    public void Monthly_from_the_31st_keeps_to_the_months_ends()
    {
        var days = new HistorySampling(new DateOnly(2026, 1, 1), new Period(1, PeriodUnit.Month)).Days(new DateOnly(2026, 5, 31));

        days.ShouldBe([new(2026, 5, 31), new(2026, 4, 30), new(2026, 3, 31), new(2026, 2, 28), new(2026, 1, 31)]);
    }

    [Fact]
    public void The_start_itself_is_a_sample_when_a_step_lands_on_it()
    {
        var days = new HistorySampling(new DateOnly(2026, 11, 2), new Period(1, PeriodUnit.Week)).Days(new DateOnly(2026, 11, 23));

        days.ShouldBe([new(2026, 11, 23), new(2026, 11, 16), new(2026, 11, 9), new(2026, 11, 2)]);
    }

    [Fact]
    public void A_start_after_today_an_empty_period_and_too_many_samples_are_refused()
    {
        var today = new DateOnly(2026, 11, 23);

        Should.Throw<LintSessionException>(() => new HistorySampling(today.AddDays(1), new Period(1, PeriodUnit.Day)).Days(today))
            .Message.ShouldBe("--since 2026-11-24 is after today (2026-11-23): nothing to report");
        Should.Throw<LintSessionException>(() => new HistorySampling(today, new Period(0, PeriodUnit.Day)).Days(today))
            .Message.ShouldBe("--every 0d is no period: use at least one day, week, month or year");
        new HistorySampling(today.AddDays(-(HistorySampling.MaxSamples - 1)), new Period(1, PeriodUnit.Day)).Days(today).Count.ShouldBe(HistorySampling.MaxSamples);
        Should.Throw<LintSessionException>(() => new HistorySampling(today.AddDays(-HistorySampling.MaxSamples), new Period(1, PeriodUnit.Day)).Days(today));
    }

    [Fact]
    public void Back_to_the_calendars_first_day_ends_there()
    {
        var days = new HistorySampling(DateOnly.MinValue, new Period(9999, PeriodUnit.Year)).Days(new DateOnly(2026, 11, 23));

        days.ShouldBe([new(2026, 11, 23), DateOnly.MinValue]);
    }
}
