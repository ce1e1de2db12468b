using BacklogLint.Reporting;

namespace BacklogLint.GitHub.Tests;

/// <summary>The one comment: only the token's own, found among all comments (paged strictly), created once, updated in
/// place, stamped with its head, never overwritten by an older head, settled to one after races.</summary>
public sealed class PullRequestCommentTests : IAsyncLifetime
{
    private const string Marker = MarkdownReportWriter.CommentMarker;
    private const string Head = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    private const string NewerHead = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
    private static readonly DateTimeOffset Computed = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private FakeGitHub _server = null!;
    private FakeGitHub _elsewhere = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeGitHub.StartAsync();
        _elsewhere = await FakeGitHub.StartAsync();
        _server.Elsewhere = _elsewhere.Url;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    private PullRequestComment Comment(string author = FakeGitHub.BotLogin) => new(GitHubApi.Client(_server), "acme", "planning", author);

    private Task<CommentOutcome> UpsertAsync(string body, bool createIfMissing = true, string head = Head, DateTimeOffset? computed = null, string? currentHead = null) =>
        Comment().UpsertAsync(7, body, createIfMissing, new CommentStamp(head, computed ?? Computed), () => Task.FromResult(currentHead));

    private static string Stamped(string body, string head = Head, DateTimeOffset? computed = null) => new CommentStamp(head, computed ?? Computed).Apply(body);

    [Fact]
    public async Task Creates_the_comment_when_there_is_none_and_stamps_it_with_its_head()
    {
        _server.AddComment(7, "LGTM");

        var outcome = await UpsertAsync(Marker + "\nfirst");

        outcome.Action.ShouldBe(CommentAction.Created);
        _server.Writes.Select(r => r.ToString()).ShouldBe(["POST /api/v3/repos/acme/planning/issues/7/comments"]);
        var body = _server.Writes[0].Json!["body"]!.GetValue<string>();
        body.ShouldStartWith(Marker + "\n<!-- backloglint:run head=" + Head + " computed=2026-11-23T10:00:00");
        body.ShouldEndWith("\nfirst");
        CommentStamp.Parse(body).ShouldBe(new CommentStamp(Head, Computed));
        _server.Comments(7).Count.ShouldBe(2);
        outcome.Url.ShouldEndWith($"#issuecomment-{outcome.Id}");
    }

