using BacklogLint.Core.Diagnostics;
using Octokit;

namespace BacklogLint.GitHub.Tests;

/// <summary>Check runs: annotations in batches of 50 (create, then updates), completed with the conclusion.</summary>
public sealed class CheckRunPublisherTests : IAsyncLifetime
{
    private FakeGitHub _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private CheckRunPublisher Publisher() => new(GitHubApi.Client(_server), "acme", "planning");

    [Fact]
    public async Task Hundred_twenty_findings_take_three_requests_of_at_most_fifty()
    {
        var outcome = await Publisher().PublishAsync("head111", new CheckRunContent("120 findings", "summary", Findings.Many(120), Success: false));

        outcome.Requests.ShouldBe(3);
        var writes = _server.Writes;
        writes.Select(r => $"{r.Method} {r.Path}").ShouldBe([
            "POST /api/v3/repos/acme/planning/check-runs",
            $"PATCH /api/v3/repos/acme/planning/check-runs/{outcome.Id}",
            $"PATCH /api/v3/repos/acme/planning/check-runs/{outcome.Id}",
        ]);
        writes.Select(r => r.Json!["output"]!["annotations"]!.AsArray().Count).ShouldBe([50, 50, 20]);
        writes[0].Json!["head_sha"]!.GetValue<string>().ShouldBe("head111");
        writes[0].Json!["name"]!.GetValue<string>().ShouldBe("BacklogLint");
        writes[0].Json!["status"]!.GetValue<string>().ShouldBe("in_progress");
        writes[0].Json!["conclusion"].ShouldBeNull();
        writes[2].Json!["status"]!.GetValue<string>().ShouldBe("completed");
        writes[2].Json!["conclusion"]!.GetValue<string>().ShouldBe("failure");

        var run = _server.CheckRuns.Single();
        run.Annotations.Count.ShouldBe(120);
        run.Annotations.Select(a => a["start_line"]!.GetValue<int>()).ShouldBe(Enumerable.Range(1, 120));
        run.Status.ShouldBe("completed");
        run.Conclusion.ShouldBe("failure");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    public async Task Up_to_fifty_findings_take_one_request_that_completes_the_run(int count)
    {
        await Publisher().PublishAsync("head111", new CheckRunContent("title", "summary", Findings.Many(count), Success: true));

        var write = _server.Writes.Single();
        write.Json!["status"]!.GetValue<string>().ShouldBe("completed");
        write.Json!["conclusion"]!.GetValue<string>().ShouldBe("success");
        write.Json!["output"]!["annotations"]!.AsArray().Count.ShouldBe(count);
        write.Json!["output"]!["title"]!.GetValue<string>().ShouldBe("title");
        write.Json!["output"]!["summary"]!.GetValue<string>().ShouldBe("summary");
    }

    [Fact]
    public async Task Annotations_carry_level_title_lines_and_columns_on_one_line_only()
    {
        var multiLine = Findings.Make("BL0402", Severity.Error, "backlog/B.md", 2) with { Span = new SourceSpan(2, 1, 5, 3) };
        List<Diagnostic> findings =
        [
            Findings.Make("BL0401", Severity.Error, "backlog/A.md", 3, "bad link"),
            Findings.Make("BL0001", Severity.Warning, "backlog/A.md", 4),
            Findings.Make("BL0003", Severity.Suggestion, "backlog/A.md", 5),
            multiLine,
            Findings.Make("BL9001", Severity.Warning, null),
        ];

        await Publisher().PublishAsync("head111", new CheckRunContent("t", "s", findings, Success: false));

        var annotations = _server.CheckRuns.Single().Annotations;
        annotations.Select(a => a["annotation_level"]!.GetValue<string>()).ShouldBe(["failure", "warning", "notice", "failure"], "a finding without a file is not an annotation");
        var first = annotations[0];
        first["path"]!.GetValue<string>().ShouldBe("backlog/A.md");
        first["start_line"]!.GetValue<int>().ShouldBe(3);
        first["end_line"]!.GetValue<int>().ShouldBe(3);
        first["start_column"]!.GetValue<int>().ShouldBe(1);
        first["end_column"]!.GetValue<int>().ShouldBe(11);
        first["message"]!.GetValue<string>().ShouldBe("bad link");
        first["title"]!.GetValue<string>().ShouldBe("BL0401: Title of BL0401");
        annotations[3]["end_line"]!.GetValue<int>().ShouldBe(5);
        annotations[3].ContainsKey("start_column").ShouldBeFalse();
    }

    [Fact]
    public void Annotations_stop_at_the_cap()
    {
        CheckRunPublisher.Annotations(Findings.Many(CheckRunPublisher.MaxAnnotations + 7)).Count.ShouldBe(CheckRunPublisher.MaxAnnotations);
    }

    [Fact]
    public async Task A_run_whose_update_fails_is_completed_with_a_summary_that_says_what_failed()
    {
        _server.Fail(Failure.Unprocessable, method: "PATCH", times: 1);

        var outcome = await Publisher().PublishAsync("head111", new CheckRunContent("t", "the report", Findings.Many(60), Success: false));

        outcome.Failure.ShouldBeOfType<ApiValidationException>();
        var run = _server.CheckRuns.ShouldHaveSingleItem();
        run.Status.ShouldBe("completed", "never left in progress");
        run.Conclusion.ShouldBe("failure");
        run.Summary.ShouldNotBeNull().ShouldStartWith("> **50 of 60 findings are annotations on this check run.** GitHub refused to add the remaining annotations (422 Validation Failed).");
        run.Summary.ShouldEndWith("the report");
    }

    [Fact]
    public async Task A_run_whose_update_stalls_is_completed_and_bounded()
    {
        var budget = new GitHubBudget(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.5));
        var client = GitHubClientFactory.Create(_server.ApiUrl, FakeGitHub.Token, "0.0.0-test", new GitHubRetryHandler(RetryPolicy.Default, TimeProvider.System, budget: budget));
        _server.Fail(Failure.Hang, method: "PATCH", times: 1);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await new CheckRunPublisher(client, "acme", "planning", budget).PublishAsync("head111", new CheckRunContent("t", "s", Findings.Many(500), Success: true));

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "bounded by the budget");
        outcome.Failure.ShouldBeAssignableTo<TimeoutException>();
        var run = _server.CheckRuns.ShouldHaveSingleItem();
        run.Annotations.Count.ShouldBeLessThan(500);
        run.Status.ShouldBe("completed", "completed from the budget's reserve");
        run.Summary.ShouldNotBeNull().ShouldContain("did not answer in time");
    }

    [Fact]
    public async Task Every_finding_is_an_annotation_also_past_three_thousand()
    {
        var outcome = await Publisher().PublishAsync("head111", new CheckRunContent("t", "s", Findings.Many(3172), Success: true));

        outcome.Failure.ShouldBeNull();
        outcome.Requests.ShouldBe(64);
        var run = _server.CheckRuns.ShouldHaveSingleItem();
        run.Annotations.Count.ShouldBe(3172);
        run.Status.ShouldBe("completed");
        run.Summary.ShouldBe("s");
    }
}
