using BacklogLint.Core;
using System.Globalization;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Comparison;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.History;
using BacklogLint.Core.Model;
using BacklogLint.Core.Session;
using BacklogLint.GitHub;
using BacklogLint.Reporting;
using Microsoft.Extensions.Logging;

namespace BacklogLint.Cli.Commands;

/// <summary>One <c>github</c> run. On a pull request: analyse the base and head commits from git objects and sort the
/// findings into new, fixed and unchanged; on a push: analyse the working tree, like <c>check</c>. Then publish (PR
/// comment, check run), append the job summary, and write the run's notices and the annotations to stdout. Publishing
/// never decides the exit code: that follows the findings (on a pull request, the new ones).</summary>
internal sealed partial class GitHubRunner(AnalysisEngine engine, ConfigLoader configLoader, TimeProvider time, ILogger<GitHubRunner> logger)
{
    public async Task<int> RunAsync(GitHubSettings settings, ActionsContext context, TextWriter stdout)
    {
        // As check does: the planning repository the configuration describes is loaded whole, the findings under PATH count.
        LintSession session;
        try
        {
            session = LintSession.Open(settings.Path, settings.ConfigPath, engine, configLoader, time);
        }
        catch (Exception e) when (e is LintSessionException or ConfigurationException)
        {
            return Fail(e.Message);
        }

        LogConfig(session.Scope.ConfigPath ?? "(defaults)");
        LogContext(context);
        // The HTTP layer waits in real time, whatever --now says; the budget starts with the first request.
        var budget = new GitHubBudget(settings.Budget, settings.RequestTimeout, TimeProvider.System);
        var computedAt = TimeProvider.System.GetUtcNow();
        Octokit.IGitHubClient? client = context.Token is { } token
            ? GitHubClientFactory.Create(context.ApiUrl, token, ToolInfo.Version, new GitHubRetryHandler(RetryPolicy.Default, TimeProvider.System, budget: budget))
            : null;
        var publisher = new GitHubPublisher(context, client, budget) { CommentAuthorLogin = settings.CommentAuthor };
        var notices = new List<string>();
        // Listed once, and applied to the base and the head alike, so that verification itself makes no finding new.
        var owners = settings.VerifyOwners
            ? await VerifyOwnersAsync(new OrganizationDirectory(client, settings.Organization ?? context.Owner, context.Redact), notices)
            : null;
        var run = context.PullRequest is { } pullRequest
            ? await AnalyzePullRequestAsync(session, pullRequest, context, publisher, notices, owners)
            : AnalyzePush(session, context, owners);
        LogDelta(run.Delta.New.Count, run.Delta.Fixed.Count, run.Delta.Unchanged.Count);
        var exitCode = ExitCode(settings, run);

        var trend = settings.Trend > 1 ? Trend(session, settings.Trend, notices) : [];

        // Annotations and the job summary first: whatever happens to the API afterwards, the findings are out.
        var request = PublishRequest(settings, run, exitCode, context, notices, computedAt);
        var redacted = notices.Select(context.Redact).ToList();
        var report = new PullRequestReport(run.Delta, context.RepositoryUrl, run.HeadSha, run.ItemCount, ToolInfo.Version, [.. redacted]) { Trend = trend };
        var summary = WriteStepSummary(context, report, run);
        var summaryWritten = summary is not null;
        WriteAnnotations(stdout, settings, context, run, redacted, Places(request, context, client, summaryWritten));
        await stdout.FlushAsync();

        var outcome = await publisher.PublishAsync(request with
        {
            Comment = request.Comment is { } comment ? comment with { Body = MarkdownReportWriter.Write(report, CommentBodyLimit, FullList(summary)) } : null,
            CheckRun = request.CheckRun is { } checkRun ? checkRun with { Summary = MarkdownReportWriter.Write(report, CheckRunSummaryLimit, FullList(summary), "check run") } : null,
        });
        LogPublished(outcome.Comment?.Action, outcome.Comment?.Id, outcome.CheckRun?.Requests ?? 0, budget.Elapsed.TotalMilliseconds);
        var published = outcome.Notices.Select(context.Redact).ToList();
        foreach (var notice in published) stdout.WriteLine(Trusted(Notice(notice)));
        if (summaryWritten && published.Count > 0) AppendToStepSummary(context, published);
        await stdout.WriteLineAsync(Conclusion(context, run, exitCode));
        await stdout.FlushAsync();
        return exitCode;
    }

