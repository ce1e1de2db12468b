using BacklogLint.Core.Loading;

namespace BacklogLint.Cli.Tests;

public sealed class TerminalProgressTests
{
    [Fact]
    public void Nothing_is_written_in_the_first_half_second()
    {
        var (progress, error, clock) = Create();

        clock.Advance(TimeSpan.FromMilliseconds(400));
        progress.Report(new LoadProgress(LoadStage.Parsing, 10, 100));
        progress.Dispose();

        error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void A_long_load_rewrites_one_line_at_most_ten_times_a_second_and_clears_it_at_the_end()
    {
        var (progress, error, clock) = Create();

        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new LoadProgress(LoadStage.Parsing, 1234, 10000));
        progress.Report(new LoadProgress(LoadStage.Parsing, 1235, 10000));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        progress.Report(new LoadProgress(LoadStage.History, 12000, null));
        var shown = error.ToString();
        progress.Dispose();

        const string Parsing = "backloglint: parsing 1,234/10,000 files";
        const string History = "backloglint: history: 12,000 commits";
        shown.ShouldBe("\r" + Parsing + "\r" + History.PadRight(Parsing.Length));
        error.ToString()[shown.Length..].ShouldBe("\r" + new string(' ', History.Length) + "\r");
    }

    private static (TerminalProgress Progress, StringWriter Error, ManualClock Clock) Create()
    {
        var error = new StringWriter();
        var clock = new ManualClock();
        return (new TerminalProgress(error, clock), error, clock);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
