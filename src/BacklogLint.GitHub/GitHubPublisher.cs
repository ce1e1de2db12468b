using Octokit;

namespace BacklogLint.GitHub;

/// <summary>Delivers a run's findings through the API — the pull request comment and the check run — and never
/// fails the run for it: a fork's pull request, a missing or read-only token, an outage, a rate limit, a spent budget
/// or an answer that cannot be read each become ONE notice per delivery (the caller has already written annotations
/// and the step summary, and the exit code still follows the findings). The comment's trouble never keeps the check
/// run from being made.</summary>
public sealed class GitHubPublisher(ActionsContext context, IGitHubClient? client, GitHubBudget? budget = null)
{
    public const string Fallback = "The findings are in the annotations and the job summary.";

    /// <summary>The most files GitHub lists for a pull request; a longer list is cut off.</summary>
    public const int MaxPullRequestFiles = 3000;

    /// <summary><c>--comment-author</c>: the login whose comments are ours; null: the token's own (<see cref="CommentAuthor"/>).</summary>
    public string? CommentAuthorLogin { get; init; }

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

        var notices = new List<string>();
        CommentOutcome? comment = null;
        var commentDenied = false;
        var giveUp = false;
        if (wantsComment)
        {
            var action = "update the pull request comment";
            try
            {
                var author = await CommentAuthor.ResolveAsync(client, CommentAuthorLogin, context.Token?.StartsWith("ghs_", StringComparison.Ordinal) == true).ConfigureAwait(false);

                var pullRequest = context.PullRequest!.Number;
                comment = await new PullRequestComment(client, context.Owner, context.Name, author)
                    .UpsertAsync(pullRequest, request.Comment!.Body, request.Comment.CreateIfMissing, request.Comment.Stamp, () => CurrentHeadAsync(pullRequest))
                    .ConfigureAwait(false);
                notices.AddRange((comment.Notices ?? []).Select(context.Redact));
            }
            catch (Exception e)
            {
                commentDenied = GitHubFailure.IsPermissionDenied(e);
                giveUp = GitHubFailure.AffectsEveryRequest(e);
                notices.Add(Notice(e, action));
            }
        }

        CheckRunOutcome? checkRun = null;
        if (request.CheckRun is { } content && !giveUp)
        {
            var outcome = await new CheckRunPublisher(client, context.Owner, context.Name, budget, context.Redact)
                .PublishAsync(request.CheckRunSha!, content).ConfigureAwait(false);
            if (outcome.Failure is { } failure && !(commentDenied && GitHubFailure.IsPermissionDenied(failure)))
                notices.Add(Notice(failure, outcome.Id is null ? "create the check run" : "finish the check run"));
            if (outcome.Id is not null) checkRun = outcome;
        }

        return new PublishOutcome(notices, comment, checkRun);
    }

    /// <summary>The files the pull request changed, from the API (for a shallow clone, whose base commit is missing);
    /// null when they cannot be listed, or when GitHub's list of <see cref="MaxPullRequestFiles"/> may be cut off.</summary>
    public async Task<IReadOnlySet<string>?> ChangedFilesAsync()
    {
        if (client is null || context.PullRequest is not { } pullRequest) return null;
        try
        {
            var files = await GitHubPages.GetAllAsync<PullRequestFile>(
                client.Connection, $"repos/{Uri.EscapeDataString(context.Owner)}/{Uri.EscapeDataString(context.Name)}/pulls/{pullRequest.Number}/files",
                MaxPullRequestFiles / GitHubPages.PageSize + 1, "the pull request's files").ConfigureAwait(false);
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

    /// <summary>The pull request's head commit as GitHub has it now; null when it cannot be told.</summary>
    private async Task<string?> CurrentHeadAsync(int number)
    {
        try
        {
            var pullRequest = await client!.PullRequest.Get(context.Owner, context.Name, number).ConfigureAwait(false);
            // Only a commit id is taken from the answer: it ends up in a notice.
            return pullRequest?.Head?.Sha is { Length: >= 7 and <= 64 } sha && sha.All(char.IsAsciiHexDigit) ? sha : null;
        }
        catch (Exception e) when (e is not GitHubTimeoutException || budget is null || !budget.IsSpent)
        {
            return null;
        }
    }

    private string Notice(Exception exception, string action) =>
        context.Redact(GitHubFailure.IsPermissionDenied(exception)
            ? $"The token cannot write to {context.Repository} (403: a pull request from a fork, or a read-only token), so there is no pull request comment or check run. Give the workflow `permissions: pull-requests: write` (and `checks: write` for --check-run). {Fallback}"
            : $"{GitHubFailure.Describe(exception, action, context.Redact)} {Fallback}");
}

/// <summary>What to publish. <paramref name="CheckRunSha"/> is required with <paramref name="CheckRun"/>.</summary>
public sealed record PublishRequest(CommentRequest? Comment, CheckRunContent? CheckRun, string? CheckRunSha);

/// <summary>The comment's body, whether to start a comment when none exists, and what it describes.</summary>
public sealed record CommentRequest(string Body, bool CreateIfMissing, CommentStamp Stamp);

/// <summary>What was published, and the notices saying what was not.</summary>
public sealed record PublishOutcome(IReadOnlyList<string> Notices, CommentOutcome? Comment, CheckRunOutcome? CheckRun)
{
    public static PublishOutcome Nothing { get; } = new([], null, null);

    public static PublishOutcome Failed(string notice) => new([notice], null, null);
}
