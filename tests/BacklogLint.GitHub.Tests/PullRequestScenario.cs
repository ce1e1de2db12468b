using System.Globalization;
using System.Text;
using BacklogLint.Testing;

namespace BacklogLint.GitHub.Tests;

/// <summary>A real planning repository with a base commit and a head commit, the event file of a pull request
/// between them, a job-summary file, and the Actions variables that point the tool at a <see cref="FakeGitHub"/>.</summary>
internal sealed class PullRequestScenario : IDisposable
{
    public const int Number = 7;
    public const string Now = "2026-11-23";

    private readonly string _folder = Directory.CreateTempSubdirectory("backloglint-pr-").FullName;

    public PullRequestScenario(FakeGitHub server)
    {
        Server = server;
        EventPath = Path.Combine(_folder, "event.json");
        SummaryPath = Path.Combine(_folder, "summary.md");
    }

    public FakeGitHub Server { get; }

    public TestRepository Repository { get; } = TestRepository.Create();

    public string EventPath { get; }

    public string SummaryPath { get; }

    public string BaseSha { get; private set; } = "";

    public string HeadSha { get; private set; } = "";

    public string Summary => File.Exists(SummaryPath) ? File.ReadAllText(SummaryPath) : "";

    public PullRequestScenario Base(Action<TestRepository> write)
    {
        write(Repository);
        BaseSha = Repository.Commit("2026-11-02", "alice", "base");
        return this;
    }

    public PullRequestScenario Head(Action<TestRepository> write, string date = "2026-11-20")
    {
        write(Repository);
        HeadSha = Repository.Commit(date, "bob", "head");
        return this;
    }

    /// <summary>Makes the clone what <c>actions/checkout</c> leaves by default (<c>fetch-depth: 1</c>): shallow at the
    /// head commit, and without the base commit.</summary>
    public PullRequestScenario ForgetBase()
    {
        Repository.MakeShallow();
        File.Delete(Path.Combine(Repository.Path, ".git", "objects", BaseSha[..2], BaseSha[2..]));
        return this;
    }

    /// <summary>Writes the event: base and head as committed (or as given), from <paramref name="headRepository"/>.</summary>
    public PullRequestScenario Event(string? baseSha = null, string? headSha = null, string headRepository = "acme/planning")
    {
        File.WriteAllText(EventPath, EventJson.PullRequest(Number, baseSha ?? BaseSha, headSha ?? HeadSha, "acme/planning", headRepository));
        // GitHub knows the pull request's head as the event names it.
        Server.SetPullRequestHead(Number, headSha ?? HeadSha);
        return this;
    }

    public Dictionary<string, string?> Environment(string? token = FakeGitHub.Token, string eventName = "pull_request") => new(StringComparer.Ordinal)
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = eventName,
        ["GITHUB_EVENT_PATH"] = EventPath,
        ["GITHUB_REPOSITORY"] = "acme/planning",
        ["GITHUB_SHA"] = HeadSha,
        ["GITHUB_API_URL"] = Server.ApiUrl.ToString(),
        ["GITHUB_SERVER_URL"] = Server.Url.ToString(),
        ["GITHUB_STEP_SUMMARY"] = SummaryPath,
        ["GITHUB_TOKEN"] = token,
    };

    public Task<ProcessResult> RunAsync(params string[] options) => RunAsync(Environment(), options);

    public Task<ProcessResult> RunAsync(Dictionary<string, string?> environment, params string[] options) =>
        BackloglintProcess.RunAsync(environment, ["github", Repository.Path, "--now", Now, .. options]);

    /// <summary>Runs <c>github PATH</c> for a folder or file of the repository (<paramref name="relativePath"/>).</summary>
    public Task<ProcessResult> RunUnderAsync(string relativePath, params string[] options) =>
        BackloglintProcess.RunAsync(Environment(), ["github", Repository.FullPath(relativePath), "--now", Now, .. options]);

    /// <summary>An event file for another head of the same pull request (an earlier push), and the variables of its run.</summary>
    public Dictionary<string, string?> EnvironmentFor(string headSha, string? token = FakeGitHub.Token)
    {
        var path = Path.Combine(_folder, $"event-{headSha[..8]}.json");
        File.WriteAllText(path, EventJson.PullRequest(Number, BaseSha, headSha, "acme/planning", "acme/planning"));
        var environment = Environment(token);
        environment["GITHUB_EVENT_PATH"] = path;
        environment["GITHUB_SHA"] = headSha;
        environment["GITHUB_STEP_SUMMARY"] = Path.Combine(_folder, $"summary-{headSha[..8]}.md");
        return environment;
    }

    public void Dispose()
    {
        Repository.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A task with no owner: one BL0001 warning.</summary>
    public static string Unowned(string id) => $"""
        ---
        id: {id}
        status: todo
        ---
        # {id} has nobody
        """;

    /// <summary>A task with an owner: no finding.</summary>
    public static string Owned(string id) => $"""
        ---
        id: {id}
        status: todo
        owner: "@alice"
        ---
        # {id} is fine
        """;

    /// <summary>A task depending on an item that does not exist: one BL0401 error.</summary>
    public static string BrokenLink(string id) => $"""
        ---
        id: {id}
        status: todo
        owner: "@alice"
        depends-on: [NOPE-404]
        ---
        # {id} points nowhere
        """;

    /// <summary>A closed task with an inline agreement whose review date has passed: one BL0101 warning.</summary>
    public static string StaleAgreement(string id) => $"""
        ---
        id: {id}
        status: done
        owner: "@alice"
        ---
        # {id} agreed something

        ## Agreements
        - 2025-01-03 @payments @sre: webhooks are delivered at least once. review-by: 2026-11-01
        """;

    /// <summary><paramref name="count"/> unowned tasks in one folder.</summary>
    public static void ManyUnowned(TestRepository repository, int count, string prefix = "OLD")
    {
        for (var i = 1; i <= count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}");
            repository.Write($"backlog/{id}.md", Unowned(id));
        }
    }

    /// <summary>Everything the run left anywhere a reader could see it.</summary>
    public string AllOutput(ProcessResult result) => new StringBuilder(result.Stdout).Append(result.Stderr).Append(Summary).ToString();
}
