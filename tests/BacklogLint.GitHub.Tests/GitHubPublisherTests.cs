using BacklogLint.Reporting;

namespace BacklogLint.GitHub.Tests;

/// <summary>Publishing never fails the run: every problem is one notice, and reporting stops there.</summary>
public sealed class GitHubPublisherTests : IAsyncLifetime
{
    private const string Body = MarkdownReportWriter.CommentMarker + "\nreport";
    private static readonly PublishRequest CommentAndCheckRun =
        new(new CommentRequest(Body, CreateIfMissing: true, new CommentStamp("head111", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero))), new CheckRunContent("t", "s", Findings.Many(3), Success: true), "head111");

    private FakeGitHub _server = null!;
    private readonly List<TimeSpan> _waits = [];

    public async ValueTask InitializeAsync() => _server = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private GitHubPublisher Publisher(ActionsContext? context = null, TimeSpan? timeout = null) =>
        new(context ?? GitHubApi.Context(_server), GitHubApi.Client(_server, _waits, timeout));

    [Fact]
    public async Task Publishes_the_comment_and_the_check_run()
    {
        var outcome = await Publisher().PublishAsync(CommentAndCheckRun);

        outcome.Notices.ShouldBeEmpty();
        outcome.Comment!.Action.ShouldBe(CommentAction.Created);
        outcome.CheckRun!.Requests.ShouldBe(1);
        _server.Comments(7).Single().Body.ShouldEndWith("\nreport");
        _server.CheckRuns.Single().HeadSha.ShouldBe("head111");
    }

    [Fact]
    public async Task A_fork_pull_request_says_so_once_and_sends_nothing()
    {
        var outcome = await Publisher(GitHubApi.Context(_server, headRepository: "mallory/planning")).PublishAsync(CommentAndCheckRun);

        outcome.Notices.Count.ShouldBe(1);
        outcome.Notices[0].ShouldContain("fork mallory/planning");
        outcome.Notices[0].ShouldContain(GitHubPublisher.Fallback);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fork_on_pull_request_target_has_a_writing_token()
    {
        var outcome = await Publisher(GitHubApi.Context(_server, headRepository: "mallory/planning", eventName: "pull_request_target")).PublishAsync(CommentAndCheckRun);

        outcome.Notices.ShouldBeEmpty();
        _server.Comments(7).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_token_it_says_so_once()
    {
        var outcome = await new GitHubPublisher(GitHubApi.Context(_server, token: null), client: null).PublishAsync(CommentAndCheckRun);

        outcome.Notices.ShouldBe([$"No GitHub token (set GITHUB_TOKEN or pass --token), so there is no pull request comment or check run. {GitHubPublisher.Fallback}"]);
    }

    [Fact]
    public async Task Nothing_asked_is_nothing_said()
    {
        var outcome = await new GitHubPublisher(GitHubApi.Context(_server, headRepository: "mallory/planning"), null).PublishAsync(new PublishRequest(null, null, null));

        outcome.ShouldBe(PublishOutcome.Nothing);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_read_only_token_is_said_once(string method)
    {
        _server.Fail(Failure.ResourceNotAccessible, method: method);

        var outcome = await Publisher().PublishAsync(CommentAndCheckRun);

        outcome.Notices.Count.ShouldBe(1);
        outcome.Notices[0].ShouldContain("The token cannot write to acme/planning (403");
        outcome.Notices[0].ShouldContain("permissions: pull-requests: write");
    }

    [Fact]
    public async Task An_outage_is_retried_then_given_up_with_one_notice()
    {
        _server.Fail(Failure.BadGateway, retryAfterSeconds: 0);

        var outcome = await Publisher().PublishAsync(CommentAndCheckRun);

        outcome.Notices.ShouldBe([$"GitHub failed to update the pull request comment (502 Bad Gateway), also after retrying. {GitHubPublisher.Fallback}"]);
        _server.Requests.Count.ShouldBe(4);
        _waits.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_passing_outage_costs_nothing()
    {
        _server.Fail(Failure.BadGateway, times: 2, retryAfterSeconds: 1);
        _server.Fail(Failure.SecondaryRateLimit, method: "POST", pathContains: "check-runs", times: 1, retryAfterSeconds: 2);

        var outcome = await Publisher().PublishAsync(CommentAndCheckRun);

        outcome.Notices.ShouldBeEmpty();
        _server.Comments(7).Count.ShouldBe(1);
        _server.CheckRuns.Count.ShouldBe(1);
        _waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    [Theory]
    [InlineData(Failure.Unprocessable, "GitHub refused to update the pull request comment (422 Validation Failed).")]
    [InlineData(Failure.Unauthorized, "GitHub refused the token when asked to update the pull request comment (401 Unauthorized).")]
    [InlineData(Failure.NotFound, "GitHub answered 404 Not Found when asked to update the pull request comment")]
    [InlineData(Failure.MalformedJson, "GitHub's answer could not be read when asked to update the pull request comment")]
    [InlineData(Failure.TooManyRequests, "GitHub failed to update the pull request comment (429 Too Many Requests), also after retrying.")]
    [InlineData(Failure.SecondaryRateLimitWithoutRetryAfter, "GitHub's secondary rate limit stopped the request to update the pull request comment")]
    [InlineData(Failure.PrimaryRateLimit, "GitHub's rate limit stopped the request to update the pull request comment (it resets at ")]
    public async Task Each_failure_is_one_plain_notice(Failure failure, string notice)
    {
        _server.Fail(failure, pathContains: "/issues/", retryAfterSeconds: failure == Failure.PrimaryRateLimit ? 3600 : 0);

        var outcome = await Publisher().PublishAsync(CommentAndCheckRun);

        outcome.Notices.Count.ShouldBe(1);
        outcome.Notices[0].ShouldStartWith(notice);
        outcome.Notices[0].ShouldEndWith(GitHubPublisher.Fallback);
        _server.CheckRuns.Count.ShouldBe(failure is Failure.Unprocessable or Failure.NotFound or Failure.MalformedJson ? 1 : 0,
            "the check run is still made unless what failed would fail it too");
    }

    [Fact]
    public async Task Malformed_json_from_the_check_run_keeps_the_comment()
    {
        _server.Fail(Failure.MalformedJson, method: "POST", pathContains: "check-runs");

        var outcome = await Publisher().PublishAsync(CommentAndCheckRun);

        outcome.Comment!.Action.ShouldBe(CommentAction.Created);
        outcome.Notices.ShouldBe([$"GitHub's answer could not be read when asked to create the check run (SerializationException). {GitHubPublisher.Fallback}"], Case.Sensitive);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_into_a_notice()
    {
        _server.Fail(Failure.Hang);

        var outcome = await Publisher(timeout: TimeSpan.FromMilliseconds(300)).PublishAsync(CommentAndCheckRun);

        outcome.Notices.ShouldBe([$"GitHub did not answer in time when asked to update the pull request comment. {GitHubPublisher.Fallback}"]);
    }

    [Fact]
    public async Task The_token_never_reaches_a_notice()
    {
        _server.Fail(Failure.EchoAuthorization);

        var outcome = await Publisher().PublishAsync(CommentAndCheckRun);

        outcome.Notices.Count.ShouldBe(1);
        outcome.Notices[0].ShouldNotContain(FakeGitHub.Token);
    }

    [Fact]
    public async Task Changed_files_come_from_the_api()
    {
        _server.SetPullRequestFiles(7, "backlog/A.md", "README.md");

        var files = await Publisher().ChangedFilesAsync();

        files.ShouldBe(new HashSet<string> { "backlog/A.md", "README.md" }, ignoreOrder: true);
    }

    [Fact]
    public async Task Changed_files_that_cannot_be_listed_are_unknown()
    {
        _server.Fail(Failure.NotFound);

        (await Publisher().ChangedFilesAsync()).ShouldBeNull();
        (await new GitHubPublisher(GitHubApi.Context(_server), null).ChangedFilesAsync()).ShouldBeNull();
    }
}
