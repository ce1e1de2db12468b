using System.Collections;
using System.Globalization;
using System.Text.Json;
using BacklogLint.Reporting;

namespace BacklogLint.GitHub;

/// <summary>The GitHub Actions environment of a run: the event, the repository, the commit, where the API is, where
/// the step summary goes, and the token. Built from a dictionary of variables so that tests need no real environment.
/// The token never appears in <see cref="ToString"/>; use <see cref="Redact"/> on any text that might hold it.</summary>
public sealed class ActionsContext
{
    public const string DefaultApiUrl = "https://api.github.com";
    public const string DefaultServerUrl = "https://github.com";

    private SecretRedactor? _redactor;

    private ActionsContext(string eventName, string owner, string name, string? sha, Uri apiUrl, string serverUrl, string? stepSummaryPath, string? token, PullRequestEvent? pullRequest)
    {
        EventName = eventName;
        Owner = owner;
        Name = name;
        Sha = sha;
        ApiUrl = apiUrl;
        ServerUrl = serverUrl;
        StepSummaryPath = stepSummaryPath;
        Token = token;
        PullRequest = pullRequest;
    }

    /// <summary><c>GITHUB_EVENT_NAME</c>: <c>pull_request</c>, <c>push</c>, …; empty when not set.</summary>
    public string EventName { get; }

    public string Owner { get; }

    public string Name { get; }

    /// <summary><c>owner/name</c>, from <c>GITHUB_REPOSITORY</c>.</summary>
    public string Repository => $"{Owner}/{Name}";

    /// <summary><c>GITHUB_SHA</c>: the commit the workflow runs on (on a pull request, the merge commit actions/checkout
    /// makes); null when not set.</summary>
    public string? Sha { get; }

    /// <summary><c>GITHUB_API_URL</c> (default https://api.github.com): GitHub Enterprise Server and compatible
    /// servers have their own.</summary>
    public Uri ApiUrl { get; }

    /// <summary><c>GITHUB_SERVER_URL</c> without a trailing slash (default https://github.com), for links.</summary>
    public string ServerUrl { get; }

    /// <summary>e.g. https://github.com/acme/planning.</summary>
    public string RepositoryUrl => $"{ServerUrl}/{Owner}/{Name}";

    /// <summary><c>GITHUB_STEP_SUMMARY</c>: the file the job summary is appended to; null when not set.</summary>
    public string? StepSummaryPath { get; }

    /// <summary><c>--token</c>, else <c>GITHUB_TOKEN</c>; null when neither is given. Never print it.</summary>
    public string? Token { get; }

    /// <summary>The pull request of a <c>pull_request</c> or <c>pull_request_target</c> event; null for other events.</summary>
    public PullRequestEvent? PullRequest { get; }

    /// <summary>On <c>pull_request</c> from a fork the workflow's token is read-only; <c>pull_request_target</c> runs
    /// with the base repository's token, so it can write.</summary>
    public bool HasReadOnlyToken => PullRequest is { IsFromFork: true } && EventName == "pull_request";

