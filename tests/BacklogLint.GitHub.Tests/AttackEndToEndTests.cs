using System.Diagnostics;
using System.Text;
using BacklogLint.Testing;

namespace BacklogLint.GitHub.Tests;

/// <summary>The attacks of issue #13, each against the real tool on a real repository and the loopback GitHub in the
/// fault mode it needs. Outputs are read as the runner reads them (<see cref="WorkflowCommandParser"/>).</summary>
public sealed class AttackEndToEndTests : GitHubEndToEndTests
{
    private void OneNewError() =>
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.BrokenLink("NEW-1")))
            .Event();

    [Fact]
    public async Task Comments_by_others_that_carry_the_marker_are_never_edited_or_deleted()
    {
        var bait = Server.AddComment(PullRequestScenario.Number, Marker + "\nplease overwrite me", "mallory");
        var quote = Server.AddComment(PullRequestScenario.Number, "> " + Marker, "eve");
        OneNewError();

        var first = await PullRequest.RunAsync();
        var second = await PullRequest.RunAsync();

        first.ExitCode.ShouldBe(1, first.ToString());
        var comments = Server.Comments(PullRequestScenario.Number);
        comments.Single(c => c.Id == bait).ShouldBe(comments.Single(c => c.Id == bait) with { Body = Marker + "\nplease overwrite me", Updates = 0 });
        comments.Single(c => c.Id == quote).Updates.ShouldBe(0);
        comments.Count(c => c.User == FakeGitHub.BotLogin).ShouldBe(1);
        Server.Writes.ShouldNotContain(r => r.Path.EndsWith($"/{bait}", StringComparison.Ordinal) || r.Path.EndsWith($"/{quote}", StringComparison.Ordinal));
        foreach (var run in new[] { first, second })
            run.Commands("notice").Count(n => n.Contains("carry BacklogLint's marker", StringComparison.Ordinal)).ShouldBe(1, run.ToString());
    }

    [Fact]
    public async Task A_body_that_stalls_after_its_headers_ends_within_the_budget_with_annotations_and_summary_written_first()
    {
        Server.Fail(Failure.StallBody, method: "GET");
        OneNewError();
        string? summaryAtFirstRequest = null;
        Server.OnRequest = _ => summaryAtFirstRequest ??= PullRequest.Summary;

        var clock = Stopwatch.StartNew();
        var result = await PullRequest.RunAsync("--github-timeout", "3s", "--check-run");
        clock.Stop();

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "a 400 s stall, a 3 s budget");
        result.ExitCode.ShouldBe(1, "the findings decide: " + result);
        result.Commands("error").ShouldHaveSingleItem().ShouldContain("file=backlog/NEW-1.md");
        result.Commands("notice").ShouldContain(n => n.Contains("did not answer in time", StringComparison.Ordinal), result.ToString());
        PullRequest.Summary.ShouldStartWith(Marker);
        summaryAtFirstRequest.ShouldNotBeNull().ShouldStartWith(Marker, Case.Sensitive, "the summary is written before the first request");
        summaryAtFirstRequest.ShouldContain("1 new finding");
        PullRequest.Summary.ShouldContain("did not answer in time", customMessage: "the notice is appended to it afterwards");
    }

    [Fact]
    public async Task An_answer_that_never_comes_is_bounded_by_the_budget_too()
    {
        Server.Fail(Failure.Hang);
        OneNewError();

        var clock = Stopwatch.StartNew();
        var result = await PullRequest.RunAsync("--github-timeout", "2s", "--request-timeout", "1s", "--check-run");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Commands("error").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Answers_that_each_come_late_are_bounded_by_the_budget_and_leave_no_check_run_in_progress()
    {
        OneNewError();
        Server.Fail(Failure.Slow, retryAfterSeconds: 1);

        var clock = Stopwatch.StartNew();
        var result = await PullRequest.RunAsync("--github-timeout", "4s", "--request-timeout", "2s", "--check-run");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "a 4 s budget");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Commands("error").ShouldHaveSingleItem();
        // Which runs out first depends on the machine: the budget, or a request's deadline cut to what is left of it.
        result.Commands("notice").ShouldContain(
            n => n.Contains("is spent", StringComparison.Ordinal) || n.Contains("did not answer in time", StringComparison.Ordinal), result.ToString());
        Server.CheckRuns.ShouldAllBe(run => run.Status == "completed");
        PullRequest.Summary.ShouldStartWith(Marker);
    }

    [Fact]
    public async Task A_token_echoed_by_the_server_in_any_form_reaches_no_output_and_no_comment()
    {
        const string secret = "ghs_Echo_0123456789abcdefABCDEF_9876543210";
        Server.AcceptedToken = secret;
        Server.AddOrganization("acme", ["alice"], [("payments", "Payments")]);
        Server.Fail(Failure.EchoToken, pathContains: "/orgs/");
        OneNewError();

        var result = await PullRequest.RunAsync(PullRequest.Environment(token: secret), "--verify-owners", "--check-run", "--verbose");

        result.ExitCode.ShouldBe(1, result.ToString());
        var comment = OurComments.ShouldHaveSingleItem();
        comment.Body.ShouldContain("Owners were not verified", customMessage: "the notice about the echo is in the comment");
        var everything = PullRequest.AllOutput(result) + comment.Body + string.Concat(Server.CheckRuns.Select(r => r.Summary));
        foreach (var form in Forms(secret)) everything.ShouldNotContain(form, Case.Insensitive);
        Server.Requests.ShouldAllBe(r => r.Authorization == "Token " + secret);
    }

    [Fact]
    public async Task Paging_never_leaves_the_APIs_origin_and_never_goes_on_for_ever()
    {
        await using var elsewhere = await FakeGitHub.StartAsync();
        Server.Elsewhere = elsewhere.Url;
        var ours = Server.AddComment(PullRequestScenario.Number, Marker + "\nold", FakeGitHub.BotLogin);
        Server.Fail(Failure.NextPageElsewhere, method: "GET", pathContains: "/comments", times: 1);
        Server.Fail(Failure.EndlessPages, method: "GET", pathContains: "/comments", times: 100_000);
        OneNewError();

        var offOrigin = await PullRequest.RunAsync();
        var endless = await PullRequest.RunAsync();

        elsewhere.Requests.ShouldBeEmpty("no request, with the token or without, to another origin");
        offOrigin.Commands("notice").ShouldHaveSingleItem().ShouldContain("on another server");
        endless.Commands("notice").ShouldHaveSingleItem().ShouldContain("more than 100 pages");
        Server.Requests.Count(r => r.Path.Contains("/comments", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1 + PullRequestComment.MaxPages);
        Server.Writes.ShouldBeEmpty("an unreadable list is no reason to create a second comment");
        Server.Comments(PullRequestScenario.Number).ShouldHaveSingleItem().Id.ShouldBe(ours);
    }

    [Fact]
    public async Task A_redirect_to_another_port_gets_no_request()
    {
        await using var elsewhere = await FakeGitHub.StartAsync();
        Server.Elsewhere = elsewhere.Url;
        Server.Fail(Failure.RedirectElsewhere);
        OneNewError();

        var result = await PullRequest.RunAsync("--check-run");

        result.ExitCode.ShouldBe(1, result.ToString());
        elsewhere.Requests.ShouldBeEmpty();
        result.Commands("notice").ShouldHaveSingleItem().ShouldContain("another server");
    }

    [Theory]
    [InlineData(Failure.EmptyObject)]
    [InlineData(Failure.EmptyBody)]
    public async Task A_comment_list_that_is_no_list_makes_no_second_comment(Failure failure)
    {
        OneNewError();
        var first = await PullRequest.RunAsync();
        Server.Fail(failure, method: "GET", pathContains: "/comments");

        var second = await PullRequest.RunAsync();

        first.ExitCode.ShouldBe(1);
        second.ExitCode.ShouldBe(1, "never the exit code");
        Server.Comments(PullRequestScenario.Number).ShouldHaveSingleItem();
        second.Commands("notice").ShouldHaveSingleItem().ShouldContain("not a JSON array");
    }

    [Fact]
    public async Task A_comment_that_vanished_is_created_again_and_the_check_run_is_still_made()
    {
        OneNewError();
        await PullRequest.RunAsync();
        Server.Fail(Failure.Vanish, method: "PATCH", pathContains: "/issues/comments/", times: 1);

        var result = await PullRequest.RunAsync("--check-run");

        result.ExitCode.ShouldBe(1, result.ToString());
        OurComments.ShouldHaveSingleItem();
        result.Commands("notice").ShouldBeEmpty("a comment deleted meanwhile is nobody's configuration error");
        Server.CheckRuns.ShouldHaveSingleItem().Status.ShouldBe("completed");
    }

    [Fact]
    public async Task A_check_run_whose_update_fails_is_completed_and_says_what_failed()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => PullRequestScenario.ManyUnowned(repo, 120, "NEW"))
            .Event();
        Server.Fail(Failure.Unprocessable, method: "PATCH", pathContains: "check-runs", times: 1);

        var result = await PullRequest.RunAsync("--check-run");

        var run = Server.CheckRuns.ShouldHaveSingleItem();
        run.Status.ShouldBe("completed");
        run.Conclusion.ShouldBe("success");
        run.Summary.ShouldNotBeNull().ShouldContain("50 of 120 findings are annotations on this check run.");
        result.Commands("notice").ShouldContain(n => n.Contains("finish the check run", StringComparison.Ordinal), result.ToString());
        OurComments.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Too_many_requests_without_Retry_After_is_retried()
    {
        Server.Fail(Failure.TooManyRequestsWithoutRetryAfter, times: 2);
        OneNewError();

        var result = await PullRequest.RunAsync();

        result.Commands("notice").ShouldBeEmpty(result.ToString());
        OurComments.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Concurrent_runs_of_one_head_leave_exactly_one_comment(int runs)
    {
        Server.Latency = TimeSpan.FromMilliseconds(10);
        OneNewError();

        var results = await Task.WhenAll(Enumerable.Range(0, runs).Select(_ => PullRequest.RunAsync("--check-run")));

        results.ShouldAllBe(r => r.ExitCode == 1);
        OurComments.Count.ShouldBe(1, string.Join("\n", Server.Writes));
        Server.CheckRuns.Count.ShouldBe(runs, "no run skips its check run");
        foreach (var result in results) result.Commands("notice").ShouldBeEmpty(result.ToString());
    }

    [Fact]
    public async Task An_identity_GitHub_does_not_tell_is_learnt_from_the_comment_the_run_writes()
    {
        Server.NoGraphQL = true;
        Server.TokenLogin = "ci-bot";
        OneNewError();

        await PullRequest.RunAsync();
        await PullRequest.RunAsync();
        await Task.WhenAll(PullRequest.RunAsync(), PullRequest.RunAsync(), PullRequest.RunAsync());

        Server.Comments(PullRequestScenario.Number).Count(c => c.User == "ci-bot").ShouldBe(1, string.Join("\n", Server.Writes));
    }

    [Fact]
    public async Task The_comment_author_can_be_given()
    {
        Server.TokenLogin = "my-app[bot]";
        Server.NoGraphQL = true;
        var bait = Server.AddComment(PullRequestScenario.Number, Marker + "\nbait", FakeGitHub.BotLogin);
        OneNewError();

        await PullRequest.RunAsync("--comment-author", "my-app[bot]");
        var second = await PullRequest.RunAsync("--comment-author", "my-app[bot]");

        Server.Comments(PullRequestScenario.Number).Count(c => c.User == "my-app[bot]").ShouldBe(1);
        Server.Comments(PullRequestScenario.Number).Single(c => c.Id == bait).Updates.ShouldBe(0, "github-actions[bot] is not this token");
        Server.Requests.ShouldNotContain(r => r.Path.EndsWith("/user", StringComparison.Ordinal));
        second.Commands("notice").ShouldHaveSingleItem().ShouldContain("written by github-actions[bot], not by my-app[bot]");
    }

    [Fact]
    public async Task An_older_push_never_overwrites_the_comment_of_a_newer_one()
    {
        Server.Latency = TimeSpan.FromMilliseconds(10);
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.BrokenLink("NEW-1")), "2026-11-20");
        var older = PullRequest.HeadSha;
        PullRequest.Head(repo => repo.Write("backlog/NEW-2.md", PullRequestScenario.BrokenLink("NEW-2")), "2026-11-21").Event();
        var newer = PullRequest.HeadSha;

        // Both at once, then the older one late.
        var racing = await Task.WhenAll(PullRequest.RunAsync(PullRequest.EnvironmentFor(older)), PullRequest.RunAsync(), PullRequest.RunAsync(PullRequest.EnvironmentFor(older)));
        var late = await PullRequest.RunAsync(PullRequest.EnvironmentFor(older));

        racing.ShouldAllBe(r => r.ExitCode == 1);
        var comment = OurComments.ShouldHaveSingleItem();
        CommentStamp.Parse(comment.Body)!.HeadSha.ShouldBe(newer);
        comment.Body.ShouldContain("2 new findings");
        late.Commands("notice").ShouldHaveSingleItem().ShouldContain($"the pull request's head is now {newer[..12]}");
    }

    [Fact]
    public async Task Repository_text_starts_no_workflow_command_on_either_stream()
    {
        const string item = "---\nid: \"::error file=x::ID ##[set-env name=A]1\"\nstatus: \"todo\\n::error::STATUS\\r##[error]CR\"\nowner: \"@x\\n::add-mask::OWNER\"\ndepends-on: [\"##[error]REF\", \"\\n::warning::REF\"]\n---\n# ##[error]title\n";
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => repo.Write("backlog/::error::FILE ##[error]x.md", item).Write("backlog/##[warning]y.md", item.Replace("::error file=x::ID", "OTHER", StringComparison.Ordinal)))
            .Event();

        var result = await PullRequest.RunAsync("--verbose", "--check-run");

        result.ExitCode.ShouldBe(1, result.ToString());
        WorkflowCommandParser.Commands(result.Stderr).ShouldBeEmpty(result.Stderr);
        var commands = WorkflowCommandParser.Commands(result.Stdout);
        commands.ShouldNotBeEmpty();
        commands.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c.Line, "^::(error|warning|notice) (file=[^:,]*,line=|title=)"), result.Stdout);
        result.Stdout.ShouldNotContain("##[");
        PullRequest.Summary.ShouldNotContain("##[");
    }

    /// <summary>The token and what it looks like cut, cleaned, encoded or in basic auth.</summary>
    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return secret.Replace("_", "", StringComparison.Ordinal);
        yield return secret[4..];
        yield return Uri.EscapeDataString(secret);
        foreach (var plain in new[] { secret, "x-access-token:" + secret, secret + ":x-oauth-basic" })
            yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(plain)).TrimEnd('=')[..20];
    }
}

