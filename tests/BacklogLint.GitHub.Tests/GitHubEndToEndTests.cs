using BacklogLint.Reporting;

using BacklogLint.Testing;

namespace BacklogLint.GitHub.Tests;

/// <summary>The built tool as a process, on real two-commit git repositories, against the loopback GitHub. (Two
/// classes, so that xunit runs them side by side.)</summary>
public abstract class GitHubEndToEndTests : IAsyncLifetime
{
    protected const string Marker = MarkdownReportWriter.CommentMarker;
    private FakeGitHub _server = null!;
    private PullRequestScenario _pr = null!;

    private protected FakeGitHub Server => _server;

    private protected PullRequestScenario PullRequest => _pr;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeGitHub.StartAsync();
        _pr = new PullRequestScenario(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _pr.Dispose();
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private protected IReadOnlyList<StoredComment> OurComments => [.. _server.Comments(PullRequestScenario.Number).Where(c => c.Body.Contains(Marker, StringComparison.Ordinal))];
}

/// <summary>Pull requests and pushes: what is new, what is annotated, the one comment, the check run.</summary>
public sealed class PullRequestEndToEndTests : GitHubEndToEndTests
{
    [Fact]
    public async Task Two_runs_keep_exactly_one_comment_which_is_updated_and_says_when_the_pull_request_is_clean()
    {
        Server.AddComment(PullRequestScenario.Number, "Please have a look @carol");
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Unowned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.BrokenLink("NEW-1")))
            .Event();

        var first = await PullRequest.RunAsync();
        var second = await PullRequest.RunAsync();

        first.ExitCode.ShouldBe(1, first.ToString());
        second.ExitCode.ShouldBe(1, second.ToString());
        var comment = OurComments.ShouldHaveSingleItem();
        comment.Updates.ShouldBe(1);
        Server.Writes.Select(r => r.Method).ShouldBe(["POST", "PATCH"]);
        Server.Writes[1].Path.ShouldBe($"/api/v3/repos/acme/planning/issues/comments/{comment.Id}");
        Server.Comments(PullRequestScenario.Number).Count.ShouldBe(2, "the human's comment stays");
        first.Commands("error").ShouldHaveSingleItem().ShouldStartWith("::error file=backlog/NEW-1.md,line=");
        first.Commands("warning").ShouldBeEmpty("OLD-1's missing owner is not this pull request's doing");
        first.Stdout.ShouldContain("BacklogLint: pull request #7: 1 new, 0 fixed, 1 unchanged findings (exit code 1).");

