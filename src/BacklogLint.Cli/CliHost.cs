using BacklogLint.Cli.Commands;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BacklogLint.Cli;

/// <summary>The services of a command. Built with the Hosting builder, defaults off: no configuration files, no
/// file watchers, logging to stderr only (stdout is the report).</summary>
internal static class CliHost
{
    public static IHost Build(bool verbose, TimeProvider time)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = null;
        });
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);

        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new AnalysisEngine(BuiltInRules.All));
        builder.Services.AddSingleton(new ConfigLoader(BuiltInRules.Descriptors));
        builder.Services.AddSingleton<CheckRunner>();
        builder.Services.AddSingleton<GitHubRunner>();
        return builder.Build();
    }
}
