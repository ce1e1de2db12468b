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
    public async Task An_update_that_fails_is_thrown_to_the_caller()
    {
        _server.Fail(Failure.Unprocessable, method: "PATCH");

        await Should.ThrowAsync<ApiValidationException>(() => Publisher().PublishAsync("head111", new CheckRunContent("t", "s", Findings.Many(60), Success: true)));
    }
}
