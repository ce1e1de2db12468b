using System.Globalization;
using BacklogLint.Core.Loading;

namespace BacklogLint.Cli;

/// <summary>Progress of a long load on stderr, one line rewritten in place ("parsing 1,234/10,000 files", "history:
/// 12,000 commits"), for a person at a terminal. Nothing in the first half second (a small repository never shows it),
/// at most ten updates a second, and the line is cleared when the load is over. Off in CI, with <c>--quiet</c>, and when
/// stderr is not a terminal: <see cref="For"/> gives null then.</summary>
internal sealed class TerminalProgress : IProgress<LoadProgress>, IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _error;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly Lock _gate = new();
    private TimeSpan _lastWrite; // zero: the first write is after Delay anyway
    private int _width;

    /// <param name="clock">Real time (progress is about the wait, whatever <c>--now</c> says).</param>
    internal TerminalProgress(TextWriter error, TimeProvider clock)
    {
        _error = error;
        _clock = clock;
        _started = clock.GetTimestamp();
    }

    /// <summary>A reporter when a person is watching stderr; null otherwise.</summary>
    public static TerminalProgress? For(bool quiet) =>
        quiet || Console.IsErrorRedirected || IsSet("CI") || Environment.GetEnvironmentVariable("TERM") == "dumb"
            ? null
            : new TerminalProgress(Console.Error, TimeProvider.System);

    public void Report(LoadProgress value)
    {
        var now = _clock.GetElapsedTime(_started);
        if (now < Delay || now - _lastWrite < Interval) return;
        lock (_gate)
        {
            if (now - _lastWrite < Interval) return;
            _lastWrite = now;
            var text = value.Stage switch
            {
                LoadStage.Parsing => string.Create(CultureInfo.InvariantCulture, $"backloglint: parsing {value.Done:N0}/{value.Total:N0} files"),
                LoadStage.Samples => string.Create(CultureInfo.InvariantCulture, $"backloglint: reading sample {value.Done:N0}/{value.Total:N0}"),
                LoadStage.Analysis => string.Create(CultureInfo.InvariantCulture, $"backloglint: analysing sample {value.Done:N0}/{value.Total:N0}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"backloglint: history: {value.Done:N0} commits"),
            };
            _error.Write("\r" + text.PadRight(_width));
            _width = text.Length;
            _error.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_width == 0) return;
            _error.Write("\r" + new string(' ', _width) + "\r");
            _error.Flush();
            _width = 0;
        }
    }

    private static bool IsSet(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value && value != "false" && value != "0";
}
