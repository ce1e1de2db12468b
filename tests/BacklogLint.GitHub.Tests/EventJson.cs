using System.Text.Json;

namespace BacklogLint.GitHub.Tests;

/// <summary>Event payloads as GitHub writes them to <c>GITHUB_EVENT_PATH</c> (the fields BacklogLint reads, and some
/// it does not).</summary>
internal static class EventJson
{
    public static string PullRequest(int number, string baseSha, string headSha, string baseRepository, string? headRepository) =>
        JsonSerializer.Serialize(new
        {
            action = "synchronize",
            number,
            pull_request = new
            {
                number,
                state = "open",
                title = "Add an agreement",
                @base = new { @ref = "main", sha = baseSha, repo = new { full_name = baseRepository } },
                head = new { @ref = "feature", sha = headSha, repo = headRepository is null ? null : new { full_name = headRepository } },
            },
            repository = new { full_name = baseRepository },
        });

    public static string Push(string before, string after) =>
        JsonSerializer.Serialize(new { @ref = "refs/heads/main", before, after });
}
