using BacklogLint.Core;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Session;
using BacklogLint.Reporting.Html;

namespace BacklogLint.Cli.Commands;

/// <summary>Runs a report: the session samples history and analyses each sample (<see cref="LintSession.AnalyzeHistory"/>),
/// <see cref="HistoryReport"/> counts, <see cref="HtmlReportWriter"/> writes. Exit 0 once the report is written, whatever
/// it found (a report is read, not gated on); 2 when it cannot be made.</summary>
internal sealed class ReportRunner(AnalysisEngine engine, ConfigLoader configLoader, TimeProvider time)
{
    public Task<int> RunAsync(ReportSettings settings)
    {
        var verbose = settings.Verbose ? new VerboseLog(Console.Error) : null;
        LintSession session;
        try
        {
            session = LintSession.Open(settings.Path, settings.ConfigPath, engine, configLoader, time);
        }
        catch (Exception e) when (e is LintSessionException or ConfigurationException)
        {
            return Task.FromResult(ExitCodes.Fail(e.Message));
        }

        verbose?.Lap("configuration");
        IReadOnlyList<HistorySample> samples;
        var timings = new Core.Loading.LoadTimings();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var progress = TerminalProgress.For(settings.Quiet);
            samples = session.AnalyzeHistory(new HistorySampling(settings.Since, settings.Every), progress, timings);
        }
        catch (LintSessionException e)
        {
            return Task.FromResult(ExitCodes.Fail(e.Message));
        }

        if (samples.Count == 0)
            return Task.FromResult(ExitCodes.Fail($"the repository has no commit on or before {session.Today:yyyy-MM-dd}: there is nothing to report"));
        verbose?.Lap("reading samples", timings.Parsing);
        verbose?.Lap("history", timings.History);
        verbose?.Lap("analysis", System.Diagnostics.Stopwatch.GetElapsedTime(started) - timings.Parsing - timings.History);
        verbose?.Line($"{Samples(samples.Count)} from {samples[0].Day:yyyy-MM-dd} to {samples[^1].Day:yyyy-MM-dd}, {samples.Select(s => s.Commit).Distinct().Count()} distinct commits; {samples[^1].Reported.Count:N0} findings today");
        var report = HistoryReport.From(samples);
        var title = Path.GetFileName(session.Location.Folder.TrimEnd(Path.DirectorySeparatorChar));
        try
        {
            if (settings.OutputPath == "-")
            {
                using var stdout = ConsoleStreams.OpenStandardOutput();
                HtmlReportWriter.Write(report, stdout, title, settings.Every.ToString(), ToolInfo.Version);
            }
            else
            {
                using var file = File.Create(settings.OutputPath);
                HtmlReportWriter.Write(report, file, title, settings.Every.ToString(), ToolInfo.Version);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(ExitCodes.Fail($"cannot write '{settings.OutputPath}': {e.Message}"));
        }

        verbose?.Lap("report");
        verbose?.Times();
        if (!settings.Quiet && settings.OutputPath != "-")
            Console.Out.WriteLine($"Wrote {settings.OutputPath}: {Samples(samples.Count)} from {samples[0].Day:yyyy-MM-dd} to {samples[^1].Day:yyyy-MM-dd}, {samples[^1].Reported.Count:N0} findings today.");
        return Task.FromResult(ExitCodes.Success);
    }

    private static string Samples(int count) => count == 1 ? "1 sample" : $"{count} samples";
}
