using System.CommandLine;
using System.Runtime.CompilerServices;
using BacklogLint.Core.Policies;
using BacklogLint.GitHub;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint github [PATH]</c>: inside GitHub Actions, compare a pull request's head with its base and
/// deliver the findings as annotations, one PR comment, an optional check run and the job summary (DESIGN §4).</summary>
internal static class GitHubCommand
{
    public static Command Create()
    {
        var path = CommonOptions.PlanningFolder();
        var config = CommonOptions.Config(" Used for the base and the head alike.");
        var now = CommonOptions.Now();
        var failOn = CommonOptions.FailOn("Exit 1 when a new finding (on a push: any finding) is at least this severe.");
        var token = new Option<string?>("--token") { Description = "The GitHub token (default: the GITHUB_TOKEN environment variable). Never printed." };
        var comment = new Option<bool>("--comment") { Description = "Keep one pull request comment with the findings up to date (the default)." };
        var noComment = new Option<bool>("--no-comment") { Description = "Write no pull request comment." };
        var checkRun = new Option<bool>("--check-run") { Description = "Also create a check run on the head commit with every finding as an annotation." };
        var failOnExisting = new Option<bool>("--fail-on-existing") { Description = "On a pull request, fail on findings it did not bring as well (the strict view)." };
        var commentAuthor = new Option<string?>("--comment-author")
        {
            Description = "The login whose comments are BacklogLint's (default: the token's own, from GitHub; e.g. my-app[bot] for a GitHub App's token).",
        };
        var budget = new Option<string>("--github-timeout")
        {
            Description = "How long the whole GitHub part may take, every request and retry included: seconds, or 90s, 2m (default 120s). Annotations and the job summary are written before it starts.",
            DefaultValueFactory = _ => "120s",
        };
        var requestTimeout = new Option<string>("--request-timeout")
        {
            Description = "How long one request may take, its answer's body included: seconds, or 10s, 1m (default 30s, at most a third of --github-timeout).",
            DefaultValueFactory = _ => "30s",
        };
        var verifyOwners = OwnerOptions.VerifyOwners();
        var organization = OwnerOptions.Organization();
        var trend = new Option<int>("--trend")
        {
            Description = "Draw open findings on the last N weeks of the branch's history in the comment and the job summary (a Mermaid chart; it reads history again, so it costs a history walk; needs fetch-depth: 0). Default 0: none.",
        };

        var command = new Command("github", "Inside GitHub Actions: annotations, one pull request comment, an optional check run and the job summary; on a pull request only new findings fail.")
        {
            path, config, now, failOn, token, comment, noComment, checkRun, failOnExisting, commentAuthor, budget, requestTimeout, verifyOwners, organization, trend,
        };
        OwnerOptions.Validate(command, verifyOwners, organization);
        command.Validators.Add(result =>
        {
            if (result.GetValue(comment) && result.GetValue(noComment)) result.AddError("--comment and --no-comment cannot both be given");
            if (result.GetValue(trend) is 1 or < 0 or > MermaidTrendPoints) result.AddError($"--trend is a number of weeks from 2 to {MermaidTrendPoints} (0: no chart)");
            if (result.GetValue(budget) is { } budgetText && Durations.Parse(budgetText) is null) result.AddError("--github-timeout is a positive number of seconds, or a duration such as 90s or 2m, at most 1h");
            if (result.GetValue(requestTimeout) is { } timeoutText && Durations.Parse(timeoutText) is null) result.AddError("--request-timeout is a positive number of seconds, or a duration such as 10s or 1m, at most 1h");
            if (result.GetValue(commentAuthor) is { } author && BacklogLint.GitHub.CommentAuthor.Normalize(author) is null)
                result.AddError("--comment-author is a GitHub login, e.g. octocat or my-app[bot]");
        });
        // Octokit serialises by reflection: the native build hands the command over. The constant is false there, so Run
        // and what only it reaches, Octokit with it, are not compiled into that build at all.
        command.SetAction((parseResult, cancellation) =>
            RuntimeFeature.IsDynamicCodeSupported ? Run(parseResult, cancellation) : throw new JitRuntimeRequiredException("github runs in the JIT-compiled build"));
        return command;

        async Task<int> Run(ParseResult parseResult, CancellationToken cancellation)
        {
            if (!Clock.TryCreate(parseResult.GetValue(now), out var time)) return ExitCodes.UsageOrFailure;
            ActionsContext context;
            try
            {
                context = ActionsContext.FromEnvironment(parseResult.GetValue(token));
                // From here on nothing printed on either stream carries the token, in any form.
                ConsoleStreams.Protect(context.Redactor);
            }
            catch (ActionsContextException e)
            {
                await Console.Error.WriteLineAsync($"backloglint: error: {e.Message}");
                return ExitCodes.UsageOrFailure;
            }

            var settings = new GitHubSettings(
                parseResult.GetValue(path)!,
                parseResult.GetValue(config),
                parseResult.GetValue(failOn)!,
                Comment: !parseResult.GetValue(noComment),
                CheckRun: parseResult.GetValue(checkRun),
                FailOnExisting: parseResult.GetValue(failOnExisting),
                VerifyOwners: parseResult.GetValue(verifyOwners),
                Organization: parseResult.GetValue(organization))
            {
                CommentAuthor = BacklogLint.GitHub.CommentAuthor.Normalize(parseResult.GetValue(commentAuthor)),
                Budget = Durations.Parse(parseResult.GetValue(budget)) ?? GitHubBudget.DefaultTotal,
                RequestTimeout = Durations.Parse(parseResult.GetValue(requestTimeout)) ?? GitHubBudget.DefaultPerRequest,
                Trend = parseResult.GetValue(trend),
            };
            using var host = CliHost.Build(parseResult.GetValue(CommandLine.Verbose), time);
            return await host.GitHubRunner().RunAsync(settings, context, Console.Out);
        }
    }

    private const int MermaidTrendPoints = Reporting.MermaidTrend.MaxPoints;
}

/// <summary>The options of one <c>github</c> run.</summary>
/// <param name="Organization">The organisation for <paramref name="VerifyOwners"/>; null: the owner of GITHUB_REPOSITORY.</param>
internal sealed record GitHubSettings(
    string Path, string? ConfigPath, string FailOn, bool Comment, bool CheckRun, bool FailOnExisting, bool VerifyOwners = false, string? Organization = null)
{
    /// <summary><c>--comment-author</c>; null: the token's own identity.</summary>
    public string? CommentAuthor { get; init; }

    /// <summary><c>--github-timeout</c>: the whole GitHub part.</summary>
    public TimeSpan Budget { get; init; } = GitHubBudget.DefaultTotal;

    /// <summary><c>--request-timeout</c>: one request, body included.</summary>
    public TimeSpan RequestTimeout { get; init; } = GitHubBudget.DefaultPerRequest;

    /// <summary><c>--trend N</c>: open findings on the last N weeks in the comment and summary; 0 for none.</summary>
    public int Trend { get; init; }
}

/// <summary>Durations on the command line: <c>120</c> (seconds), <c>90s</c>, <c>2m</c>, <c>1500ms</c>.</summary>
internal static class Durations
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <returns>Null when <paramref name="text"/> is not a positive duration of at most an hour.</returns>
    public static TimeSpan? Parse(string? text)
    {
        var value = text?.Trim().ToLowerInvariant() ?? "";
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : (value, 1.0);
        if (!double.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)) return null;
        var seconds = amount * unit;
        if (double.IsNaN(seconds) || seconds <= 0 || seconds > Longest.TotalSeconds) return null;
        return TimeSpan.FromSeconds(seconds);
    }
}
