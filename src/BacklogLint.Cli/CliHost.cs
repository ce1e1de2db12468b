using BacklogLint.Cli.Commands;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogLint.Cli;

/// <summary>The services of a command: dependency injection and logging to stderr (stdout is the report). Composed
/// directly rather than with the Hosting builder: a command runs once and exits, so configuration sources, file watchers
/// and a host lifetime earn nothing, and the builder cost ~35 ms of every start (a third of a small check).</summary>
internal static class CliHost
{
    public static CliServices Build(bool verbose, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = null;
            });
            logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
        });

        services.AddSingleton(time);
        services.AddSingleton(new AnalysisEngine(BuiltInRules.All));
        services.AddSingleton(new ConfigLoader(BuiltInRules.Descriptors));
        services.AddSingleton<CheckRunner>();
        services.AddSingleton<GitHubRunner>();
        return new CliServices(services.BuildServiceProvider());
    }
}

/// <summary>A command's services; disposing flushes the log.</summary>
internal sealed class CliServices(ServiceProvider services) : IDisposable
{
    public IServiceProvider Services => services;

    public void Dispose() => services.Dispose();
}