    /// <summary>Reads the process environment.</summary>
    public static ActionsContext FromEnvironment(string? tokenOption)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = entry.Value as string;
        return FromVariables(variables, tokenOption);
    }

    /// <summary>Builds the context from <paramref name="variables"/> (the <c>GITHUB_*</c> names), reading the event file
    /// that <c>GITHUB_EVENT_PATH</c> names on a pull request.</summary>
    /// <param name="tokenOption">The <c>--token</c> option, which wins over <c>GITHUB_TOKEN</c>.</param>
    /// <exception cref="ActionsContextException">A variable is missing or malformed, or the event file cannot be read.</exception>
    public static ActionsContext FromVariables(IReadOnlyDictionary<string, string?> variables, string? tokenOption = null)
    {
        string? Get(string key) => variables.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var repository = Get("GITHUB_REPOSITORY")
            ?? throw new ActionsContextException("GITHUB_REPOSITORY is not set: 'backloglint github' runs inside GitHub Actions (elsewhere, use 'backloglint check --format github')");
        var parts = repository.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new ActionsContextException($"GITHUB_REPOSITORY is 'owner/name', not '{repository}'");

        var eventName = Get("GITHUB_EVENT_NAME") ?? "";
        var apiUrl = ApiUrlFrom(Get("GITHUB_API_URL"));
        var serverUrl = ParseUrl("GITHUB_SERVER_URL", Get("GITHUB_SERVER_URL") ?? DefaultServerUrl).ToString().TrimEnd('/');
        var token = string.IsNullOrWhiteSpace(tokenOption) ? Get("GITHUB_TOKEN") : tokenOption.Trim();
        PullRequestEvent? pullRequest = null;
        if (eventName is "pull_request" or "pull_request_target")
        {
            var eventPath = Get("GITHUB_EVENT_PATH")
                ?? throw new ActionsContextException($"GITHUB_EVENT_PATH is not set, so the {eventName} event cannot be read");
            pullRequest = ReadPullRequest(eventPath);
        }

        return new ActionsContext(eventName, parts[0], parts[1], Get("GITHUB_SHA"), apiUrl, serverUrl, Get("GITHUB_STEP_SUMMARY"), token, pullRequest);
    }

    /// <summary>Reads <c>pull_request</c> from an event file.</summary>
    /// <exception cref="ActionsContextException">The file cannot be read or is not a pull request event.</exception>
    public static PullRequestEvent ReadPullRequest(string eventPath)
    {
        string json;
        try
        {
            json = File.ReadAllText(eventPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ActionsContextException($"{eventPath}: the event file cannot be read ({e.Message})");
        }

        try
        {
            return ParsePullRequest(json);
        }
        catch (ActionsContextException e)
        {
            throw new ActionsContextException($"{eventPath}: {e.Message}");
        }
    }

    /// <summary>Reads <c>pull_request</c> (number, base and head commits and repositories) from event JSON.</summary>
    /// <exception cref="ActionsContextException">The JSON is malformed or lacks a field.</exception>
    public static PullRequestEvent ParsePullRequest(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("pull_request", out var pr) || pr.ValueKind != JsonValueKind.Object)
                throw new ActionsContextException("the event has no 'pull_request' object");
            if (!pr.TryGetProperty("number", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out var value) || value <= 0)
                throw new ActionsContextException("the event has no 'pull_request.number'");
            var baseRef = Object(pr, "base");
            var headRef = Object(pr, "head");
            return new PullRequestEvent(value, CommitOf(baseRef, "base"), CommitOf(headRef, "head"), RepositoryName(baseRef), RepositoryName(headRef));
        }
        catch (JsonException e)
        {
            throw new ActionsContextException($"the event is not valid JSON ({e.Message})");
        }
    }

    /// <summary>The API root from the value of <c>GITHUB_API_URL</c> (default https://api.github.com), as given.</summary>
    /// <exception cref="ActionsContextException">It is not an http(s) URL.</exception>
    public static Uri ApiUrlFrom(string? value) =>
        ParseUrl("GITHUB_API_URL", string.IsNullOrWhiteSpace(value) ? DefaultApiUrl : value.Trim());

    /// <summary>The owner part of <c>GITHUB_REPOSITORY</c> (<c>owner/name</c>); null when it is not set or malformed.</summary>
    public static string? OwnerOf(string? repository) =>
        repository?.Trim().Split('/') is [{ Length: > 0 } owner, { Length: > 0 }] ? owner : null;

    /// <summary>Knows the token: <see cref="SecretRedactor"/> with it.</summary>
    public SecretRedactor Redactor => _redactor ??= new SecretRedactor([Token]);

    /// <summary><paramref name="text"/> with the token (in any form) and every token shape replaced by <c>***</c>.</summary>
    public string Redact(string text) => Redactor.Redact(text);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{EventName} {Repository}@{Sha} api={ApiUrl} pr={PullRequest?.Number} token={(Token is null ? "none" : "***")}");

    private static Uri ParseUrl(string variable, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new ActionsContextException($"{variable} is an http(s) URL, not '{value}'");

    private static JsonElement Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Object
            ? element
            : throw new ActionsContextException($"the event has no 'pull_request.{name}'");

    private static string CommitOf(JsonElement reference, string name) =>
        reference.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String && sha.GetString() is { Length: > 0 } value
            ? value
            : throw new ActionsContextException($"the event has no 'pull_request.{name}.sha'");

    /// <summary><c>repo.full_name</c>; null when the repository is gone (a deleted fork) or not given.</summary>
    private static string? RepositoryName(JsonElement reference) =>
        reference.TryGetProperty("repo", out var repo) && repo.ValueKind == JsonValueKind.Object
        && repo.TryGetProperty("full_name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
}

/// <summary>The pull request an event is about.</summary>
/// <param name="BaseRepository">base.repo.full_name.</param>
/// <param name="HeadRepository">head.repo.full_name; null when the fork was deleted.</param>
public sealed record PullRequestEvent(int Number, string BaseSha, string HeadSha, string? BaseRepository, string? HeadRepository)
{
    /// <summary>The head branch lives in another repository than the base.</summary>
    public bool IsFromFork =>
        HeadRepository is null || (BaseRepository is not null && !string.Equals(HeadRepository, BaseRepository, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The Actions environment is missing or malformed: bad usage (exit 2), said in one line.</summary>
public sealed class ActionsContextException : Exception
{
    public ActionsContextException()
    {
    }

    public ActionsContextException(string message)
        : base(message)
    {
    }

    public ActionsContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