    [Fact]
    public async Task Updates_its_own_comment_in_place()
    {
        var ours = _server.AddComment(7, Marker + "\nold", FakeGitHub.BotLogin);
        _server.AddComment(7, "thanks");

        var outcome = await UpsertAsync(Marker + "\nnew");

        outcome.Action.ShouldBe(CommentAction.Updated);
        outcome.Id.ShouldBe(ours);
        _server.Writes.Select(r => r.ToString()).ShouldBe([$"PATCH /api/v3/repos/acme/planning/issues/comments/{ours}"]);
        _server.Comments(7).Single(c => c.Id == ours).Body.ShouldBe(Stamped(Marker + "\nnew"));
        _server.Comments(7).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_marker_in_somebody_elses_comment_is_ignored_and_said_once()
    {
        var mallory = _server.AddComment(7, Marker + "\nI am the bot now", "mallory");
        var eve = _server.AddComment(7, "quoting " + Marker, "eve");
        var ours = _server.AddComment(7, Marker + "\nold", FakeGitHub.BotLogin);

        var outcome = await UpsertAsync(Marker + "\nnew");

        outcome.Id.ShouldBe(ours);
        _server.Writes.Select(r => r.ToString()).ShouldBe([$"PATCH /api/v3/repos/acme/planning/issues/comments/{ours}"], "the foreign comments are neither edited nor deleted, though older");
        _server.Comments(7).Single(c => c.Id == mallory).Body.ShouldBe(Marker + "\nI am the bot now");
        _server.Comments(7).Single(c => c.Id == eve).Updates.ShouldBe(0);
        outcome.Notices.ShouldNotBeNull().ShouldHaveSingleItem().ShouldContain("2 comments on this pull request carry BacklogLint's marker but were written by others (mallory, eve), not by github-actions[bot]");
    }

    [Fact]
    public async Task Only_foreign_marked_comments_means_ours_is_created_and_theirs_stay()
    {
        var mallory = _server.AddComment(7, Marker + "\nfake", "mallory");
        _server.AddComment(7, Marker + "\nalso fake", "github-actions");

        var outcome = await UpsertAsync(Marker + "\nreal");

        outcome.Action.ShouldBe(CommentAction.Created);
        _server.Writes.Select(r => r.Method).ShouldBe(["POST"]);
        _server.Comments(7).Count.ShouldBe(3);
        _server.Comments(7).Single(c => c.Id == mallory).Updates.ShouldBe(0);
    }

    [Fact]
    public async Task Finds_its_comment_on_the_third_page()
    {
        for (var i = 0; i < 230; i++) _server.AddComment(7, $"comment {i}");
        var ours = _server.AddComment(7, "intro\n" + Marker + "\nold", FakeGitHub.BotLogin);

        var outcome = await UpsertAsync(Marker + "\nnew");

        outcome.Id.ShouldBe(ours);
        var reads = _server.Requests.Where(r => r.Method == "GET").Select(r => r.Path).ToList();
        reads.Count.ShouldBe(6, "three pages, and three again after writing");
        reads[1].ShouldContain("page=2");
        reads[2].ShouldContain("page=3");
        reads.ShouldAllBe(path => path.Contains("per_page=100"));
        _server.Writes.Select(r => r.Method).ShouldBe(["PATCH"]);
        _server.Comments(7).Count(c => c.Body.Contains(Marker)).ShouldBe(1);
    }

    [Fact]
    public async Task Keeps_the_oldest_of_several_of_its_own_and_deletes_the_others()
    {
        _server.AddComment(7, "human");
        var oldest = _server.AddComment(7, Marker + "\none", FakeGitHub.BotLogin);
        var second = _server.AddComment(7, Marker + "\ntwo", FakeGitHub.BotLogin);
        var third = _server.AddComment(7, Marker + "\nthree", FakeGitHub.BotLogin);

        var outcome = await UpsertAsync(Marker + "\ncurrent");

        outcome.Id.ShouldBe(oldest);
        outcome.Deleted.ShouldBe(2);
        _server.Writes.Select(r => r.ToString()).ShouldBe([
            $"PATCH /api/v3/repos/acme/planning/issues/comments/{oldest}",
            $"DELETE /api/v3/repos/acme/planning/issues/comments/{second}",
            $"DELETE /api/v3/repos/acme/planning/issues/comments/{third}",
        ]);
        _server.Comments(7).Select(c => c.Body).ShouldBe(["human", Stamped(Marker + "\ncurrent")]);
    }

    [Fact]
    public async Task A_run_for_an_older_head_writes_nothing()
    {
        var ours = _server.AddComment(7, Stamped(Marker + "\nnewer", NewerHead), FakeGitHub.BotLogin);

        var outcome = await UpsertAsync(Marker + "\nolder", currentHead: NewerHead);

        outcome.Action.ShouldBe(CommentAction.Stale);
        _server.Writes.ShouldBeEmpty();
        _server.Comments(7).Single(c => c.Id == ours).Body.ShouldContain("newer");
        outcome.Notices.ShouldNotBeNull().ShouldHaveSingleItem().ShouldContain("the pull request's head is now b2b2b2b2b2b2");
    }

    [Fact]
    public async Task Without_the_head_from_GitHub_a_comment_computed_later_for_another_head_wins()
    {
        _server.AddComment(7, Stamped(Marker + "\nnewer", NewerHead, Computed.AddSeconds(5)), FakeGitHub.BotLogin);

        var stale = await UpsertAsync(Marker + "\nolder", currentHead: null);
        var newest = await UpsertAsync(Marker + "\nnewest", head: "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3", computed: Computed.AddSeconds(9), currentHead: null);

        stale.Action.ShouldBe(CommentAction.Stale);
        newest.Action.ShouldBe(CommentAction.Updated);
        _server.Comments(7).Single().Body.ShouldEndWith("newest");
    }

    [Fact]
    public async Task A_comment_that_vanished_before_the_update_is_created_again()
    {
        var ours = _server.AddComment(7, Marker + "\nold", FakeGitHub.BotLogin);
        _server.Fail(Failure.Vanish, method: "PATCH", times: 1);

        var outcome = await UpsertAsync(Marker + "\nnew");

        outcome.Action.ShouldBe(CommentAction.Created);
        _server.Comments(7).ShouldHaveSingleItem().Body.ShouldEndWith("\nnew");
        _server.Comments(7).Single().Id.ShouldNotBe(ours);
    }

    [Fact]
    public async Task A_duplicate_another_run_deleted_first_is_no_failure()
    {
        var oldest = _server.AddComment(7, Marker + "\none", FakeGitHub.BotLogin);
        _server.AddComment(7, Marker + "\ntwo", FakeGitHub.BotLogin);
        _server.Fail(Failure.Vanish, method: "DELETE", times: 1);

        var outcome = await UpsertAsync(Marker + "\ncurrent");

        outcome.Id.ShouldBe(oldest);
        _server.Comments(7).ShouldHaveSingleItem().Id.ShouldBe(oldest);
    }

    [Theory]
    [InlineData(Failure.EmptyObject)]
    [InlineData(Failure.EmptyBody)]
    [InlineData(Failure.EndlessPages)]
    [InlineData(Failure.NextPageElsewhere)]
    public async Task A_list_that_cannot_be_read_whole_is_an_error_never_none_of_ours(Failure failure)
    {
        _server.AddComment(7, Marker + "\nold", FakeGitHub.BotLogin);
        _server.Fail(failure, method: "GET", pathContains: "/comments");

        await Should.ThrowAsync<InvalidDataException>(() => UpsertAsync(Marker + "\nnew"));

        _server.Writes.ShouldBeEmpty();
        _server.Requests.Count.ShouldBeLessThanOrEqualTo(PullRequestComment.MaxPages);
        _elsewhere.Requests.ShouldBeEmpty("no page is read from another server, with the token or without");
    }

    [Fact]
    public async Task A_redirect_to_another_port_is_not_followed()
    {
        _server.Fail(Failure.RedirectElsewhere, method: "GET", pathContains: "/comments");

        await Should.ThrowAsync<HttpRequestException>(() => UpsertAsync(Marker + "\nnew"));

        _elsewhere.Requests.ShouldBeEmpty();
        _server.Writes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Starts_no_comment_when_asked_not_to()
    {
        var outcome = await UpsertAsync(Marker + "\nclean", createIfMissing: false);

        outcome.Action.ShouldBe(CommentAction.None);
        _server.Writes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Still_updates_an_existing_comment_when_there_is_nothing_new()
    {
        var ours = _server.AddComment(7, Marker + "\n1 new", FakeGitHub.BotLogin);

        await UpsertAsync(Marker + "\nclean now", createIfMissing: false);

        var comment = _server.Comments(7).Single();
        comment.Id.ShouldBe(ours);
        comment.Body.ShouldEndWith("\nclean now");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    public async Task Runs_that_race_leave_exactly_one_comment(int runs)
    {
        _server.Latency = TimeSpan.FromMilliseconds(15);
        _server.AddComment(7, "human");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, runs).Select(i =>
            UpsertAsync(Marker + $"\nrun {i}", computed: Computed.AddMilliseconds(i), currentHead: Head)));

        outcomes.ShouldAllBe(outcome => outcome.Action != CommentAction.None);
        var ours = _server.Comments(7).Where(c => c.User == FakeGitHub.BotLogin).ToList();
        ours.Count.ShouldBe(1, string.Join(", ", _server.Writes));
        _server.Comments(7).ShouldContain(c => c.Body == "human");
    }

    [Fact]
    public async Task Every_request_carries_the_token_and_a_user_agent()
    {
        await UpsertAsync(Marker);

        _server.Requests.ShouldAllBe(r => r.Authorization == "Token " + FakeGitHub.Token);
        _server.Requests.ShouldAllBe(r => r.UserAgent.StartsWith("BacklogLint/0.0.0-test", StringComparison.Ordinal));
    }
}

/// <summary>Whose comments are ours: the token's identity, as GitHub tells it.</summary>
public sealed class CommentAuthorTests : IAsyncLifetime
{
    private FakeGitHub _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_personal_token_is_its_user()
    {
        _server.TokenIsUser = true;
        _server.TokenLogin = "alice";

        (await CommentAuthor.ResolveAsync(GitHubApi.Client(_server), null)).ShouldBe("alice");
        _server.Requests.Select(r => r.ToString()).ShouldBe(["GET /api/v3/user"]);
    }

    [Fact]
    public async Task An_installation_token_is_the_bot_GraphQL_names()
    {
        _server.TokenLogin = "my-app[bot]";

        (await CommentAuthor.ResolveAsync(GitHubApi.Client(_server), null)).ShouldBe("my-app[bot]");
        _server.Requests.Select(r => r.ToString()).ShouldBe(["GET /api/v3/user", "POST /api/graphql"]);
    }

    [Fact]
    public async Task Without_GraphQL_an_installation_token_is_the_workflows_own()
    {
        _server.NoGraphQL = true;

        (await CommentAuthor.ResolveAsync(GitHubApi.Client(_server), null)).ShouldBe("github-actions[bot]");
    }

    [Fact]
    public async Task A_given_author_asks_nothing()
    {
        (await CommentAuthor.ResolveAsync(GitHubApi.Client(_server), "@my-app[bot]")).ShouldBe("my-app[bot]");
        _server.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("x\n::error::y")]
    [InlineData("")]
    [InlineData("[bot]")]
    public void A_login_that_is_none_is_refused(string login) => CommentAuthor.Normalize(login).ShouldBeNull();

    [Fact]
    public async Task A_refused_token_is_an_error_not_an_identity()
    {
        _server.Fail(Failure.Unauthorized);

        await Should.ThrowAsync<Octokit.AuthorizationException>(() => CommentAuthor.ResolveAsync(GitHubApi.Client(_server), null));
    }
}
