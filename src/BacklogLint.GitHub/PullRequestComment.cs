using System.Globalization;
using System.Text.RegularExpressions;
using BacklogLint.Reporting;
using Octokit;

namespace BacklogLint.GitHub;

/// <summary>The one BacklogLint comment of a pull request: a comment <b>written by the token's own identity</b>
/// (<see cref="CommentAuthor"/>) that carries <see cref="MarkdownReportWriter.CommentMarker"/> — a marker in anybody
/// else's comment is ignored, and said once. Created once, then updated in place, also when runs of one pull request
/// race:
/// <list type="number">
/// <item>every comment carries a <see cref="CommentStamp"/>: the head commit it describes and when it was computed;</item>
/// <item>a run whose head is no longer the pull request's head (asked of GitHub just before writing; when that cannot
/// be asked, a comment of ours for another head computed later) writes nothing: the newer run keeps the comment;</item>
/// <item>after writing, the comments are listed again; should several of ours exist (runs that created at once), the
/// oldest is kept (earliest <c>created_at</c>, then lowest id: every run picks the same), carries this run's body, and
/// the others are deleted — one already gone (404) is fine;</item>
/// <item>a comment that vanished meanwhile (404 on update) is created again.</item>
/// </list></summary>
public sealed partial class PullRequestComment(IGitHubClient client, string owner, string name, string author)
{
    /// <summary>At most this many pages of 100 comments are read.</summary>
    public const int MaxPages = 100;

    /// <summary>The login whose comments are ours; corrected by what GitHub says of a comment this run wrote.</summary>
    public string Author { get; private set; } = author;

    /// <param name="body">The comment, starting with the marker (the stamp is put in after it).</param>
    /// <param name="createIfMissing">False: update a comment that exists, but start none (nothing to say).</param>
    /// <param name="currentHead">The pull request's head commit now, from GitHub; null when it cannot be told.</param>
    public async Task<CommentOutcome> UpsertAsync(int pullRequest, string body, bool createIfMissing, CommentStamp stamp, Func<Task<string?>>? currentHead = null)
    {
        var notices = new List<string>();
        var stamped = stamp.Apply(body);
        var listing = await ListAsync(pullRequest).ConfigureAwait(false);
        if (listing.ForeignNotice() is { } foreign) notices.Add(foreign);
        if (listing.Ours.Count == 0 && !createIfMissing) return new CommentOutcome(CommentAction.None, null, null, 0, notices);

        var head = currentHead is null ? null : await currentHead().ConfigureAwait(false);
        if (Newer(head, listing.Ours, stamp) is { } newer)
        {
            notices.Add($"This run is for {Short(stamp.HeadSha)}, but the pull request's head is now {Short(newer)}: the comment is left to the newer run.");
            var current = listing.Ours.Count > 0 ? listing.Ours[0] : null;
            return new CommentOutcome(CommentAction.Stale, current?.Id, current?.HtmlUrl, 0, notices);
        }

        var (action, written) = await WriteAsync(pullRequest, stamped, listing.Ours.Count > 0 ? listing.Ours[0] : null).ConfigureAwait(false);
        // The comment just written is by the token's identity, whatever it was taken for: settle among its comments.
        if (CommentAuthor.Normalize(written?.User?.Login) is { } writer) Author = writer;
        var (kept, deleted) = await SettleAsync(pullRequest, stamped, stamp, written).ConfigureAwait(false);
        return new CommentOutcome(action, kept.Id, kept.HtmlUrl, deleted, notices);
    }

    /// <summary>Every comment of the pull request, read strictly (<see cref="GitHubPages"/>), split into ours
    /// (oldest first) and others' that carry the marker.</summary>
    public async Task<CommentListing> ListAsync(int pullRequest)
    {
        var all = await GitHubPages.GetAllAsync<IssueComment>(
            client.Connection, string.Create(CultureInfo.InvariantCulture, $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}/issues/{pullRequest}/comments"),
            MaxPages, "the pull request's comments").ConfigureAwait(false);
        var marked = all.Where(comment => comment is { Id: > 0 } && comment.Body?.Contains(MarkdownReportWriter.CommentMarker, StringComparison.Ordinal) == true).ToList();
        var ours = marked.Where(IsOurs).OrderBy(comment => comment.CreatedAt).ThenBy(comment => comment.Id).ToList();
        var foreign = marked.Where(comment => !IsOurs(comment)).Select(comment => CommentAuthor.Normalize(comment.User?.Login) ?? "(unknown)").ToList();
        return new CommentListing(ours, foreign, Author);
    }

    private bool IsOurs(IssueComment comment) =>
        comment.User?.Login is { } login && string.Equals(login, Author, StringComparison.OrdinalIgnoreCase);

    /// <summary>The head that makes this run stale, or null when this run may write.</summary>
    private static string? Newer(string? head, IReadOnlyList<IssueComment> ours, CommentStamp stamp)
    {
        if (head is not null) return SameCommit(head, stamp.HeadSha) ? null : head;
        // GitHub could not say: a comment of ours for another head, computed after this run began, is the newer one.
        return ours.Select(comment => CommentStamp.Parse(comment.Body))
            .OfType<CommentStamp>()
            .Where(other => !SameCommit(other.HeadSha, stamp.HeadSha) && other.ComputedAt > stamp.ComputedAt)
            .Select(other => other.HeadSha)
            .FirstOrDefault();
    }

