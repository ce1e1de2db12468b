using System.Diagnostics;
using System.Reflection;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Reporting;
using Microsoft.Extensions.Logging;

namespace BacklogLint.Cli.Commands;

/// <summary>Runs a check: configuration, loading, analysis, report, exit code.</summary>
internal sealed partial class CheckRunner(AnalysisEngine engine, ConfigLoader configLoader, TimeProvider time, ILogger<CheckRunner> logger)
{
    public static string ToolVersion { get; } =
        typeof(CheckRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public int Run(CheckSettings settings)
    {
        if (!Directory.Exists(settings.Path))
            return Fail($"'{settings.Path}' is not a folder");

        var location = PlanningLocation.Find(settings.Path);
        BacklogLintConfig config;
        try
        {
            config = LoadConfig(settings, location);
        }
        catch (ConfigurationException e)
        {
            return Fail(e.Message);
        }

        var stopwatch = Stopwatch.StartNew();
        var repository = RepositoryLoader.Load(location, config);
        LogLoaded(repository.Files.Count, repository.Items.Count, repository.History.CommitsWalked, stopwatch.ElapsedMilliseconds);
        var diagnostics = engine.Analyze(repository, config, time);
        LogAnalyzed(diagnostics.Count, stopwatch.ElapsedMilliseconds);

        var report = new AnalysisReport(diagnostics, repository.Items.Count, repository.Files.Count, ToolVersion);
        try
        {
            Write(settings, report);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write '{settings.OutputPath}': {e.Message}");
        }

        var threshold = settings.FailOn switch
        {
            "warning" => Severity.Warning,
            "none" => (Severity?)null,
            _ => Severity.Error,
        };
        return threshold is { } level && report.Visible.Any(d => d.Severity.IsAtLeast(level))
            ? ExitCodes.FindingsAtOrAboveThreshold
            : ExitCodes.Success;
    }

    private BacklogLintConfig LoadConfig(CheckSettings settings, PlanningLocation location)
    {
        var path = settings.ConfigPath ?? ConfigLoader.Find(location.Folder, location.WorkTree);
        if (settings.ConfigPath is not null && !File.Exists(settings.ConfigPath))
            throw new ConfigurationException(settings.ConfigPath, null, "the configuration file does not exist");
        LogConfig(path ?? "(defaults)");
        return path is null ? new BacklogLintConfig() : configLoader.Load(path);
    }

    private static void Write(CheckSettings settings, AnalysisReport report)
    {
        if (settings.OutputPath is null)
        {
            ReportFormats.Write(settings.Format, report, Console.OpenStandardOutput());
            return;
        }

        using var file = File.Create(settings.OutputPath);
        ReportFormats.Write(settings.Format, report, file);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"backloglint: error: {message}");
        return ExitCodes.UsageOrFailure;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Configuration: {Path}")]
    private partial void LogConfig(string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read {Files} Markdown files, {Items} items; walked {Commits} commits ({Milliseconds} ms)")]
    private partial void LogLoaded(int files, int items, int commits, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} findings ({Milliseconds} ms in all)")]
    private partial void LogAnalyzed(int count, long milliseconds);
}
