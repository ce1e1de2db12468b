using BacklogLint.Reporting;
using Octokit;

namespace BacklogLint.GitHub;

/// <summary>The one BacklogLint comment of a pull request, found by <see cref="MarkdownReportWriter.CommentMarker"/>
/// among all the pull request's comments, created once and updated in place on every run. Should two or more exist
/// (two runs racing), the oldest is kept and updated and the others are deleted.</summary>
public sealed class PullRequestComment(IGitHubClient client, string owner, string name)
{
    /// <summary>GitHub's largest page of comments.</summary>
    public const int PageSize = 100;

    /// <param name="createIfMissing">False: update a comment that exists, but start none (nothing to say).</param>
    public async Task<CommentOutcome> UpsertAsync(int pullRequest, string body, bool createIfMissing)
    {
        var comments = await client.Issue.Comment.GetAllForIssue(owner, name, pullRequest, new ApiOptions { PageSize = PageSize }).ConfigureAwait(false);
        var ours = comments
            .Where(comment => comment.Body?.Contains(MarkdownReportWriter.CommentMarker, StringComparison.Ordinal) == true)
            .OrderBy(comment => comment.CreatedAt)
            .ThenBy(comment => comment.Id)
            .ToList();
        if (ours.Count == 0)
        {
            if (!createIfMissing) return new CommentOutcome(CommentAction.None, null, null, 0);
            var created = await client.Issue.Comment.Create(owner, name, pullRequest, body).ConfigureAwait(false);
            return new CommentOutcome(CommentAction.Created, created.Id, created.HtmlUrl, 0);
        }

        var kept = ours[0];
        var updated = await client.Issue.Comment.Update(owner, name, kept.Id, body).ConfigureAwait(false);
        foreach (var duplicate in ours.Skip(1))
            await client.Issue.Comment.Delete(owner, name, duplicate.Id).ConfigureAwait(false);
        return new CommentOutcome(CommentAction.Updated, kept.Id, updated?.HtmlUrl ?? kept.HtmlUrl, ours.Count - 1);
    }
}

/// <summary>What <see cref="PullRequestComment.UpsertAsync"/> did.</summary>
/// <param name="Id">The comment's id; null when there is none.</param>
/// <param name="Deleted">Duplicates deleted.</param>
public sealed record CommentOutcome(CommentAction Action, long? Id, string? Url, int Deleted);

public enum CommentAction
{
    /// <summary>No comment existed and there was nothing to say.</summary>
    None,
    Created,
    Updated,
}
