using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.GitHub.Tests;

/// <summary><c>--verify-owners</c> end to end: the built tool against the loopback GitHub, on a real repository whose
/// roster names people and teams the organisation has, and some it has not.</summary>
public sealed class OwnerVerificationEndToEndTests : IAsyncLifetime
{
    private const string Now = "2026-11-23";
    private readonly TestRepository _repository = TestRepository.Create();
    private FakeGitHub _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeGitHub.StartAsync();
        _server.AddOrganization("acme", ["alice", "dave", .. Enumerable.Range(1, 120).Select(i => $"member-{i}")], [("payments", "Payments")]);
        _repository
            .Write(".backloglint.yml", """
                roster:
                  teams:
                    payments: { members: ["@alice", "@bob"] }
                    sre: { members: ["@carol"] }
                  people: ["@dave", "@zed"]
                """)
            .Write("backlog/PAY-1.md", Item("PAY-1", "\"@zed\""))
            .Write("backlog/PAY-2.md", Item("PAY-2", "\"@acme/payments\""))
            .Write("backlog/PAY-3.md", Item("PAY-3", "\"@acme/sre\""))
            .Write("backlog/PAY-4.md", Item("PAY-4", "\"@alice\""))
            .Write("backlog/PAY-5.md", Item("PAY-5", "\"@erin\""));
        _repository.Commit("2026-11-20");
    }

    public async ValueTask DisposeAsync()
    {
        _repository.Dispose();
        await _server.DisposeAsync();
    }

    private static string Item(string id, string owner) => $"---\nid: {id}\nstatus: todo\nowner: {owner}\n---\n# {id}\n";

    private Dictionary<string, string?> Environment(string? token = FakeGitHub.Token, string? repository = "acme/planning") => new(StringComparer.Ordinal)
    {
        ["GITHUB_API_URL"] = _server.ApiUrl.ToString(),
        ["GITHUB_REPOSITORY"] = repository,
        ["GITHUB_TOKEN"] = token,
    };

    private Task<ProcessResult> CheckAsync(Dictionary<string, string?> environment, params string[] options) =>
        BackloglintProcess.RunAsync(environment, ["check", _repository.Path, "--now", Now, .. options]);

    private static List<string> Owners(ProcessResult result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("id").GetString() == "BL0002")
            .Select(d => $"{d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()} {d.GetProperty("message").GetString()}")];
    }

    [Fact]
    public async Task Check_reports_the_owners_the_organisation_does_not_have()
    {
        var result = await CheckAsync(Environment(repository: null), "--verify-owners", "--org", "acme", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
        Owners(result).ShouldBe([
            "backlog/PAY-1.md:4 'PAY-1' is owned by '@zed', who is not a member of the GitHub organisation 'acme'",
            "backlog/PAY-3.md:4 'PAY-3' is owned by '@acme/sre', which is not a team of the GitHub organisation 'acme'",
            "backlog/PAY-5.md:4 'PAY-5' is owned by '@erin', who is not in the roster: no known team, member or person has that name",
        ]);
        _server.Requests.Select(r => r.Path).ShouldBe([
            "/api/v3/orgs/acme/teams?per_page=100",
            "/api/v3/orgs/acme/members?per_page=100",
            "/api/v3/orgs/acme/members?per_page=100&page=2",
        ]);
    }

    [Fact]
    public async Task Check_with_a_token_that_may_not_read_the_members_says_so_once_and_reports_as_without_verification()
    {
        _server.Fail(Failure.ResourceNotAccessible, pathContains: "/orgs/");

        var plain = await CheckAsync(Environment(), "--fail-on", "warning");
        var verified = await CheckAsync(Environment(), "--verify-owners", "--fail-on", "warning");

        verified.ExitCode.ShouldBe(plain.ExitCode, verified.ToString());
        verified.ExitCode.ShouldBe(1, "PAY-5's owner is not in the roster: a warning, with or without verification");
        verified.Stdout.ShouldBe(plain.Stdout, "no finding more, none fewer");
        verified.Stdout.ShouldContain("BL0002", Case.Sensitive);
        verified.Stdout.ShouldNotContain("GitHub organisation");
        verified.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldBe(
            "backloglint: notice: Owners were not verified against the GitHub organisation 'acme': cannot verify owners with this token (it needs read:org, or the organisation hides its members).");
        _server.Requests.ShouldHaveSingleItem("the teams were refused; nothing more was asked");
    }

    [Fact]
    public async Task Check_without_a_token_asks_nothing_and_says_so_once()
    {
        var result = await CheckAsync(Environment(token: null), "--verify-owners", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Owners(result).ShouldHaveSingleItem().ShouldContain("'@erin', who is not in the roster");
        result.Stderr.Trim().ShouldBe("backloglint: notice: Owners were not verified against the GitHub organisation 'acme': there is no GitHub token (set GITHUB_TOKEN or pass --token).");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Check_never_prints_a_token_given_as_an_option()
    {
        const string secret = "ghp_OPTION_owner_token_1234567890";

        var result = await CheckAsync(Environment(token: null), "--verify-owners", "--token", secret, "--verbose");

        _server.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Token " + secret);
        result.Stderr.ShouldContain("GitHub refused the token (401 Unauthorized).");
        (result.Stdout + result.Stderr).ShouldNotContain(secret);
    }

    [Fact]
    public async Task A_bad_API_URL_or_org_is_bad_usage()
    {
        var badUrl = Environment();
        badUrl["GITHUB_API_URL"] = "ftp://example.com";

        var url = await CheckAsync(badUrl, "--verify-owners");
        var orgAlone = await CheckAsync(Environment(), "--org", "acme");
        var repositoryAsOrg = await CheckAsync(Environment(), "--verify-owners", "--org", "acme/planning");

        url.ExitCode.ShouldBe(2);
        url.Stderr.Trim().ShouldBe("backloglint: error: GITHUB_API_URL is an http(s) URL, not 'ftp://example.com'");
        orgAlone.ExitCode.ShouldBe(2);
        orgAlone.Stderr.ShouldContain("--org is the organisation for --verify-owners");
        repositoryAsOrg.ExitCode.ShouldBe(2);
        repositoryAsOrg.Stderr.ShouldContain("--org is the login of a GitHub organisation, not 'acme/planning'");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Github_on_a_push_annotates_the_owners_the_organisation_does_not_have()
    {
        var environment = Environment();
        environment["GITHUB_EVENT_NAME"] = "push";
        environment["GITHUB_SHA"] = "0000000000000000000000000000000000000000";

        var result = await BackloglintProcess.RunAsync(environment, "github", _repository.Path, "--now", Now, "--verify-owners");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Commands("notice").ShouldBeEmpty();
        var warnings = result.Commands("warning");
        warnings.Count.ShouldBe(3);
        warnings.ShouldContain(w => w.StartsWith("::warning file=backlog/PAY-1.md,", StringComparison.Ordinal) && w.EndsWith("who is not a member of the GitHub organisation 'acme'", StringComparison.Ordinal));
        warnings.ShouldContain(w => w.StartsWith("::warning file=backlog/PAY-3.md,", StringComparison.Ordinal) && w.EndsWith("which is not a team of the GitHub organisation 'acme'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Github_on_a_pull_request_lists_the_organisation_once_for_base_and_head()
    {
        using var pullRequest = new PullRequestScenario(_server);
        pullRequest
            .Base(repo => repo
                .Write(".backloglint.yml", File.ReadAllText(_repository.FullPath(".backloglint.yml")))
                .Write("backlog/OLD-1.md", Item("OLD-1", "\"@zed\"")))
            .Head(repo => repo.Write("backlog/NEW-1.md", Item("NEW-1", "\"@bob\"")))
            .Event();

        var result = await pullRequest.RunAsync("--verify-owners", "--no-comment");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("1 new, 0 fixed, 1 unchanged", Case.Sensitive, "OLD-1's owner was missing before the pull request too");
        result.Commands("warning").ShouldHaveSingleItem().ShouldContain("'NEW-1' is owned by '@bob', who is not a member of the GitHub organisation 'acme'");
        _server.Requests.Count.ShouldBe(3, "the teams and two pages of members, once for both commits");
    }

    [Fact]
    public async Task Github_with_a_token_that_may_not_read_the_members_gives_one_notice()
    {
        _server.Fail(Failure.ResourceNotAccessible, pathContains: "/members");
        var environment = Environment();
        environment["GITHUB_EVENT_NAME"] = "push";

        var result = await BackloglintProcess.RunAsync(environment, "github", _repository.Path, "--now", Now, "--verify-owners");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Commands("notice").ShouldHaveSingleItem().ShouldBe(
            "::notice title=BacklogLint::Owners were not verified against the GitHub organisation 'acme': cannot verify owners with this token (it needs read:org, or the organisation hides its members).");
        result.Commands("warning").ShouldHaveSingleItem().ShouldContain("'@erin', who is not in the roster");
        result.Stderr.ShouldBeEmpty();
    }
}
