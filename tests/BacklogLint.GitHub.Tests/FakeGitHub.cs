using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogLint.GitHub.Tests;

/// <summary>A GitHub-compatible REST server on 127.0.0.1 (a random port), in process (Kestrel), serving what
/// BacklogLint calls under <c>/api/v3/</c> (where Octokit puts any API URL but api.github.com): issue comments
/// (list with Link-header pagination, create, update, delete), check runs (create, update), a pull request's files,
/// an organisation's members and teams (paged), and accounts (<c>/users/{login}</c>).
/// It records every request with its body read raw (Octokit sends JSON as <c>application/x-www-form-urlencoded</c>),
/// checks the <c>Authorization: Token …</c> header, and fails on demand as GitHub does.</summary>
internal sealed partial class FakeGitHub : IAsyncDisposable
{
    public const string Token = "test-token-not-a-secret";
    public const string BotLogin = "github-actions[bot]";

    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FailureRule> _failures = [];
    private readonly List<StoredComment> _comments = [];
    private readonly List<StoredCheckRun> _checkRuns = [];
    private readonly Dictionary<int, List<string>> _files = [];
    private readonly Dictionary<int, string> _heads = [];
    private readonly Dictionary<string, (List<string> Members, List<(string Slug, string Name)> Teams)> _organizations = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _users = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 1000;

    private FakeGitHub(WebApplication app)
    {
        _app = app;
        app.Run(HandleAsync);
    }

    /// <summary>http://127.0.0.1:port/, the server (as GITHUB_SERVER_URL would be).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>http://127.0.0.1:port/api/v3, as GITHUB_API_URL is on GitHub Enterprise Server.</summary>
    public Uri ApiUrl => new(Url, "/api/v3");

