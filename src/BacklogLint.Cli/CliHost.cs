using BacklogLint.Cli.Commands;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogLint.Cli;

/// <summary>The services of a command: its runner, and logging to stderr (stdout is the report). Composed by hand: a
/// command runs once and exits, so neither the Hosting builder (~35 ms) nor a container earns anything, and resolving the
/// runners through one cost ~45 ms of every start (half of a check of a small repository).</summary>
internal static class CliHost
{
    public static CliServices Build(bool verbose, TimeProvider time) => new(verbose ? LogLevel.Debug : LogLevel.Warning, time);
}

/// <summary>A command's runners. The logging stack is built on the first message at an enabled level (a warning, or
/// anything with <c>--verbose</c>), so a run that logs nothing never loads it; disposing flushes the log.</summary>
internal sealed class CliServices(LogLevel minimumLevel, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private ILoggerFactory? _loggers;
    private bool _disposed;

    public CheckRunner CheckRunner() => new(new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), time, new DeferredLogger<CheckRunner>(this));

    public ReportRunner ReportRunner() => new(new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), time);

    public GitHubRunner GitHubRunner() => new(new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), time, new DeferredLogger<GitHubRunner>(this));

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _loggers?.Dispose();
        }
    }

    private bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= minimumLevel;

    private ILogger CreateLogger<T>()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _loggers ??= LoggerFactory.Create(logging =>
            {
                logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = null;
                });
                logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                logging.SetMinimumLevel(minimumLevel);
            });
            return _loggers.CreateLogger<T>();
        }
    }

    /// <summary>An <see cref="ILogger{T}"/> that asks for the real one on its first message that will be written.</summary>
    private sealed class DeferredLogger<T>(CliServices services) : ILogger<T>
    {
        private ILogger? _inner;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => Inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => services.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (services.IsEnabled(logLevel)) Inner.Log(logLevel, eventId, state, exception, formatter);
        }

        private ILogger Inner => _inner ??= services.CreateLogger<T>();
    }
}