        // The author fixes the link: the comment is brought up to date, not deleted.
        PullRequest.Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.Owned("NEW-1")), date: "2026-11-21").Event();
        var third = await PullRequest.RunAsync();

        third.ExitCode.ShouldBe(0, third.ToString());
        OurComments.ShouldHaveSingleItem().Updates.ShouldBe(2);
        Server.Writes.Select(r => r.Method).ShouldBe(["POST", "PATCH", "PATCH"]);
        third.Stdout.ShouldContain("0 new, 0 fixed, 1 unchanged");
    }

    [Fact]
    public async Task One_stale_agreement_among_five_hundred_existing_findings_is_the_one_new_finding()
    {
        PullRequest.Base(repo => PullRequestScenario.ManyUnowned(repo, 500))
            .Head(repo => repo.Write("backlog/AGR-1.md", PullRequestScenario.StaleAgreement("AGR-1")))
            .Event();

        var result = await PullRequest.RunAsync("--fail-on", "warning", "--check-run");

        result.ExitCode.ShouldBe(1, "one new warning fails at --fail-on warning; the 500 existing ones do not count");
        result.Stdout.ShouldContain("BacklogLint: pull request #7: 1 new, 0 fixed, 500 unchanged findings (exit code 1).");
        result.Commands("warning").ShouldHaveSingleItem().ShouldStartWith("::warning file=backlog/AGR-1.md,line=9,");
        result.Commands("warning")[0].ShouldContain("title=BL0101");
        result.Commands("notice").ShouldBeEmpty();
        OurComments.ShouldHaveSingleItem();

        var checkRun = Server.CheckRuns.ShouldHaveSingleItem();
        checkRun.HeadSha.ShouldBe(PullRequest.HeadSha);
        checkRun.Annotations.Count.ShouldBe(501);
        checkRun.Annotations[0]["path"]!.GetValue<string>().ShouldBe("backlog/AGR-1.md", "new findings come first");
        checkRun.Conclusion.ShouldBe("failure");
        var checkRunWrites = Server.Writes.Where(r => r.Path.Contains("check-runs", StringComparison.Ordinal)).ToList();
        checkRunWrites.Count.ShouldBe(11);
        checkRunWrites.ShouldAllBe(r => r.Json!["output"]!["annotations"]!.AsArray().Count <= 50);
        PullRequest.Summary.ShouldStartWith(Marker);
    }

    [Fact]
    public async Task Github_path_judges_the_findings_under_it_with_the_whole_repository_loaded()
    {
        PullRequest.Base(repo => repo.Write(".backloglint.yml", "items: [\"**/*.md\"]\n").Write("ops/OPS-1.md", PullRequestScenario.Owned("OPS-1")))
            .Head(repo => repo
                .Write("backlog/NEW-1.md", PullRequestScenario.BrokenLink("NEW-1"))
                .Write("ops/OPS-2.md", PullRequestScenario.BrokenLink("OPS-2"))
                .Write("backlog/NEW-2.md", "---\nid: NEW-2\nstatus: todo\nowner: \"@alice\"\ndepends-on: [OPS-1]\n---\n# Depends on an item outside PATH\n"))
            .Event();

        var result = await PullRequest.RunUnderAsync("backlog", "--no-comment");

        result.ExitCode.ShouldBe(1, result.ToString());
        var errors = result.Commands("error");
        errors.ShouldHaveSingleItem().ShouldContain("file=backlog/NEW-1.md");
        result.Stdout.ShouldNotContain("ops/OPS-2.md", Case.Sensitive, "ops/ is outside PATH");
        result.Stdout.ShouldNotContain("OPS-1' but", Case.Sensitive, "OPS-1 exists in the planning repository, outside PATH");
    }

    [Fact]
    public async Task Fail_on_existing_restores_the_strict_view()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.BrokenLink("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.Owned("NEW-1")))
            .Event();

        var lenient = await PullRequest.RunAsync("--no-comment");
        var strict = await PullRequest.RunAsync("--no-comment", "--fail-on-existing");

        lenient.ExitCode.ShouldBe(0, lenient.ToString());
        lenient.Commands("error").ShouldBeEmpty();
        strict.ExitCode.ShouldBe(1, strict.ToString());
        strict.Commands("error").ShouldHaveSingleItem().ShouldContain("file=backlog/OLD-1.md");
        Server.Requests.ShouldBeEmpty("--no-comment and no --check-run: nothing to publish");
    }

    [Fact]
    public async Task Annotations_stop_at_ten_per_kind_and_one_notice_says_where_the_rest_are()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => PullRequestScenario.ManyUnowned(repo, 25, "NEW"))
            .Event();

        var result = await PullRequest.RunAsync();

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Commands("warning").Count.ShouldBe(10);
        result.Commands("notice").ShouldHaveSingleItem().ShouldBe(
            "::notice title=BacklogLint::15 more new findings are not shown as annotations (GitHub shows 10 of each kind per step): see the pull request comment and the job summary.");
    }

    [Fact]
    public async Task When_only_the_merge_commit_was_fetched_it_is_the_head()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.BrokenLink("NEW-1")))
            .Event(headSha: "feedfacefeedfacefeedfacefeedfacefeedface");

        var result = await PullRequest.RunAsync("--no-comment");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Commands("error").ShouldHaveSingleItem().ShouldContain("file=backlog/NEW-1.md");
        result.Stdout.ShouldContain("1 new, 0 fixed, 0 unchanged");
    }

    [Fact]
    public async Task A_shallow_clone_says_so_once_and_counts_the_changed_files_findings_as_new()
    {
        Server.SetPullRequestFiles(PullRequestScenario.Number, "backlog/NEW-1.md");
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Unowned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.Unowned("NEW-1")))
            .ForgetBase()
            .Event();

        var result = await PullRequest.RunAsync();

        result.ExitCode.ShouldBe(0, result.ToString());
        var notice = result.Commands("notice").ShouldHaveSingleItem();
        notice.ShouldContain($"{PullRequest.BaseSha[..12]} of this pull request is not in the clone");
        notice.ShouldContain("every finding in the files the pull request changed is treated as new");
        notice.ShouldContain("`fetch-depth: 0`");
        result.Commands("warning").ShouldHaveSingleItem().ShouldContain("file=backlog/NEW-1.md");
        result.Stdout.ShouldContain("1 new, 0 fixed, 2 unchanged", Case.Sensitive, "OLD-1's, and BL9001: the shallow history");
        PullRequest.Summary.ShouldStartWith(Marker, Case.Sensitive, "the summary is still written; its notices are PullRequestReport.Notices, rendered by MarkdownReportWriter");
        PullRequest.Summary.ShouldContain("is not in the clone", customMessage: "the notice is in the summary as well");
    }

    [Fact]
    public async Task A_shallow_clone_without_a_token_treats_every_finding_as_new()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Unowned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.Unowned("NEW-1")))
            .ForgetBase()
            .Event();

        var result = await PullRequest.RunAsync(PullRequest.Environment(token: null));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Commands("notice").Count.ShouldBe(2, "the shallow clone, and no token");
        result.Commands("notice")[0].ShouldContain("every finding is treated as new");
        result.Commands("notice")[1].ShouldContain("No GitHub token");
        result.Commands("warning").Count.ShouldBe(3, "NEW-1, OLD-1 and BL9001 (the shallow history)");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_push_reports_every_finding_like_check_and_makes_a_check_run_on_GITHUB_SHA()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.BrokenLink("OLD-1")))
            .Head(repo => repo.Write("backlog/OLD-2.md", PullRequestScenario.Unowned("OLD-2")));
        File.WriteAllText(PullRequest.EventPath, EventJson.Push(PullRequest.BaseSha, PullRequest.HeadSha));

        var result = await PullRequest.RunAsync(PullRequest.Environment(eventName: "push"), "--check-run");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Commands("error").ShouldHaveSingleItem().ShouldContain("file=backlog/OLD-1.md");
        result.Commands("warning").ShouldHaveSingleItem().ShouldContain("file=backlog/OLD-2.md");
        result.Stdout.ShouldContain("BacklogLint: 2 findings (exit code 1).");
        Server.Requests.ShouldNotContain(r => r.Path.Contains("comments", StringComparison.Ordinal));
        var checkRun = Server.CheckRuns.ShouldHaveSingleItem();
        checkRun.HeadSha.ShouldBe(PullRequest.HeadSha);
        checkRun.Annotations.Count.ShouldBe(2);
        // The step summary of a push is the lead's report of the whole repository, linked at the pushed commit.
        PullRequest.Summary.ShouldStartWith("## BacklogLint: 2 findings (1 error, 1 warning)\n");
        PullRequest.Summary.ShouldNotContain(Marker);
        PullRequest.Summary.ShouldContain("### Open work by owner");
        PullRequest.Summary.ShouldContain($"/blob/{PullRequest.HeadSha}/backlog/OLD-2.md?plain=1#L1)");
    }

    [Fact]
    public async Task With_trend_the_comment_and_the_summary_draw_open_findings_of_the_last_weeks()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.BrokenLink("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.Unowned("NEW-1")))
            .Event();

        var result = await PullRequest.RunAsync("--trend", "4");

        result.ExitCode.ShouldBe(0, result.ToString());
        var chart = "```mermaid\nxychart-beta\n    title \"Open findings, 2026-11-02 to 2026-11-23\"\n    x-axis [\"Nov 2\", \"Nov 9\", \"Nov 16\", \"Nov 23\"]\n"
            + "    y-axis \"findings\" 0 --> 3\n    line [1, 1, 1, 2]\n```\n";
        PullRequest.Summary.ShouldContain(chart, customMessage: "base (2026-11-02): the broken link; head (2026-11-20): and the unowned item");
        OurComments.ShouldHaveSingleItem().Body.ShouldContain(chart);
    }

    [Fact]
    public async Task Without_trend_there_is_no_chart_and_in_a_shallow_clone_a_notice_says_why()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.BrokenLink("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.Unowned("NEW-1")))
            .Event();

        (await PullRequest.RunAsync()).ExitCode.ShouldBe(0);
        PullRequest.Summary.ShouldNotContain("mermaid");

        PullRequest.ForgetBase();
        var result = await PullRequest.RunAsync("--trend", "4");

        result.ExitCode.ShouldBe(0, result.ToString());
        PullRequest.Summary.ShouldContain("> No trend chart\\: the clone is shallow\\: a report of history needs all of it", customMessage: "a notice, escaped as Markdown");
        PullRequest.Summary.ShouldNotContain("xychart-beta");
    }
}

