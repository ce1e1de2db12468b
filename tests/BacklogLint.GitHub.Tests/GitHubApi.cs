using Octokit;

namespace BacklogLint.GitHub.Tests;

/// <summary>Octokit clients for <see cref="FakeGitHub"/>, through the production factory and retry handler, with
/// waits recorded instead of slept.</summary>
internal static class GitHubApi
{
    public static GitHubClient Client(FakeGitHub server, List<TimeSpan>? waits = null, TimeSpan? timeout = null, string token = FakeGitHub.Token) =>
        GitHubClientFactory.Create(server.ApiUrl, token, "0.0.0-test", RetryHandler(waits), timeout);

    public static GitHubRetryHandler RetryHandler(List<TimeSpan>? waits = null) =>
        new(RetryPolicy.Default, TimeProvider.System, (wait, _) =>
        {
            if (waits is not null)
            {
                lock (waits) waits.Add(wait);
            }

            return Task.CompletedTask;
        });

    /// <summary>A context for acme/planning against the server, on pull request <paramref name="number"/>.</summary>
    public static ActionsContext Context(FakeGitHub server, int number = 7, string? headRepository = "acme/planning", string eventName = "pull_request", string? token = FakeGitHub.Token)
    {
        var eventPath = Path.Combine(Path.GetTempPath(), $"backloglint-event-{Guid.NewGuid():N}.json");
        File.WriteAllText(eventPath, EventJson.PullRequest(number, "base000", "head111", "acme/planning", headRepository));
        try
        {
            return ActionsContext.FromVariables(new Dictionary<string, string?>
            {
                ["GITHUB_EVENT_NAME"] = eventName,
                ["GITHUB_EVENT_PATH"] = eventPath,
                ["GITHUB_REPOSITORY"] = "acme/planning",
                ["GITHUB_SHA"] = "merge222",
                ["GITHUB_API_URL"] = server.ApiUrl.ToString(),
                ["GITHUB_TOKEN"] = token,
            });
        }
        finally
        {
            File.Delete(eventPath);
        }
    }
}