    /// <summary>Open findings on each of the last <paramref name="weeks"/> weeks of HEAD's first-parent history (the
    /// report's sampling, <see cref="LintSession.AnalyzeHistory"/>); none, and one notice saying why, when history cannot
    /// be read (a shallow clone).</summary>
    private static List<TrendPoint> Trend(LintSession session, int weeks, List<string> notices)
    {
        var every = new Core.Analysis.Period(1, Core.Analysis.PeriodUnit.Week);
        try
        {
            return [.. session.AnalyzeHistory(new HistorySampling(every.Before(session.Today, weeks - 1), every))
                .Select(sample => new TrendPoint(sample.Day, sample.Reported.Count))];
        }
        catch (LintSessionException e)
        {
            notices.Add($"No trend chart: {e.Message}.");
            return [];
        }
    }

    /// <summary>Room for the stamp <see cref="PullRequestComment"/> adds after the marker.</summary>
    private const int CommentBodyLimit = MarkdownReportWriter.CommentLimit - 200;

    /// <summary>Room for the line a check run adds when not every finding is an annotation.</summary>
    private const int CheckRunSummaryLimit = CheckRunPublisher.SummaryLimit - 500;

    /// <summary>The organisation's people and teams; null, and one notice saying why, when they cannot be listed.</summary>
    private async Task<OrganizationListing?> VerifyOwnersAsync(OrganizationDirectory directory, List<string> notices)
    {
        var listing = await directory.ListAsync();
        if (listing.Reason is { } reason)
        {
            notices.Add(reason);
            return null;
        }

        LogVerified(listing.Organization, listing.PeopleCount, listing.TeamCount);
        return listing;
    }

    private async Task<RunFindings> AnalyzePullRequestAsync(
        LintSession session, PullRequestEvent pullRequest, ActionsContext context, GitHubPublisher publisher, List<string> notices,
        OrganizationListing? owners)
    {
        // actions/checkout fetches the merge commit (GITHUB_SHA) by default; the head commit itself may be missing.
        var headCommit = session.Location.FirstCommitOf([pullRequest.HeadSha, context.Sha]);
        var baseCommit = session.Location.FirstCommitOf([pullRequest.BaseSha]);
        if (headCommit is not null && baseCommit is not null)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var (baseRepository, headRepository) = session.LoadPair(baseCommit, headCommit);
            var loaded = stopwatch.ElapsedMilliseconds;
            var findings = Analyze(session, headRepository, owners);
            var delta = FindingDelta.Compare(Analyze(session, baseRepository, owners), findings);
            var changed = ChangedFiles.Between(session.Location.GitDirectory!, baseCommit, headCommit);
            LogPairTimes(headRepository.Items.Count, headRepository.History.CommitsWalked, loaded, stopwatch.ElapsedMilliseconds);
            return new RunFindings(delta, findings, changed, session.ItemsUnder(headRepository), pullRequest.HeadSha, IsPullRequest: true);
        }

        if (headCommit is null) LogHeadFromWorkingTree();
        var head = headCommit is null ? session.LoadWorkingTree() : session.LoadCommit(headCommit);
        var headFindings = Analyze(session, head, owners);
        // The head is the working tree here (no head commit in the clone): compare it with the base when there is one.
        if (baseCommit is not null)
        {
            var delta = FindingDelta.Compare(Analyze(session, session.LoadCommit(baseCommit), owners), headFindings);
            return new RunFindings(delta, headFindings, ChangedFiles.Between(session.Location.GitDirectory!, baseCommit, "HEAD"), session.ItemsUnder(head), pullRequest.HeadSha, IsPullRequest: true);
        }