/// <summary>Forks, read-only tokens, outages and bad usage: the findings survive, the token never shows.</summary>
public sealed class FallbackEndToEndTests : GitHubEndToEndTests
{
    [Fact]
    public async Task A_fork_pull_request_falls_back_to_annotations_and_the_summary()
    {
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.BrokenLink("NEW-1")))
            .Event(headRepository: "mallory/planning");

        var result = await PullRequest.RunAsync("--check-run");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Commands("notice").ShouldHaveSingleItem().ShouldContain("comes from the fork mallory/planning");
        result.Commands("error").ShouldHaveSingleItem();
        Server.Requests.ShouldBeEmpty();
        PullRequest.Summary.ShouldStartWith(Marker, Case.Sensitive, "the summary is still written; its notices are PullRequestReport.Notices, rendered by MarkdownReportWriter");
        PullRequest.Summary.ShouldContain("comes from the fork", customMessage: "the notice is in the summary as well");
    }

    [Fact]
    public async Task A_read_only_token_is_said_once_and_the_exit_code_follows_the_findings()
    {
        Server.Fail(Failure.ResourceNotAccessible, method: "POST");
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.BrokenLink("NEW-1")))
            .Event();

        var result = await PullRequest.RunAsync("--check-run");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Commands("notice").ShouldHaveSingleItem().ShouldContain("The token cannot write to acme/planning (403");
        result.Commands("error").ShouldHaveSingleItem();
        Server.CheckRuns.ShouldBeEmpty();
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_outage_loses_no_findings_and_never_prints_the_token()
    {
        const string secret = "ghs_RECOGNISABLE_e2e_token_0123456789";
        Server.Fail(Failure.EchoAuthorization);
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.BrokenLink("NEW-1")))
            .Event();

        var result = await PullRequest.RunAsync(PullRequest.Environment(token: secret), "--check-run", "--verbose");

        result.ExitCode.ShouldBe(1, "the findings decide, not the outage");
        Server.Requests.Count.ShouldBe(4, "one request and three retries");
        Server.Requests.ShouldAllBe(r => r.Authorization == "Token " + secret);
        result.Commands("error").ShouldHaveSingleItem();
        result.Commands("notice").ShouldHaveSingleItem().ShouldContain("GitHub failed to update the pull request comment (502 Bad Gateway), also after retrying.");
        PullRequest.Summary.ShouldStartWith(Marker, Case.Sensitive, "the summary is still written; its notices are PullRequestReport.Notices, rendered by MarkdownReportWriter");
        PullRequest.Summary.ShouldContain("also after retrying", customMessage: "the notice is in the summary as well");
        PullRequest.AllOutput(result).ShouldNotContain(secret);
        PullRequest.AllOutput(result).ShouldNotContain("RECOGNISABLE");
    }

    [Fact]
    public async Task A_token_given_as_an_option_is_never_printed_either()
    {
        const string secret = "ghp_OPTION_token_9876543210";
        Server.Fail(Failure.Unauthorized);
        PullRequest.Base(repo => repo.Write("backlog/OLD-1.md", PullRequestScenario.Owned("OLD-1")))
            .Head(repo => repo.Write("backlog/NEW-1.md", PullRequestScenario.Owned("NEW-1")))
            .Event();

        var result = await PullRequest.RunAsync(PullRequest.Environment(token: null), "--token", secret, "--check-run", "--verbose");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Commands("notice").ShouldHaveSingleItem().ShouldContain("401");
        Server.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Token " + secret);
        PullRequest.AllOutput(result).ShouldNotContain(secret);
    }

    [Fact]
    public async Task Outside_Actions_it_is_bad_usage()
    {
        var result = await BackloglintProcess.RunAsync(new Dictionary<string, string?>(), "github", PullRequest.Repository.Path);

        result.ExitCode.ShouldBe(2);
        result.Stderr.Trim().ShouldStartWith("backloglint: error: GITHUB_REPOSITORY is not set");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_malformed_event_file_is_bad_usage()
    {
        File.WriteAllText(PullRequest.EventPath, "{\"pull_request\": ");

        var result = await PullRequest.RunAsync();

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain($"{PullRequest.EventPath}: the event is not valid JSON");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Comment_and_no_comment_together_are_bad_usage()
    {
        var result = await PullRequest.RunAsync("--comment", "--no-comment");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--comment and --no-comment cannot both be given");
    }
}