/// <summary>The job summary is filled up to GitHub's 1 MiB, measured in bytes of UTF-8, and what does not fit is folded.</summary>
public sealed class StepSummaryEndToEndTests : GitHubEndToEndTests
{
    [Theory]
    [InlineData(999, "OLD")]
    [InlineData(670, "ÄÖÜ-€-日本語-öffentlich-ñandú")]
    public async Task A_large_summary_fills_up_to_the_limit_and_folds_the_rest(int count, string prefix)
    {
        PullRequest.Base(repo => repo.Write("backlog/X.md", PullRequestScenario.Owned("X")))
            .Head(repo =>
            {
                for (var i = 1; i <= count; i++)
                {
                    var id = $"{prefix}-{i}-{new string('ø', 300)}";
                    repo.Write($"backlog/{prefix}-{i}.md", $"---\nid: \"{id}\"\nstatus: todo\ndepends-on: [\"{id}-missing-{new string('é', 200)}\"]\n---\n# {id}\n");
                }
            })
            .Event();

        var result = await PullRequest.RunAsync("--no-comment");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var bytes = new FileInfo(PullRequest.SummaryPath).Length;
        bytes.ShouldBeLessThanOrEqualTo(StepSummary.MaxBytes);
        bytes.ShouldBeGreaterThan(StepSummary.MaxBytes / 2, "filled, not empty");
        PullRequest.Summary.ShouldStartWith(Marker);
        PullRequest.Summary.ShouldContain("did not fit");
    }
}
