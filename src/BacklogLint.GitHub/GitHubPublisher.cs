using Octokit;

namespace BacklogLint.GitHub;

/// <summary>Delivers a run's findings through the API — the pull request comment and the check run — and never
/// fails the run for it: a fork's pull request, a missing or read-only token, an outage, a rate limit or an answer
/// that cannot be read each become ONE notice, and reporting stops there (the caller still writes annotations and
/// the step summary, and the exit code still follows the findings).</summary>
public sealed class GitHubPublisher(ActionsContext context, IGitHubClient? client)
{
    public const string Fallback = "The findings are in the annotations and the job summary.";

    /// <summary>The most files GitHub lists for a pull request; a longer list is cut off.</summary>
    public const int MaxPullRequestFiles = 3000;

    public async Task<PublishOutcome> PublishAsync(PublishRequest request)
    {
        var wantsComment = request.Comment is not null && context.PullRequest is not null;
        if (!wantsComment && request.CheckRun is null) return PublishOutcome.Nothing;

        if (context.HasReadOnlyToken)
        {
            return PublishOutcome.Failed(
                $"This pull request comes from the fork {context.PullRequest!.HeadRepository ?? "(deleted)"}: the workflow's token cannot write to {context.Repository}, so there is no pull request comment or check run. {Fallback}");
        }

        if (client is null)
            return PublishOutcome.Failed($"No GitHub token (set GITHUB_TOKEN or pass --token), so there is no pull request comment or check run. {Fallback}");

        CommentOutcome? comment = null;
        if (wantsComment)
        {
            var action = "update the pull request comment";
            try
            {
                comment = await new PullRequestComment(client, context.Owner, context.Name)
                    .UpsertAsync(context.PullRequest!.Number, request.Comment!.Body, request.Comment.CreateIfMissing).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return PublishOutcome.Failed(Notice(e, action));
            }
        }

        CheckRunOutcome? checkRun = null;
        if (request.CheckRun is { } content)
        {
            var action = "create the check run";
            try
            {
                checkRun = await new CheckRunPublisher(client, context.Owner, context.Name).PublishAsync(request.CheckRunSha!, content).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return new PublishOutcome([Notice(e, action)], comment, null);
            }
        }

        return new PublishOutcome([], comment, checkRun);
    }

    /// <summary>The files the pull request changed, from the API (for a shallow clone, whose base commit is missing);
    /// null when they cannot be listed, or when GitHub's list of <see cref="MaxPullRequestFiles"/> may be cut off.</summary>
    public async Task<IReadOnlySet<string>?> ChangedFilesAsync()
    {
        if (client is null || context.PullRequest is not { } pullRequest) return null;
        try
        {
            var files = await client.PullRequest.Files(context.Owner, context.Name, pullRequest.Number, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
            if (files.Count >= MaxPullRequestFiles) return null;
            return files.Where(file => file.Status != "removed" && file.FileName is not null)
                .Select(file => file.FileName)
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception)
        {
            // The caller's notice already says that every finding is treated as new without the list.
            return null;
        }
    }

    private string Notice(Exception exception, string action) =>
        context.Redact(GitHubFailure.IsPermissionDenied(exception)
            ? $"The token cannot write to {context.Repository} (403: a pull request from a fork, or a read-only token), so there is no pull request comment or check run. Give the workflow `permissions: pull-requests: write` (and `checks: write` for --check-run). {Fallback}"
            : $"{GitHubFailure.Describe(exception, action)} {Fallback}");
}

/// <summary>What to publish. <paramref name="CheckRunSha"/> is required with <paramref name="CheckRun"/>.</summary>
public sealed record PublishRequest(CommentRequest? Comment, CheckRunContent? CheckRun, string? CheckRunSha);

/// <summary>The comment's body, and whether to start a comment when none exists.</summary>
public sealed record CommentRequest(string Body, bool CreateIfMissing);

/// <summary>What was published, and the notices (at most one) saying what was not.</summary>
public sealed record PublishOutcome(IReadOnlyList<string> Notices, CommentOutcome? Comment, CheckRunOutcome? CheckRun)
{
    public static PublishOutcome Nothing { get; } = new([], null, null);

    public static PublishOutcome Failed(string notice) => new([notice], null, null);
}
