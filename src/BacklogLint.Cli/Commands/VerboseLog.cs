using System.Diagnostics;
using System.Globalization;

namespace BacklogLint.Cli.Commands;

/// <summary><c>--verbose</c> for a person: plain lines on stderr saying what was chosen and read, then one line saying
/// where the time went ("time: 430 ms in all: start-up 60 ms, configuration 12 ms, parsing 120 ms, …"): start-up is
/// the process's age when the command began (the runtime, loading the tool, the command line), the rest is timed by a
/// stopwatch started then.</summary>
internal sealed class VerboseLog(TextWriter error)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _startUp = ProcessAge();
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
        var total = _startUp + Stopwatch.GetElapsedTime(_started);
        var parts = _parts.Select(p => $"{p.Part} {Milliseconds(p.Time)}").Prepend($"start-up {Milliseconds(_startUp)}");
        Line(string.Create(CultureInfo.InvariantCulture, $"time: {Milliseconds(total)} in all: {string.Join(", ", parts)}"));
    }

    /// <summary>How long the process has run (the system counts its start in clock ticks, ~10 ms).</summary>
    private static TimeSpan ProcessAge()
    {
        using var process = Process.GetCurrentProcess();
        var age = DateTime.Now - process.StartTime;
        return age > TimeSpan.Zero ? age : TimeSpan.Zero;
    }

    private static string Milliseconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms");
}