        var changedFiles = await publisher.ChangedFilesAsync();
        var treated = changedFiles is null ? "every finding is treated as new" : "every finding in the files the pull request changed is treated as new";
        notices.Add(
            $"The base commit {Short(pullRequest.BaseSha)} of this pull request is not in the clone (a shallow checkout), so new findings cannot be told from existing ones: {treated}. "
            + "To compare with the base, fetch the whole history: `fetch-depth: 0` on actions/checkout.");
        var shallowDelta = changedFiles is null
            ? FindingDelta.AllNew(headFindings)
            : new FindingDelta(
                [.. headFindings.Where(d => d.Path is not null && changedFiles.Contains(d.Path))],
                [],
                [.. headFindings.Where(d => d.Path is null || !changedFiles.Contains(d.Path))]);
        return new RunFindings(shallowDelta, headFindings, changedFiles, session.ItemsUnder(head), pullRequest.HeadSha, IsPullRequest: true);
    }

    private static RunFindings AnalyzePush(LintSession session, ActionsContext context, OrganizationListing? owners)
    {
        var repository = session.LoadWorkingTree();
        var findings = Analyze(session, repository, owners);
        return new RunFindings(FindingDelta.AllNew(findings), findings, null, session.ItemsUnder(repository), context.Sha ?? "HEAD", IsPullRequest: false)
        {
            Pushed = (repository, session.FilesUnder(repository)),
        };
    }

    /// <summary>The findings under PATH that are shown, with the roster verified when it was listed.</summary>
    private static List<Diagnostic> Analyze(LintSession session, PlanningRepository repository, OrganizationListing? owners) =>
        session.Reported(session.Analyze(owners?.ApplyTo(repository) ?? repository).Diagnostics);

    private static int ExitCode(GitHubSettings settings, RunFindings run)
    {
        var threshold = CommonOptions.FailureThreshold(settings.FailOn);
        var judged = run.IsPullRequest && !settings.FailOnExisting ? run.Delta.New : run.Head;
        return judged.Fails(threshold) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }

    /// <summary>What to publish; the comment's body and the check run's summary are rendered once the notices are known.</summary>
    private static PublishRequest PublishRequest(GitHubSettings settings, RunFindings run, int exitCode, ActionsContext context, List<string> notices, DateTimeOffset computedAt)
    {
        var delta = run.Delta;
        // A pull request that brings and fixes nothing gets no new comment; one already there is still brought up to date.
        var comment = settings.Comment && run.IsPullRequest
            ? new CommentRequest("", CreateIfMissing: delta.New.Count > 0 || delta.Fixed.Count > 0, new CommentStamp(run.HeadSha, computedAt))
            : null;
        var checkRunSha = run.IsPullRequest ? run.HeadSha : context.Sha;
        if (settings.CheckRun && checkRunSha is null) notices.Add("GITHUB_SHA is not set, so there is no check run.");
        var checkRun = settings.CheckRun && checkRunSha is not null
            ? new CheckRunContent(
                run.IsPullRequest
                    ? Invariant($"{delta.New.Count} new, {delta.Fixed.Count} fixed, {delta.Unchanged.Count} unchanged")
                    : Invariant($"{run.Head.Count} findings"),
                "",
                [.. delta.New, .. delta.Unchanged],
                exitCode == ExitCodes.Success)
            : null;
        return new PublishRequest(comment, checkRun, checkRunSha);
    }

    /// <summary>The notices of publishing, after the summary written before it.</summary>
    private void AppendToStepSummary(ActionsContext context, List<string> notices)
    {
        try
        {
            StepSummary.Append(context.StepSummaryPath!, _ => string.Concat(notices.Select(notice => $"> {MarkdownText.Escape(notice)}\n\n")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSummaryFull(context.StepSummaryPath!);
        }
    }

    /// <summary>Appends the report to the job summary, filled up to GitHub's limit; returns what was written (null:
    /// nothing). On a pull request it is the comment's report; on a push, the lead's report of the whole repository.</summary>
    private string? WriteStepSummary(ActionsContext context, PullRequestReport report, RunFindings run)
    {
        if (context.StepSummaryPath is not { } path) return null;
        Func<int, string> write = run.Pushed is var (repository, fileCount)
            ? maxLength => LeadReportWriter.Write(
                new AnalysisReport(run.Head, run.ItemCount, fileCount, ToolInfo.Version).WithItems(repository, new WebAddress(context.RepositoryUrl, run.HeadSha)),
                maxLength, report.Notices)
            : maxLength => MarkdownReportWriter.Write(report, maxLength, MarkdownReportWriter.FullListInCheck, "summary");
        try
        {
            if (StepSummary.TryAppend(path, write, out var written)) return written;
            LogSummaryFull(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"backloglint: warning: cannot write the job summary to '{path}': {e.Message}");
            return null;
        }
    }

    /// <summary>Where the comment and the check run send a reader for what did not fit in them.</summary>
    private static string FullList(string? summary) =>
        summary is not null && !summary.Contains("did not fit in this", StringComparison.Ordinal)
            ? MarkdownReportWriter.FullListInSummary
            : MarkdownReportWriter.FullListInCheck;

    private static void WriteAnnotations(TextWriter stdout, GitHubSettings settings, ActionsContext context, RunFindings run, List<string> notices, List<string> places)
    {
        foreach (var notice in notices) stdout.WriteLine(Trusted(Notice(notice)));

        IEnumerable<Diagnostic> candidates = run.Head;
        if (run.IsPullRequest)
        {
            // The new findings on the files the pull request changed (a finding on no file is about the whole
            // repository); with --fail-on-existing, the existing ones after them, as they fail the run too.
            candidates = run.Delta.New.Where(d => d.Path is null || run.Changed is null || run.Changed.Contains(d.Path));
            if (settings.FailOnExisting) candidates = candidates.Concat(run.Delta.Unchanged);
        }

        var plan = AnnotationSelection.Select([.. candidates], notices.Count);
        foreach (var diagnostic in plan.Shown) stdout.WriteLine(Trusted(WorkflowCommandWriter.Format(diagnostic)));
        if (plan.Omitted == 0) return;
        var noun = run.IsPullRequest && !settings.FailOnExisting ? "new finding" : "finding";
        stdout.WriteLine(Trusted(Notice(AnnotationSelection.OverflowNotice(plan.Omitted, plan.Omitted == 1 ? noun : noun + "s", places))));
    }

    private static string Notice(string message) => WorkflowCommandWriter.Command("notice", [("title", "BacklogLint")], message);

    /// <summary>One of this tool's own workflow commands, let through stdout's guard.</summary>
    private static string Trusted(string commandLine) => ConsoleStreams.Trust(commandLine);

    /// <summary>Where the findings left out of the annotations will be: said before publishing, so what is meant to be.</summary>
    private static List<string> Places(PublishRequest request, ActionsContext context, Octokit.IGitHubClient? client, bool summaryWritten)
    {
        var canWrite = client is not null && !context.HasReadOnlyToken;
        var places = new List<string>();
        if (canWrite && request.Comment is { } comment && context.PullRequest is not null && comment.CreateIfMissing) places.Add("the pull request comment");
        if (canWrite && request.CheckRun is not null) places.Add("the check run");
        if (summaryWritten) places.Add("the job summary");
        return places;
    }

    private static string Conclusion(ActionsContext context, RunFindings run, int exitCode) => run.IsPullRequest
        ? Invariant($"BacklogLint: pull request #{context.PullRequest!.Number}: {run.Delta.New.Count} new, {run.Delta.Fixed.Count} fixed, {run.Delta.Unchanged.Count} unchanged findings (exit code {exitCode}).")
        : Invariant($"BacklogLint: {run.Head.Count} findings (exit code {exitCode}).");

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Fail(string message) => ExitCodes.Fail(message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Owners verified against the GitHub organisation {Organization}: {People} members, {Teams} teams")]
    private partial void LogVerified(string organization, int people, int teams);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Configuration: {Path}")]
    private partial void LogConfig(string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Actions context: {Context}")]
    private partial void LogContext(ActionsContext context);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Neither the head commit nor GITHUB_SHA is in the clone: the working tree is the head")]
    private partial void LogHeadFromWorkingTree();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Base and head loaded ({Items} items at the head, {Commits} commits walked) in {LoadMs} ms, analysed and compared in {TotalMs} ms in all")]
    private partial void LogPairTimes(int items, int commits, long loadMs, long totalMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{New} new, {Fixed} fixed, {Unchanged} unchanged findings")]
    private partial void LogDelta(int @new, int @fixed, int unchanged);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Comment: {Action} {Id}; check run requests: {Requests}; GitHub took {Milliseconds} ms")]
    private partial void LogPublished(CommentAction? action, long? id, int requests, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job summary {Path} has no room left (GitHub's limit is 1 MiB): nothing appended")]
    private partial void LogSummaryFull(string path);

    /// <param name="Head">Every finding of the head, in report order.</param>
    /// <param name="Changed">The files the pull request changed; null when unknown (or on a push).</param>
    /// <param name="HeadSha">The commit links and the check run point at.</param>
    private sealed record RunFindings(FindingDelta Delta, IReadOnlyList<Diagnostic> Head, IReadOnlySet<string>? Changed, int ItemCount, string HeadSha, bool IsPullRequest)
    {
        /// <summary>On a push, the repository analysed, for the lead's report in the step summary.</summary>
        public (PlanningRepository Repository, int FileCount)? Pushed { get; init; }
    }
}
