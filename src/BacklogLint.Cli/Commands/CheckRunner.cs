using BacklogLint.Core;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Baselines;
using BacklogLint.Core.Comparison;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;
using BacklogLint.Core.Session;
using BacklogLint.GitHub;
using BacklogLint.Reporting;
using Microsoft.Extensions.Logging;

namespace BacklogLint.Cli.Commands;

/// <summary>Runs a check (configuration, loading, analysis, suppressions, baseline, report, exit code) and writes
/// baselines.</summary>
internal sealed partial class CheckRunner(AnalysisEngine engine, ConfigLoader configLoader, TimeProvider time, ILogger<CheckRunner> logger)
{
    public async Task<int> RunAsync(CheckSettings settings)
    {
        var verbose = settings.Verbose ? new VerboseLog(Console.Error) : null;
        if (await AnalyzeAsync(settings.Path, settings.ConfigPath, settings.Owners, settings.Quiet, verbose) is not { } analysis) return ExitCodes.UsageOrFailure;
        string? diff = null;
        if (settings.Fix != FixMode.None)
        {
            if (await FixAsync(analysis, settings) is not var (fixedAnalysis, fixDiff)) return ExitCodes.UsageOrFailure;
            (analysis, diff) = (fixedAnalysis, fixDiff);
        }

        // check PATH: the whole planning repository was read, the findings under PATH are reported.
        var session = analysis.Session;
        BaselineComparison? comparison;
        try
        {
            var baseline = session.CompareWithBaseline(analysis.Result, settings.BaselinePath);
            comparison = baseline?.Comparison;
            if (baseline is var (compared, baselinePath))
                verbose?.Line($"baseline {baselinePath}: {compared.Baselined.Count} findings baselined, {compared.Gone.Count} entries no longer found");
        }
        catch (Exception e) when (e is LintSessionException or ConfigurationException)
        {
            return Fail(e.Message);
        }

        var standing = session.Reported(comparison?.New ?? analysis.Result.Diagnostics);
        if (settings.ChangedOnly)
        {
            if (ChangedSinceDefaultBranch(session, settings.Quiet) is not { } changed) return ExitCodes.UsageOrFailure;
            standing = [.. standing.Where(d => d.Path is null || changed.Contains(d.Path))];
        }

        var report = new AnalysisReport(standing, session.ItemsUnder(analysis.Repository), session.FilesUnder(analysis.Repository), ToolInfo.Version)
        {
            SuppressedCount = analysis.Result.Suppressed.Count,
            Suppressed = analysis.Result.Suppressed,
            BaselinedCount = comparison?.Baselined.Count ?? 0,
            FixedSinceBaselineCount = comparison?.Gone.Count ?? 0,
        };
        // The lead's report shows each finding's item, linked on GitHub at HEAD when the repository is there.
        if (settings.Format == "markdown")
            report = report.WithItems(analysis.Repository, Core.History.WebAddress.Find(session.Location.GitDirectory,
                Environment.GetEnvironmentVariable("GITHUB_SERVER_URL"), Environment.GetEnvironmentVariable("GITHUB_REPOSITORY")));
        var threshold = CommonOptions.FailureThreshold(settings.FailOn);
        var text = new TextView(settings.Terminal, settings.Quiet, threshold ?? Severity.Error, settings.StrictBaseline);
        try
        {
            // --fix-dry-run: the diff is the report; the exit code is what --fix would leave.
            if (diff is not null) Write(settings.OutputPath, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(diff)));
            else Write(settings.OutputPath, stream => ReportFormats.Write(settings.Format, report, stream, text, session.Location.PathBase));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write '{settings.OutputPath}': {e.Message}");
        }