    public static async Task<FakeGitHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new FakeGitHub(builder.Build());
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate) return [.. _requests];
        }
    }

    /// <summary>Requests other than reads (a GraphQL query is a read).</summary>
    public IReadOnlyList<RecordedRequest> Writes => [.. Requests.Where(r => r.Method != "GET" && r.Path != "/api/graphql")];

    public IReadOnlyList<StoredComment> Comments(int issue)
    {
        lock (_gate) return [.. _comments.Where(c => c.Issue == issue).Select(c => c with { })];
    }

    public IReadOnlyList<StoredCheckRun> CheckRuns
    {
        get
        {
            lock (_gate) return [.. _checkRuns];
        }
    }

    /// <summary>A comment already on the pull request (someone else's, unless <paramref name="user"/> says so).</summary>
    public long AddComment(int issue, string body, string user = "octocat")
    {
        lock (_gate)
        {
            var id = _nextId++;
            var created = Epoch.AddMinutes(id - 1000);
            _comments.Add(new StoredComment(id, issue, body, user, created, created));
            return id;
        }
    }

    /// <summary>Called with each request as it arrives, before it is answered.</summary>
    public Action<RecordedRequest>? OnRequest { get; set; }

    /// <summary>The token the server accepts (default <see cref="Token"/>).</summary>
    public string AcceptedToken { get; set; } = Token;

    /// <summary>The login of <see cref="Token"/>: <c>GET /user</c> answers it when <see cref="TokenIsUser"/>, else 403 as
    /// GitHub answers an installation token; GraphQL's viewer names it (without <c>[bot]</c>, as GraphQL does); the
    /// comments the token creates are by it.</summary>
    public string TokenLogin { get; set; } = BotLogin;

    /// <summary>The token is a person's (a PAT): <c>GET /user</c> answers.</summary>
    public bool TokenIsUser { get; set; }

    /// <summary>No GraphQL endpoint (404), as on a server that has none.</summary>
    public bool NoGraphQL { get; set; }

    /// <summary>Each answer waits this long first, so that concurrent runs interleave.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Where a Link or a redirect sends the client in <see cref="Failure.NextPageElsewhere"/> and
    /// <see cref="Failure.RedirectElsewhere"/>: another server (another port).</summary>
    public Uri? Elsewhere { get; set; }

    /// <summary>The head commit <c>GET /pulls/{number}</c> answers; without one, 404.</summary>
    public void SetPullRequestHead(int number, string sha)
    {
        lock (_gate) _heads[number] = sha;
    }

    /// <summary>Deletes a comment, as a person would.</summary>
    public void DeleteComment(long id)
    {
        lock (_gate) _comments.RemoveAll(c => c.Id == id);
    }

    /// <summary>When set, every answer carries <c>X-OAuth-Scopes</c> with this value, as GitHub's are to a classic token.</summary>
    public string? OAuthScopes { get; set; }

    /// <summary>An organisation with its members (logins) and teams (slug and name).</summary>
    public void AddOrganization(string login, IEnumerable<string> members, IEnumerable<(string Slug, string Name)> teams)
    {
        lock (_gate) _organizations[login] = ([.. members], [.. teams]);
    }

    /// <summary>A personal account (type User) with that login.</summary>
    public void AddUser(string login)
    {
        lock (_gate) _users.Add(login);
    }

    public void SetPullRequestFiles(int number, params string[] files)
    {
        lock (_gate) _files[number] = [.. files];
    }

    /// <summary>Answers the next <paramref name="times"/> requests that match with <paramref name="failure"/>.</summary>
    public void Fail(Failure failure, string? method = null, string? pathContains = null, int times = int.MaxValue, int retryAfterSeconds = 1)
    {
        lock (_gate) _failures.Add(new FailureRule(method, pathContains, failure, retryAfterSeconds) { Remaining = times });
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var recorded = new RecordedRequest(
            request.Method, request.Path.Value + request.QueryString.Value, body,
            request.Headers.Authorization.ToString(), request.ContentType, request.Headers.UserAgent.ToString(), DateTimeOffset.UtcNow);
        OnRequest?.Invoke(recorded);
        FailureRule? failure;
        lock (_gate)
        {
            _requests.Add(recorded);
            failure = _failures.FirstOrDefault(rule => rule.Remaining > 0 && rule.Matches(recorded));
            if (failure is not null) failure.Remaining--;
        }

        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, http.RequestAborted);
        if (OAuthScopes is { } scopes) http.Response.Headers["X-OAuth-Scopes"] = scopes;
        if (failure is { Failure: Failure.Slow })
        {
            await Task.Delay(TimeSpan.FromSeconds(failure.RetryAfterSeconds), http.RequestAborted);
        }
        else if (failure is not null)
        {
            await FailAsync(http, failure, recorded);
            return;
        }

        if (recorded.Authorization != $"Token {AcceptedToken}")
        {
            await JsonAsync(http, 401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" });
            return;
        }

        await RouteAsync(http, recorded);
    }

    private async Task RouteAsync(HttpContext http, RecordedRequest request)
    {
        var path = http.Request.Path.Value ?? "";
        var method = request.Method;
        if (IssueComments().Match(path) is { Success: true } list)
        {
            var issue = int.Parse(list.Groups[3].Value, CultureInfo.InvariantCulture);
            if (method == "GET") await ListCommentsAsync(http, list.Groups[1].Value, list.Groups[2].Value, issue);
            else if (method == "POST") await CreateCommentAsync(http, list.Groups[1].Value, list.Groups[2].Value, issue, request.Body);
            else await NotFoundAsync(http);
            return;
        }

        if (Comment().Match(path) is { Success: true } one)
        {
            var id = long.Parse(one.Groups[3].Value, CultureInfo.InvariantCulture);
            if (method == "PATCH") await UpdateCommentAsync(http, one.Groups[1].Value, one.Groups[2].Value, id, request.Body);
            else if (method == "DELETE") await DeleteCommentAsync(http, id);
            else await NotFoundAsync(http);
            return;
        }

        if (CheckRunsPath().Match(path) is { Success: true } && method == "POST")
        {
            await CreateCheckRunAsync(http, request.Body);
            return;
        }

        if (CheckRunPath().Match(path) is { Success: true } run && method == "PATCH")
        {
            await UpdateCheckRunAsync(http, long.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture), request.Body);
            return;
        }

        if (PullFiles().Match(path) is { Success: true } files && method == "GET")
        {
            await ListFilesAsync(http, int.Parse(files.Groups[3].Value, CultureInfo.InvariantCulture));
            return;
        }

        if (OrganizationList().Match(path) is { Success: true } organization && method == "GET")
        {
            await ListOrganizationAsync(http, organization.Groups[1].Value, organization.Groups[2].Value);
            return;
        }

        if (path == "/api/v3/user" && method == "GET")
        {
            if (TokenIsUser) await JsonAsync(http, 200, AccountJson(TokenLogin, 4100, "User"));
            else await JsonAsync(http, 403, Error("Resource not accessible by integration"));
            return;
        }

        if (path == "/api/graphql" && method == "POST" && !NoGraphQL)
        {
            var login = TokenLogin.EndsWith("[bot]", StringComparison.Ordinal) ? TokenLogin[..^5] : TokenLogin;
            await JsonAsync(http, 200, new JsonObject { ["data"] = new JsonObject { ["viewer"] = new JsonObject { ["login"] = login } } });
            return;
        }

        if (PullPath().Match(path) is { Success: true } pull && method == "GET")
        {
            await PullRequestAsync(http, pull.Groups[1].Value, pull.Groups[2].Value, int.Parse(pull.Groups[3].Value, CultureInfo.InvariantCulture));
            return;
        }

        if (UserPath().Match(path) is { Success: true } user && method == "GET")
        {
            await GetAccountAsync(http, user.Groups[1].Value);
            return;
        }

        await NotFoundAsync(http);
    }

    private async Task PullRequestAsync(HttpContext http, string owner, string name, int number)
    {
        string? head;
        lock (_gate) head = _heads.GetValueOrDefault(number);
        if (head is null)
        {
            await NotFoundAsync(http);
            return;
        }

        var reference = new JsonObject { ["sha"] = head, ["ref"] = "topic", ["label"] = $"{owner}:topic" };
        await JsonAsync(http, 200, new JsonObject
        {
            ["id"] = 9000 + number,
            ["number"] = number,
            ["state"] = "open",
            ["title"] = "A pull request",
            ["url"] = $"{Url}api/v3/repos/{owner}/{name}/pulls/{number}",
            ["html_url"] = $"{Url}{owner}/{name}/pull/{number}",
            ["head"] = reference,
            ["base"] = new JsonObject { ["sha"] = "0000000000000000000000000000000000000000", ["ref"] = "main", ["label"] = $"{owner}:main" },
            ["user"] = new JsonObject { ["login"] = "octocat", ["id"] = 1, ["type"] = "User" },
            ["created_at"] = Epoch.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["updated_at"] = Epoch.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        });
    }

    private async Task ListCommentsAsync(HttpContext http, string owner, string name, int issue)
    {
        List<StoredComment> all;
        lock (_gate) all = [.. _comments.Where(c => c.Issue == issue).OrderBy(c => c.Id)];
        await PagedAsync(http, [.. all.Select(c => (JsonNode)CommentJson(c, owner, name))]);
    }

    /// <summary>One page of <paramref name="all"/> (<c>per_page</c>, default 30, at most 100; <c>page</c>) with
    /// GitHub's Link header.</summary>
    private async Task PagedAsync(HttpContext http, List<JsonNode> all)
    {
        var perPage = Math.Clamp(QueryInt(http, "per_page") ?? 30, 1, 100);
        var page = Math.Max(1, QueryInt(http, "page") ?? 1);
        var pages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var links = new List<string>();
        string PageUrl(int number) => $"{Url.ToString().TrimEnd('/')}{http.Request.Path.Value}?per_page={perPage}&page={number}";
        if (page < pages) links.Add($"<{PageUrl(page + 1)}>; rel=\"next\"");
        if (page < pages) links.Add($"<{PageUrl(pages)}>; rel=\"last\"");
        if (page > 1) links.Add($"<{PageUrl(1)}>; rel=\"first\"");
        if (page > 1) links.Add($"<{PageUrl(page - 1)}>; rel=\"prev\"");
        if (links.Count > 0) http.Response.Headers.Link = string.Join(", ", links);
        await JsonAsync(http, 200, new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage)]));
    }

    private async Task ListOrganizationAsync(HttpContext http, string login, string list)
    {
        List<JsonNode>? entries = null;
        lock (_gate)
        {
            if (_organizations.TryGetValue(login, out var organization))
            {
                entries = list == "members"
                    ? [.. organization.Members.Select((member, i) => (JsonNode)AccountJson(member, 5000 + i, "User"))]
                    : [.. organization.Teams.Select((team, i) => (JsonNode)TeamJson(login, team.Slug, team.Name, 7000 + i))];
            }
        }

        if (entries is null) await NotFoundAsync(http);
        else await PagedAsync(http, entries);
    }

    private async Task GetAccountAsync(HttpContext http, string login)
    {
        bool user, organization;
        lock (_gate)
        {
            user = _users.Contains(login);
            organization = _organizations.ContainsKey(login);
        }

        if (!user && !organization) await NotFoundAsync(http);
        else await JsonAsync(http, 200, AccountJson(login, 4000, user ? "User" : "Organization"));
    }

    private JsonObject AccountJson(string login, int id, string type) => new()
    {
        ["login"] = login,
        ["id"] = id,
        ["node_id"] = $"U_{id}",
        ["type"] = type,
        ["site_admin"] = false,
        ["url"] = $"{Url}api/v3/users/{login}",
        ["html_url"] = $"{Url}{login}",
    };

    private JsonObject TeamJson(string organization, string slug, string name, int id) => new()
    {
        ["id"] = id,
        ["node_id"] = $"T_{id}",
        ["slug"] = slug,
        ["name"] = name,
        ["description"] = null,
        ["privacy"] = "closed",
        ["permission"] = "pull",
        ["url"] = $"{Url}api/v3/organizations/1/team/{id}",
        ["html_url"] = $"{Url}orgs/{organization}/teams/{slug}",
        ["members_url"] = $"{Url}api/v3/organizations/1/team/{id}/members{{/member}}",
        ["repositories_url"] = $"{Url}api/v3/organizations/1/team/{id}/repos",
    };

    private async Task CreateCommentAsync(HttpContext http, string owner, string name, int issue, string body)
    {
        if (ReadString(body, "body") is not { } text)
        {
            await UnprocessableAsync(http);
            return;
        }

        StoredComment comment;
        lock (_gate)
        {
            var id = _nextId++;
            var created = Epoch.AddMinutes(id - 1000);
            comment = new StoredComment(id, issue, text, TokenLogin, created, created);
            _comments.Add(comment);
        }

        await JsonAsync(http, 201, CommentJson(comment, owner, name));
    }

    private async Task UpdateCommentAsync(HttpContext http, string owner, string name, long id, string body)
    {
        if (ReadString(body, "body") is not { } text)
        {
            await UnprocessableAsync(http);
            return;
        }

        StoredComment? updated = null;
        lock (_gate)
        {
            var index = _comments.FindIndex(c => c.Id == id);
            if (index >= 0)
            {
                updated = _comments[index] with { Body = text, UpdatedAt = _comments[index].UpdatedAt.AddSeconds(1), Updates = _comments[index].Updates + 1 };
                _comments[index] = updated;
            }
        }

        if (updated is null) await NotFoundAsync(http);
        else await JsonAsync(http, 200, CommentJson(updated, owner, name));
    }

    private async Task DeleteCommentAsync(HttpContext http, long id)
    {
        bool removed;
        lock (_gate) removed = _comments.RemoveAll(c => c.Id == id) > 0;
        if (!removed)
        {
            await NotFoundAsync(http);
            return;
        }

        http.Response.StatusCode = 204;
    }

    private async Task CreateCheckRunAsync(HttpContext http, string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        StoredCheckRun run;
        lock (_gate)
        {
            run = new StoredCheckRun(_nextId++, (string)json["name"]!, (string)json["head_sha"]!);
            Apply(run, json);
            _checkRuns.Add(run);
        }

        await JsonAsync(http, 201, CheckRunJson(run));
    }

    private async Task UpdateCheckRunAsync(HttpContext http, long id, string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        StoredCheckRun? run;
        lock (_gate)
        {
            run = _checkRuns.FirstOrDefault(r => r.Id == id);
            if (run is not null) Apply(run, json);
        }

        if (run is null) await NotFoundAsync(http);
        else await JsonAsync(http, 200, CheckRunJson(run));
    }

    private static void Apply(StoredCheckRun run, JsonObject json)
    {
        if (json["status"] is { } status) run.Status = (string)status!;
        if (json["conclusion"] is { } conclusion) run.Conclusion = (string?)conclusion;
        if (json["output"] is JsonObject output)
        {
            run.Title = (string?)output["title"];
            run.Summary = (string?)output["summary"];
            if (output["annotations"] is JsonArray annotations) run.Annotations.AddRange(annotations.Select(a => a!.DeepClone().AsObject()));
        }
    }

    private async Task ListFilesAsync(HttpContext http, int number)
    {
        List<string> files;
        lock (_gate) files = _files.TryGetValue(number, out var known) ? [.. known] : [];
        var array = new JsonArray([.. files.Select(file => (JsonNode)new JsonObject
        {
            ["sha"] = "0000000000000000000000000000000000000000",
            ["filename"] = file,
            ["status"] = "modified",
            ["additions"] = 1,
            ["deletions"] = 0,
            ["changes"] = 1,
        })]);
        await JsonAsync(http, 200, array);
    }

    private async Task FailAsync(HttpContext http, FailureRule rule, RecordedRequest request)
    {
        var retryAfter = rule.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        switch (rule.Failure)
        {
            case Failure.ResourceNotAccessible:
                await JsonAsync(http, 403, Error("Resource not accessible by integration"));
                break;
            case Failure.Unprocessable:
                await UnprocessableAsync(http);
                break;
            case Failure.BadGateway:
                http.Response.Headers.RetryAfter = retryAfter;
                await JsonAsync(http, 502, Error("Server Error"));
                break;
            case Failure.BadGatewayWithoutRetryAfter:
                await JsonAsync(http, 502, Error("Server Error"));
                break;
            case Failure.TooManyRequests:
                http.Response.Headers.RetryAfter = retryAfter;
                await JsonAsync(http, 429, Error("Too many requests"));
                break;
            case Failure.SecondaryRateLimit:
                http.Response.Headers.RetryAfter = retryAfter;
                await JsonAsync(http, 403, Error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again."));
                break;
            case Failure.SecondaryRateLimitWithoutRetryAfter:
                await JsonAsync(http, 403, Error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again."));
                break;
            case Failure.PrimaryRateLimit:
                http.Response.Headers["x-ratelimit-limit"] = "1000";
                http.Response.Headers["x-ratelimit-remaining"] = "0";
                http.Response.Headers["x-ratelimit-reset"] = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + rule.RetryAfterSeconds).ToString(CultureInfo.InvariantCulture);
                await JsonAsync(http, 403, Error("API rate limit exceeded for installation ID 1."));
                break;
            case Failure.MalformedJson:
                http.Response.StatusCode = request.Method == "POST" ? 201 : 200;
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync("{\"id\": 12, \"body\": \"trunc", http.RequestAborted);
                break;
            case Failure.Unauthorized:
                await JsonAsync(http, 401, Error("Bad credentials"));
                break;
            case Failure.NotFound:
                await NotFoundAsync(http);
                break;
            case Failure.EchoAuthorization:
                // A hostile or broken server that repeats the credentials back: they must not reach any output.
                http.Response.Headers.RetryAfter = "0";
                await JsonAsync(http, 502, Error($"upstream refused {request.Authorization} for {request.Path}"));
                break;
            case Failure.Hang:
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case Failure.StallBody:
                // Headers and the start of a body, then nothing for 400 s (until the client gives up).
                http.Response.StatusCode = 200;
                http.Response.ContentType = "application/json; charset=utf-8";
                http.Response.ContentLength = 1000;
                await http.Response.WriteAsync("[", http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
                await Task.Delay(TimeSpan.FromSeconds(400), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                http.Abort();
                break;
            case Failure.EchoToken:
                // The token echoed in every form a careless server might: raw, after Bearer, as basic auth, encoded.
                var token = request.Authorization.StartsWith("Token ", StringComparison.Ordinal) ? request.Authorization[6..] : request.Authorization;
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
                await JsonAsync(http, 422, new JsonObject
                {
                    ["message"] = $"Validation Failed for {token}: Authorization: {request.Authorization}; Bearer {token}; Basic {basic}; {Uri.EscapeDataString(token)}",
                    ["errors"] = new JsonArray(new JsonObject { ["resource"] = "IssueComment", ["code"] = "custom", ["message"] = token }),
                });
                break;
            case Failure.TooManyRequestsWithoutRetryAfter:
                await JsonAsync(http, 429, Error("Too many requests"));
                break;
            case Failure.EmptyObject:
                await JsonAsync(http, 200, new JsonObject());
                break;
            case Failure.EmptyBody:
                http.Response.StatusCode = 200;
                http.Response.ContentType = "application/json; charset=utf-8";
                break;
            case Failure.EndlessPages:
                {
                    var page = QueryInt(http, "page") ?? 1;
                    http.Response.Headers.Link = $"<{Url.ToString().TrimEnd('/')}{http.Request.Path.Value}?per_page=100&page={page + 1}>; rel=\"next\"";
                    await JsonAsync(http, 200, new JsonArray());
                    break;
                }

            case Failure.NextPageElsewhere:
                http.Response.Headers.Link = $"<{Elsewhere!.ToString().TrimEnd('/')}{http.Request.Path.Value}?per_page=100&page=2>; rel=\"next\"";
                await JsonAsync(http, 200, new JsonArray());
                break;
            case Failure.RedirectElsewhere:
                http.Response.StatusCode = 307;
                http.Response.Headers.Location = $"{Elsewhere!.ToString().TrimEnd('/')}{http.Request.Path.Value}{http.Request.QueryString.Value}";
                break;
            case Failure.Vanish:
                {
                    // The comment is deleted (by a person, by a racing run) just before this request reaches it.
                    if (Comment().Match(http.Request.Path.Value ?? "") is { Success: true } match)
                        DeleteComment(long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
                    await NotFoundAsync(http);
                    break;
                }
            default:
                throw new InvalidOperationException(rule.Failure.ToString());
        }
    }

    private JsonObject CommentJson(StoredComment comment, string owner, string name) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = $"IC_{comment.Id}",
        ["url"] = $"{Url}api/v3/repos/{owner}/{name}/issues/comments/{comment.Id}",
        ["html_url"] = $"{Url}{owner}/{name}/pull/{comment.Issue}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{Url}api/v3/repos/{owner}/{name}/issues/{comment.Issue}",
        ["body"] = comment.Body,
        ["user"] = new JsonObject { ["login"] = comment.User, ["id"] = 41898282, ["type"] = comment.User.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
        ["created_at"] = comment.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["updated_at"] = comment.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["author_association"] = "NONE",
    };

    private JsonObject CheckRunJson(StoredCheckRun run) => new()
    {
        ["id"] = run.Id,
        ["node_id"] = $"CR_{run.Id}",
        ["head_sha"] = run.HeadSha,
        ["name"] = run.Name,
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["url"] = $"{Url}api/v3/repos/acme/planning/check-runs/{run.Id}",
        ["html_url"] = $"{Url}acme/planning/runs/{run.Id}",
        ["started_at"] = Epoch.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["output"] = new JsonObject { ["title"] = run.Title, ["summary"] = run.Summary, ["annotations_count"] = run.Annotations.Count },
        ["pull_requests"] = new JsonArray(),
    };

    private static JsonObject Error(string message) =>
        new() { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" };

    private static Task NotFoundAsync(HttpContext http) => JsonAsync(http, 404, Error("Not Found"));

    private static Task UnprocessableAsync(HttpContext http) =>
        JsonAsync(http, 422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["resource"] = "IssueComment", ["code"] = "custom", ["message"] = "body is too long" }) });

    private static async Task JsonAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    private static int? QueryInt(HttpContext http, string key) =>
        int.TryParse(http.Request.Query[key].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? ReadString(string json, string key)
    {
        try
        {
            return JsonNode.Parse(json)?[key]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^/api/v3/repos/([^/]+)/([^/]+)/issues/(\d+)/comments$")]
    private static partial Regex IssueComments();

    [GeneratedRegex(@"^/api/v3/repos/([^/]+)/([^/]+)/issues/comments/(\d+)$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^/api/v3/repos/([^/]+)/([^/]+)/check-runs$")]
    private static partial Regex CheckRunsPath();

    [GeneratedRegex(@"^/api/v3/repos/([^/]+)/([^/]+)/check-runs/(\d+)$")]
    private static partial Regex CheckRunPath();

    [GeneratedRegex(@"^/api/v3/repos/([^/]+)/([^/]+)/pulls/(\d+)/files$")]
    private static partial Regex PullFiles();

    [GeneratedRegex(@"^/api/v3/orgs/([^/]+)/(members|teams)$")]
    private static partial Regex OrganizationList();

    [GeneratedRegex(@"^/api/v3/repos/([^/]+)/([^/]+)/pulls/(\d+)$")]
    private static partial Regex PullPath();

    [GeneratedRegex(@"^/api/v3/users/([^/]+)$")]
    private static partial Regex UserPath();

    private sealed record FailureRule(string? Method, string? PathContains, Failure Failure, int RetryAfterSeconds)
    {
        public int Remaining { get; set; }

        public bool Matches(RecordedRequest request) =>
            (Method is null || Method == request.Method) && (PathContains is null || request.Path.Contains(PathContains, StringComparison.Ordinal));
    }
}

/// <summary>How <see cref="FakeGitHub"/> fails a request, as GitHub does.</summary>
public enum Failure
{
    /// <summary>403 "Resource not accessible by integration": a fork's or a read-only token.</summary>
    ResourceNotAccessible,

    /// <summary>422 Validation Failed.</summary>
    Unprocessable,

    /// <summary>502 with Retry-After.</summary>
    BadGateway,

    BadGatewayWithoutRetryAfter,

    /// <summary>429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>403 "You have exceeded a secondary rate limit" with Retry-After.</summary>
    SecondaryRateLimit,

    SecondaryRateLimitWithoutRetryAfter,

    /// <summary>403 with x-ratelimit-remaining: 0 and x-ratelimit-reset in RetryAfterSeconds.</summary>
    PrimaryRateLimit,

    /// <summary>200/201 with a truncated JSON body.</summary>
    MalformedJson,

    /// <summary>401 Bad credentials.</summary>
    Unauthorized,

    NotFound,

    /// <summary>502 whose message repeats the request's Authorization header.</summary>
    EchoAuthorization,

    /// <summary>No answer for 30 s (until the client gives up).</summary>
    Hang,

    /// <summary>200 with headers and the first byte of the body, then a stall of 400 s.</summary>
    StallBody,

    /// <summary>422 whose message repeats the token raw, after Bearer, as basic auth and URL-encoded.</summary>
    EchoToken,

    /// <summary>429 without Retry-After.</summary>
    TooManyRequestsWithoutRetryAfter,

    /// <summary>200 with <c>{}</c> where a list belongs.</summary>
    EmptyObject,

    /// <summary>200 with no body at all.</summary>
    EmptyBody,

    /// <summary>An empty page whose Link always has a next page.</summary>
    EndlessPages,

    /// <summary>An empty page whose Link's next page is on <see cref="FakeGitHub.Elsewhere"/>.</summary>
    NextPageElsewhere,

    /// <summary>307 to the same path on <see cref="FakeGitHub.Elsewhere"/>.</summary>
    RedirectElsewhere,

    /// <summary>The comment addressed is deleted, and the answer is 404.</summary>
    Vanish,

    /// <summary>The right answer, after RetryAfterSeconds.</summary>
    Slow,
}

/// <summary>One request as the server received it; <paramref name="Body"/> is raw.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Body, string Authorization, string? ContentType, string UserAgent, DateTimeOffset At = default)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A comment the server holds.</summary>
internal sealed record StoredComment(long Id, int Issue, string Body, string User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Updates = 0);

/// <summary>A check run the server holds, with every annotation sent to it.</summary>
internal sealed class StoredCheckRun(long id, string name, string headSha)
{
    public long Id { get; } = id;

    public string Name { get; } = name;

    public string HeadSha { get; } = headSha;

    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<JsonObject> Annotations { get; } = [];
}
