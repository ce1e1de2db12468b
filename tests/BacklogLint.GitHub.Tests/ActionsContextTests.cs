namespace BacklogLint.GitHub.Tests;

public sealed class ActionsContextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("backloglint-context-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Pull_request_event_gives_number_commits_and_repositories()
    {
        var context = ActionsContext.FromVariables(Variables(("GITHUB_EVENT_PATH", WriteEvent(EventJson.PullRequest(7, "b1", "h1", "acme/planning", "acme/planning")))));

        context.EventName.ShouldBe("pull_request");
        context.Owner.ShouldBe("acme");
        context.Name.ShouldBe("planning");
        context.Sha.ShouldBe("m1");
        context.PullRequest.ShouldBe(new PullRequestEvent(7, "b1", "h1", "acme/planning", "acme/planning"));
        context.PullRequest!.IsFromFork.ShouldBeFalse();
        context.HasReadOnlyToken.ShouldBeFalse();
    }

    [Fact]
    public void Defaults_are_github_com_and_no_step_summary()
    {
        var context = ActionsContext.FromVariables(new Dictionary<string, string?> { ["GITHUB_REPOSITORY"] = "acme/planning", ["GITHUB_EVENT_NAME"] = "push" });

        context.ApiUrl.ShouldBe(new Uri("https://api.github.com"));
        context.ServerUrl.ShouldBe("https://github.com");
        context.RepositoryUrl.ShouldBe("https://github.com/acme/planning");
        context.StepSummaryPath.ShouldBeNull();
        context.Token.ShouldBeNull();
        context.PullRequest.ShouldBeNull();
    }

    [Fact]
    public void Enterprise_urls_are_honoured()
    {
        var context = ActionsContext.FromVariables(Variables(
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_API_URL", "https://ghe.example.com/api/v3"),
            ("GITHUB_SERVER_URL", "https://ghe.example.com/")));

        context.ApiUrl.ShouldBe(new Uri("https://ghe.example.com/api/v3"));
        context.RepositoryUrl.ShouldBe("https://ghe.example.com/acme/planning");
    }

    [Fact]
    public void Token_option_wins_over_the_variable_and_never_shows_in_ToString()
    {
        var context = ActionsContext.FromVariables(Variables(("GITHUB_EVENT_NAME", "push"), ("GITHUB_TOKEN", "ghs_fromenv")), "ghs_fromoption");

        context.Token.ShouldBe("ghs_fromoption");
        context.ToString().ShouldNotContain("ghs_");
        context.Redact("header: Token ghs_fromoption.").ShouldBe("header: Token ***.");
    }

    [Fact]
    public void Token_comes_from_GITHUB_TOKEN_without_an_option()
    {
        ActionsContext.FromVariables(Variables(("GITHUB_EVENT_NAME", "push"), ("GITHUB_TOKEN", "ghs_fromenv"))).Token.ShouldBe("ghs_fromenv");
    }

    [Theory]
    [InlineData("pull_request", true)]
    [InlineData("pull_request_target", false)]
    public void A_fork_has_a_read_only_token_on_pull_request_but_not_on_pull_request_target(string eventName, bool readOnly)
    {
        var context = ActionsContext.FromVariables(Variables(
            ("GITHUB_EVENT_NAME", eventName),
            ("GITHUB_EVENT_PATH", WriteEvent(EventJson.PullRequest(3, "b", "h", "acme/planning", "mallory/planning")))));

        context.PullRequest!.IsFromFork.ShouldBeTrue();
        context.HasReadOnlyToken.ShouldBe(readOnly);
    }

    [Fact]
    public void A_deleted_fork_counts_as_a_fork()
    {
        ActionsContext.ParsePullRequest("""{"pull_request":{"number":2,"base":{"sha":"b","repo":{"full_name":"acme/planning"}},"head":{"sha":"h","repo":null}}}""")
            .IsFromFork.ShouldBeTrue();
    }

    [Fact]
    public void Push_needs_no_event_file()
    {
        var context = ActionsContext.FromVariables(Variables(("GITHUB_EVENT_NAME", "push"), ("GITHUB_EVENT_PATH", Path.Combine(_folder, "missing.json"))));

        context.PullRequest.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "GITHUB_REPOSITORY is not set")]
    [InlineData("acme", "GITHUB_REPOSITORY is 'owner/name', not 'acme'")]
    [InlineData("acme/planning/extra", "not 'acme/planning/extra'")]
    public void Repository_must_be_owner_and_name(string? repository, string message)
    {
        var error = Should.Throw<ActionsContextException>(() => ActionsContext.FromVariables(new Dictionary<string, string?> { ["GITHUB_REPOSITORY"] = repository }));

        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("GITHUB_API_URL", "not a url")]
    [InlineData("GITHUB_API_URL", "ftp://example.com")]
    [InlineData("GITHUB_SERVER_URL", "/relative")]
    public void Urls_must_be_http(string variable, string value)
    {
        Should.Throw<ActionsContextException>(() => ActionsContext.FromVariables(Variables(("GITHUB_EVENT_NAME", "push"), (variable, value))))
            .Message.ShouldContain(variable);
    }

    [Fact]
    public void Pull_request_without_an_event_path_is_an_error()
    {
        var variables = Variables();
        variables.Remove("GITHUB_EVENT_PATH");

        Should.Throw<ActionsContextException>(() => ActionsContext.FromVariables(variables)).Message.ShouldContain("GITHUB_EVENT_PATH is not set");
    }

    [Fact]
    public void Missing_event_file_is_named()
    {
        var path = Path.Combine(_folder, "nowhere.json");

        Should.Throw<ActionsContextException>(() => ActionsContext.FromVariables(Variables(("GITHUB_EVENT_PATH", path))))
            .Message.ShouldStartWith($"{path}: the event file cannot be read");
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[]", "no 'pull_request' object")]
    [InlineData("""{"pull_request":{"base":{"sha":"b"},"head":{"sha":"h"}}}""", "no 'pull_request.number'")]
    [InlineData("""{"pull_request":{"number":"7","base":{"sha":"b"},"head":{"sha":"h"}}}""", "no 'pull_request.number'")]
    [InlineData("""{"pull_request":{"number":7,"head":{"sha":"h"}}}""", "no 'pull_request.base'")]
    [InlineData("""{"pull_request":{"number":7,"base":{"sha":""},"head":{"sha":"h"}}}""", "no 'pull_request.base.sha'")]
    [InlineData("""{"pull_request":{"number":7,"base":{"sha":"b"},"head":{}}}""", "no 'pull_request.head.sha'")]
    public void Malformed_event_is_named_with_what_is_wrong(string json, string message)
    {
        var path = WriteEvent(json);

        var error = Should.Throw<ActionsContextException>(() => ActionsContext.FromVariables(Variables(("GITHUB_EVENT_PATH", path))));

        error.Message.ShouldStartWith(path + ": ");
        error.Message.ShouldContain(message);
    }

    private Dictionary<string, string?> Variables(params (string Key, string? Value)[] overrides)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_REPOSITORY"] = "acme/planning",
            ["GITHUB_SHA"] = "m1",
            ["GITHUB_EVENT_PATH"] = Path.Combine(_folder, "unset.json"),
        };
        foreach (var (key, value) in overrides) variables[key] = value;
        return variables;
    }

    private string WriteEvent(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