        verbose?.Lap("report");
        verbose?.Times();
        var failing = report.Visible.Fails(threshold);
        var shrinkable = settings.StrictBaseline && report.FixedSinceBaselineCount > 0;
        return failing || shrinkable ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }

    /// <summary><c>--fix</c> writes the safe fixes of the findings under PATH and gives the analysis of what remains;
    /// <c>--fix-dry-run</c> writes nothing and gives the same analysis with the diff to print. One line on stderr says
    /// how many fixes went into how many files (unless quiet); a fix not applied is a notice, a file not written a
    /// warning. Null (after one error line) when the repository must be read again and cannot be.</summary>
    private async Task<(Analysis Analysis, string? Diff)?> FixAsync(Analysis analysis, CheckSettings settings)
    {
        var run = analysis.Session.Fix(analysis.Repository, analysis.Result, prepare: analysis.Prepare);
        var outcome = run.Outcome;
        if (!settings.Quiet)
        {
            foreach (var refused in outcome.Refused)
                Console.Error.WriteLine($"backloglint: notice: fix not applied: {Where(refused.Diagnostic)} {refused.Diagnostic.Id}: {refused.Reason}");
        }

        var fixedAnalysis = analysis with { Repository = run.Repository, Result = run.Result };
        if (settings.Fix == FixMode.DryRun)
        {
            if (!settings.Quiet) Console.Error.WriteLine($"backloglint: --fix-dry-run: {Count(outcome.Applied.Count, "fix", "fixes")} would be applied in {Count(outcome.Files.Count, "file", "files")}; nothing was written");
            return (fixedAnalysis, string.Concat(outcome.Files.Select(file => UnifiedDiff.Of(file.Path, file.Original.Text, file.Text))));
        }

        var (written, notWritten) = analysis.Session.WriteFixes(outcome);
        foreach (var (path, reason) in notWritten) Console.Error.WriteLine($"backloglint: warning: --fix: {path} was not written: {reason}");
        var writtenSet = written.ToHashSet(StringComparer.Ordinal);
        var applied = outcome.Applied.Count(fix => fix.Diagnostic.Fix!.Paths.All(writtenSet.Contains));
        if (!settings.Quiet) Console.Error.WriteLine($"backloglint: --fix: applied {Count(applied, "fix", "fixes")} in {Count(written.Count, "file", "files")}");
        if (notWritten.Count == 0) return (fixedAnalysis, null);
        // What is on disk is not what the fixes made: report what is there.
        return await AnalyzeAsync(settings.Path, settings.ConfigPath, settings.Owners, quiet: true, verbose: null) is { } reread ? (reread, null) : null;
    }

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static string Where(Diagnostic diagnostic) => diagnostic.Span is { } span
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{diagnostic.Path}({span.Line},{span.Column}):")
        : $"{diagnostic.Path}:";

    /// <summary>Writes today's findings as the baseline: from now on only new findings are reported.</summary>
    public async Task<int> WriteBaselineAsync(string path, string? configPath, string? outputPath)
    {
        if (await AnalyzeAsync(path, configPath, owners: null, quiet: false, verbose: null) is not { } analysis) return ExitCodes.UsageOrFailure;
        var target = outputPath ?? analysis.Session.DefaultBaselinePath;
        var baseline = Baseline.From(LintSession.Shown(analysis.Result.Diagnostics));
        try
        {
            Write(target, baseline.Save);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write '{target}': {e.Message}");
        }

        Console.Out.WriteLine($"Wrote {baseline.Entries.Count} findings to {target}.");
        return ExitCodes.Success;
    }

    /// <param name="owners">With <c>--verify-owners</c>: listed while the repository loads, then applied to its roster.</param>
    /// <param name="quiet">No progress on stderr (there is none either when stderr is not a terminal, or in CI).</param>
    /// <param name="verbose">With <c>--verbose</c>: told what was chosen and read, and how long each part took.</param>
    private async Task<Analysis?> AnalyzeAsync(string path, string? configPath, OrganizationDirectory? owners, bool quiet, VerboseLog? verbose)
    {
        LintSession session;
        try
        {
            session = LintSession.Open(path, configPath, engine, configLoader, time);
        }
        catch (Exception e) when (e is LintSessionException or ConfigurationException)
        {
            Fail(e.Message);
            return null;
        }

        verbose?.Lap("configuration");
        verbose?.Line(Describe(session));
        var listing = owners?.ListAsync();
        PlanningRepository repository;
        var timings = new Core.Loading.LoadTimings();
        using (var progress = TerminalProgress.For(quiet))
            repository = session.LoadWorkingTree(progress, timings);
        verbose?.Lap("parsing", timings.Parsing);
        verbose?.Lap("history", timings.History);
        verbose?.Line($"read {Count(repository.Files.Count, "Markdown file")} under {session.Location.Folder}: {Count(repository.Items.Count, "work item")}; "
            + (repository.History.UnavailableReason is { } why ? $"no git history ({why})" : $"walked {Count(repository.History.CommitsWalked, "commit")} of git history"));
        Func<PlanningRepository, PlanningRepository>? prepare = null;
        if (listing is not null)
        {
            var listed = await listing;
            repository = Verify(listed, repository);
            prepare = listed.ApplyTo;
        }

        var result = session.Analyze(repository);
        verbose?.Lap("analysis");
        verbose?.Line($"{Count(result.Diagnostics.Count, "finding")} from {session.Engine.Rules.Count} rules, {result.Suppressed.Count} suppressed");
        return new Analysis(session, repository, result) { Prepare = prepare };
    }

    /// <summary>The repository with its roster verified; when the organisation could not be listed, the repository
    /// as it is and ONE line on stderr saying why (BL0002 then reports what it reports without verification).</summary>
    private PlanningRepository Verify(OrganizationListing listing, PlanningRepository repository)
    {
        if (listing.Reason is { } reason) Console.Error.WriteLine($"backloglint: notice: {reason}");
        else LogVerified(listing.Organization, listing.PeopleCount, listing.TeamCount);

        return listing.ApplyTo(repository);
    }

    /// <summary><c>--changed</c>: the files the branch changed, said once on stderr (unless quiet); null (and one error
    /// line) outside git.</summary>
    private static IReadOnlySet<string>? ChangedSinceDefaultBranch(LintSession session, bool quiet)
    {
        LocalChanges changes;
        try
        {
            changes = session.ChangedFiles();
        }
        catch (LintSessionException e)
        {
            Fail(e.Message);
            return null;
        }

        if (changes.Notice is { } notice) Console.Error.WriteLine($"backloglint: notice: --changed: {notice}");
        if (!quiet) Console.Error.WriteLine($"backloglint: --changed: {changes.Paths.Count} changed files against {changes.Against}, with uncommitted and untracked ones");
        return changes.Paths;
    }

    private static void Write(string? path, Action<Stream> write)
    {
        if (path is null)
        {
            using var stdout = ConsoleStreams.OpenStandardOutput();
            write(stdout);
            return;
        }

        using var file = File.Create(path);
        write(file);
    }

    private static int Fail(string message) => ExitCodes.Fail(message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Owners verified against the GitHub organisation {Organization}: {People} members, {Teams} teams")]
    private partial void LogVerified(string organization, int people, int teams);

    /// <summary>"configuration …/.backloglint.yml: dialect madr; items docs/**/*.md; 2 overrides".</summary>
    private static string Describe(LintSession session)
    {
        var config = session.Config;
        var source = session.Scope.ConfigPath is { } file ? $"configuration {file}" : $"no configuration found at or above {session.Location.Folder}: the defaults";
        var parts = new List<string> { $"dialect {config.Dialect}" };
        if (config.Items.Count > 0) parts.Add($"items {string.Join(", ", config.Items)}");
        if (config.Overrides.Count > 0) parts.Add(Count(config.Overrides.Count, "override"));
        if (config.ExtraRules.Count > 0) parts.Add($"{Count(config.ExtraRules.Count, "rule")} of its own");
        return $"{source}: {string.Join("; ", parts)}";
    }

    private static string Count(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

    private sealed record Analysis(LintSession Session, PlanningRepository Repository, AnalysisResult Result)
    {
        /// <summary>What was done to the repository after loading it (the roster verified), for a repository loaded again.</summary>
        public Func<PlanningRepository, PlanningRepository>? Prepare { get; init; }
    }
}
