using System.Diagnostics;
using System.Globalization;

namespace BacklogLint.Cli.Commands;

/// <summary><c>--verbose</c> for a person: plain lines on stderr saying what was chosen and read, then one line saying
/// where the time went ("time: 430 ms: configuration 12 ms, parsing 120 ms, …"), from a stopwatch started with it.</summary>
internal sealed class VerboseLog(TextWriter error)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<(string Part, TimeSpan Time)> _parts = [];
    private long _lap = Stopwatch.GetTimestamp();

    public void Line(string text) => error.WriteLine($"backloglint: {text}");

    /// <summary>The time since the last lap goes to <paramref name="part"/>.</summary>
    public void Lap(string part)
    {
        var now = Stopwatch.GetTimestamp();
        _parts.Add((part, Stopwatch.GetElapsedTime(_lap, now)));
        _lap = now;
    }

    /// <summary><paramref name="time"/> goes to <paramref name="part"/> (measured inside a step, as the load's parts);
    /// the next lap starts now.</summary>
    public void Lap(string part, TimeSpan time)
    {
        _parts.Add((part, time));
        _lap = Stopwatch.GetTimestamp();
    }

    public void Times()
    {
        var total = Stopwatch.GetElapsedTime(_started);
        Line(string.Create(CultureInfo.InvariantCulture, $"time: {Milliseconds(total)} in all: {string.Join(", ", _parts.Select(p => $"{p.Part} {Milliseconds(p.Time)}"))}"));
    }

    private static string Milliseconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms");
}