    /// <returns>What was done, and the comment as GitHub answered (null when its answer had no body).</returns>
    private async Task<(CommentAction Action, IssueComment? Written)> WriteAsync(int pullRequest, string body, IssueComment? keeper)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (keeper is null) return (CommentAction.Created, await client.Issue.Comment.Create(owner, name, pullRequest, body).ConfigureAwait(false));
            try
            {
                return (CommentAction.Updated, await client.Issue.Comment.Update(owner, name, keeper.Id, body).ConfigureAwait(false));
            }
            catch (NotFoundException) when (attempt < 2)
            {
                // Deleted meanwhile (by a person, or by a racing run): write to what is left, or create it again.
                var again = (await ListAsync(pullRequest).ConfigureAwait(false)).Ours;
                keeper = again.Count > 0 ? again[0] : null;
            }
        }
    }

    /// <summary>Lists again and leaves exactly one comment of ours, with this run's body.</summary>
    private async Task<(IssueComment Kept, int Deleted)> SettleAsync(int pullRequest, string body, CommentStamp stamp, IssueComment? written)
    {
        var ours = (await ListAsync(pullRequest).ConfigureAwait(false)).Ours;
        if (ours.Count == 0)
        {
            // Ours vanished right after it was written: once more.
            return (await client.Issue.Comment.Create(owner, name, pullRequest, body).ConfigureAwait(false), 0);
        }

        var kept = ours[0];
        if (kept.Id != written?.Id && !CarriesAtLeast(kept, stamp))
        {
            try
            {
                kept = await client.Issue.Comment.Update(owner, name, kept.Id, body).ConfigureAwait(false) ?? kept;
            }
            catch (NotFoundException)
            {
                // Another run is settling the same race; its outcome is the same.
            }
        }

        var deleted = 0;
        foreach (var duplicate in ours.Skip(1))
        {
            try
            {
                await client.Issue.Comment.Delete(owner, name, duplicate.Id).ConfigureAwait(false);
                deleted++;
            }
            catch (NotFoundException)
            {
                // Already deleted by a racing run.
            }
        }

        return (kept, deleted);
    }

    /// <summary>The comment describes this run's head, computed no earlier than this run.</summary>
    private static bool CarriesAtLeast(IssueComment comment, CommentStamp stamp) =>
        CommentStamp.Parse(comment.Body) is { } other && SameCommit(other.HeadSha, stamp.HeadSha) && other.ComputedAt >= stamp.ComputedAt;

    private static bool SameCommit(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}

/// <summary>Which commit a comment describes and when it was computed, written as a hidden line after the marker:
/// <c>&lt;!-- backloglint:run head=SHA computed=2026-11-23T10:00:00.1234567Z --&gt;</c>.</summary>
public sealed partial record CommentStamp(string HeadSha, DateTimeOffset ComputedAt)
{
    public string Line => string.Create(CultureInfo.InvariantCulture, $"<!-- backloglint:run head={Clean(HeadSha)} computed={ComputedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ} -->");

    /// <summary><paramref name="body"/> with this stamp on the line after its marker (or first).</summary>
    public string Apply(string body)
    {
        var marker = MarkdownReportWriter.CommentMarker;
        return body.StartsWith(marker, StringComparison.Ordinal)
            ? string.Concat(marker, "\n", Line, body.AsSpan(marker.Length))
            : Line + "\n" + body;
    }

    public static CommentStamp? Parse(string? body)
    {
        if (body is null || Pattern().Match(body) is not { Success: true } match) return null;
        return DateTimeOffset.TryParse(match.Groups["computed"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var computed)
            ? new CommentStamp(match.Groups["head"].Value, computed)
            : null;
    }

    private static string Clean(string sha) => new([.. sha.Where(char.IsAsciiLetterOrDigit).Take(64)]);

    [GeneratedRegex(@"<!-- backloglint:run head=(?<head>[0-9A-Za-z]{1,64}) computed=(?<computed>[0-9T:.\-Z]{10,40}) -->", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>The comments of a pull request that carry the marker: ours, oldest first, and the authors of the others.</summary>
public sealed record CommentListing(IReadOnlyList<IssueComment> Ours, IReadOnlyList<string> ForeignAuthors, string Author)
{
    /// <summary>The one sentence about marked comments that are not ours; null when there are none.</summary>
    public string? ForeignNotice()
    {
        if (ForeignAuthors.Count == 0) return null;
        var who = string.Join(", ", ForeignAuthors.Distinct(StringComparer.OrdinalIgnoreCase).Take(3));
        return ForeignAuthors.Count == 1
            ? $"1 comment on this pull request carries BacklogLint's marker but was written by {who}, not by {Author}: it is ignored and left alone."
            : string.Create(CultureInfo.InvariantCulture, $"{ForeignAuthors.Count} comments on this pull request carry BacklogLint's marker but were written by others ({who}), not by {Author}: they are ignored and left alone.");
    }
}

/// <summary>What <see cref="PullRequestComment.UpsertAsync"/> did.</summary>
/// <param name="Id">The comment's id; null when there is none.</param>
/// <param name="Deleted">Duplicates deleted.</param>
/// <param name="Notices">What the reader should know (foreign markers, a newer head).</param>
public sealed record CommentOutcome(CommentAction Action, long? Id, string? Url, int Deleted, IReadOnlyList<string>? Notices = null);

public enum CommentAction
{
    /// <summary>No comment existed and there was nothing to say.</summary>
    None,
    Created,
    Updated,

    /// <summary>The pull request has moved on to a newer head; its run keeps the comment.</summary>
    Stale,
}
