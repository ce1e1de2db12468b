using BacklogLint.Core.Analysis;

namespace BacklogLint.Core.Tests.Analysis;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("90d", 90, PeriodUnit.Day)]
    [InlineData("12w", 12, PeriodUnit.Week)]
    [InlineData("6m", 6, PeriodUnit.Month)]
    [InlineData("1y", 1, PeriodUnit.Year)]
    [InlineData(" 6M ", 6, PeriodUnit.Month)]
    [InlineData("0d", 0, PeriodUnit.Day)]
    public void TryParse_reads_a_count_and_a_unit(string text, int count, PeriodUnit unit)
    {
        Period.TryParse(text, out var period).ShouldBeTrue();

        period.ShouldBe(new Period(count, unit));
    }

    [Theory]
    [InlineData("quarterly")]
    [InlineData("-1d")]
    [InlineData("+1d")]
    [InlineData("1.5m")]
    [InlineData("90")]
    [InlineData("d")]
    [InlineData("90 days")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_rejects_anything_else(string? text)
    {
        Period.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("90d")]
    [InlineData("12w")]
    [InlineData("6m")]
    [InlineData("1y")]
    public void ToString_writes_what_TryParse_reads(string text)
    {
        Period.TryParse(text, out var period).ShouldBeTrue();

        period.ToString().ShouldBe(text);
    }

    [Fact]
    public void HasElapsed_is_strict_exactly_the_period_is_not_elapsed()
    {
        var period = new Period(90, PeriodUnit.Day);
        var start = new DateOnly(2026, 1, 1);

        period.HasElapsed(start, start.AddDays(89)).ShouldBeFalse();
        period.HasElapsed(start, start.AddDays(90)).ShouldBeFalse();
        period.HasElapsed(start, start.AddDays(91)).ShouldBeTrue();
    }

    [Fact]
    public void Weeks_are_seven_days()
    {
        var period = new Period(12, PeriodUnit.Week);
        var start = new DateOnly(2026, 1, 1);

        period.After(start).ShouldBe(start.AddDays(84));
        period.HasElapsed(start, start.AddDays(84)).ShouldBeFalse();
        period.HasElapsed(start, start.AddDays(85)).ShouldBeTrue();
    }

    [Fact]
    public void Months_are_calendar_months()
    {
        var sixMonths = new Period(6, PeriodUnit.Month);

        sixMonths.After(new DateOnly(2026, 3, 15)).ShouldBe(new DateOnly(2026, 9, 15));
        sixMonths.HasElapsed(new DateOnly(2026, 3, 15), new DateOnly(2026, 9, 15)).ShouldBeFalse();
        sixMonths.HasElapsed(new DateOnly(2026, 3, 15), new DateOnly(2026, 9, 16)).ShouldBeTrue();
    }

    [Fact]
    public void Month_from_the_31st_ends_on_the_last_day_of_a_shorter_month()
    {
        var oneMonth = new Period(1, PeriodUnit.Month);
        var start = new DateOnly(2026, 1, 31);

        oneMonth.After(start).ShouldBe(new DateOnly(2026, 2, 28));
        oneMonth.HasElapsed(start, new DateOnly(2026, 2, 28)).ShouldBeFalse();
        oneMonth.HasElapsed(start, new DateOnly(2026, 3, 1)).ShouldBeTrue();
    }

    [Fact]
    public void Years_are_calendar_years()
    {
        var oneYear = new Period(1, PeriodUnit.Year);

        oneYear.After(new DateOnly(2024, 2, 29)).ShouldBe(new DateOnly(2025, 2, 28));
        oneYear.HasElapsed(new DateOnly(2025, 6, 1), new DateOnly(2026, 6, 1)).ShouldBeFalse();
        oneYear.HasElapsed(new DateOnly(2025, 6, 1), new DateOnly(2026, 6, 2)).ShouldBeTrue();
    }

    [Fact]
    public void HasElapsed_of_a_period_ending_beyond_the_calendar_is_false()
    {
        var start = new DateOnly(2026, 1, 1);
        var today = new DateOnly(2026, 11, 23);

        new Period(9999, PeriodUnit.Year).HasElapsed(start, today).ShouldBeFalse();
        new Period(99999, PeriodUnit.Month).HasElapsed(start, today).ShouldBeFalse();
    }
}
