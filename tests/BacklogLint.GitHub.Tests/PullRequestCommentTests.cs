using BacklogLint.Reporting;

namespace BacklogLint.GitHub.Tests;

/// <summary>The one comment: found among all comments (paged), created once, updated in place, duplicates removed.</summary>
public sealed class PullRequestCommentTests : IAsyncLifetime
{
    private const string Marker = MarkdownReportWriter.CommentMarker;
    private FakeGitHub _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private PullRequestComment Comment() => new(GitHubApi.Client(_server), "acme", "planning");

    [Fact]
    public async Task Creates_the_comment_when_there_is_none()
    {
        _server.AddComment(7, "LGTM");

        var outcome = await Comment().UpsertAsync(7, Marker + "\nfirst", createIfMissing: true);

        outcome.Action.ShouldBe(CommentAction.Created);
        _server.Writes.Select(r => r.ToString()).ShouldBe(["POST /api/v3/repos/acme/planning/issues/7/comments"]);
        _server.Writes[0].Json!["body"]!.GetValue<string>().ShouldBe(Marker + "\nfirst");
        _server.Comments(7).Select(c => c.Body).ShouldBe(["LGTM", Marker + "\nfirst"]);
        outcome.Url.ShouldEndWith($"#issuecomment-{outcome.Id}");
    }

    [Fact]
    public async Task Updates_the_existing_comment_in_place()
    {
        var ours = _server.AddComment(7, Marker + "\nold", FakeGitHub.BotLogin);
        _server.AddComment(7, "thanks");

        var outcome = await Comment().UpsertAsync(7, Marker + "\nnew", createIfMissing: true);

        outcome.ShouldBe(new CommentOutcome(CommentAction.Updated, ours, outcome.Url, 0));
        _server.Writes.Select(r => r.ToString()).ShouldBe([$"PATCH /api/v3/repos/acme/planning/issues/comments/{ours}"]);
        _server.Comments(7).Single(c => c.Id == ours).Body.ShouldBe(Marker + "\nnew");
        _server.Comments(7).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Finds_its_comment_on_the_third_page()
    {
        for (var i = 0; i < 230; i++) _server.AddComment(7, $"comment {i}");
        var ours = _server.AddComment(7, "intro\n" + Marker + "\nold", FakeGitHub.BotLogin);

        var outcome = await Comment().UpsertAsync(7, Marker + "\nnew", createIfMissing: true);

        outcome.Id.ShouldBe(ours);
        var reads = _server.Requests.Where(r => r.Method == "GET").Select(r => r.Path).ToList();
        reads.Count.ShouldBe(3);
        reads[0].ShouldStartWith("/api/v3/repos/acme/planning/issues/7/comments?");
        reads[1].ShouldContain("page=2");
        reads[2].ShouldContain("page=3");
        reads.ShouldAllBe(path => path.Contains("per_page=100"));
        _server.Writes.Select(r => r.Method).ShouldBe(["PATCH"]);
        _server.Comments(7).Count(c => c.Body.Contains(Marker)).ShouldBe(1);
    }

    [Fact]
    public async Task Keeps_the_oldest_of_several_and_deletes_the_others()
    {
        _server.AddComment(7, "human");
        var oldest = _server.AddComment(7, Marker + "\none", FakeGitHub.BotLogin);
        var second = _server.AddComment(7, Marker + "\ntwo", FakeGitHub.BotLogin);
        var third = _server.AddComment(7, Marker + "\nthree", FakeGitHub.BotLogin);

        var outcome = await Comment().UpsertAsync(7, Marker + "\ncurrent", createIfMissing: true);

        outcome.ShouldBe(new CommentOutcome(CommentAction.Updated, oldest, outcome.Url, 2));
        _server.Writes.Select(r => r.ToString()).ShouldBe([
            $"PATCH /api/v3/repos/acme/planning/issues/comments/{oldest}",
            $"DELETE /api/v3/repos/acme/planning/issues/comments/{second}",
            $"DELETE /api/v3/repos/acme/planning/issues/comments/{third}",
        ]);
        _server.Comments(7).Select(c => c.Body).ShouldBe(["human", Marker + "\ncurrent"]);
    }

    [Fact]
    public async Task Starts_no_comment_when_asked_not_to()
    {
        var outcome = await Comment().UpsertAsync(7, Marker + "\nclean", createIfMissing: false);

        outcome.Action.ShouldBe(CommentAction.None);
        _server.Writes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Still_updates_an_existing_comment_when_there_is_nothing_new()
    {
        var ours = _server.AddComment(7, Marker + "\n1 new", FakeGitHub.BotLogin);

        await Comment().UpsertAsync(7, Marker + "\nclean now", createIfMissing: false);

        var comment = _server.Comments(7).Single();
        comment.Id.ShouldBe(ours);
        comment.Body.ShouldBe(Marker + "\nclean now");
    }

    [Fact]
    public async Task Every_request_carries_the_token_and_a_user_agent()
    {
        await Comment().UpsertAsync(7, Marker, createIfMissing: true);

        _server.Requests.ShouldAllBe(r => r.Authorization == "Token " + FakeGitHub.Token);
        _server.Requests.ShouldAllBe(r => r.UserAgent.StartsWith("BacklogLint/0.0.0-test", StringComparison.Ordinal));
    }
}
