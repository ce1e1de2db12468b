using BacklogLint.Core.Model;
using Octokit;

namespace BacklogLint.GitHub;

/// <summary>The people and teams of a GitHub organisation, for <c>--verify-owners</c>: its teams (GET
/// <c>/orgs/{org}/teams</c>) and members (GET <c>/orgs/{org}/members</c>), every page of 100, listed once per instance
/// (one run) however often they are asked for. The outcome is either the whole of both lists or "unavailable" with one
/// sentence saying why — never a partial list, which would make every owner it lacks look unknown.</summary>
/// <remarks>A partial list is the danger: GitHub answers a token that may not see the organisation's concealed
/// members with its public members only (200). So the teams are listed first — GitHub refuses them (403) to a token
/// without the organisation's Members permission (an app's or the workflow's token, a fine-grained token) and to a
/// non-member — and a classic token must carry <c>read:org</c> (or <c>write:org</c>, <c>admin:org</c>) in
/// <c>X-OAuth-Scopes</c>.</remarks>
public sealed class OrganizationDirectory
{
    /// <summary>GitHub's largest page.</summary>
    public const int PageSize = 100;

    /// <summary>At most this many pages per list (100,000 entries): a server that keeps sending "next" is not followed for ever.</summary>
    public const int MaxPages = 1000;

    public const string CannotVerify = "cannot verify owners with this token (it needs read:org, or the organisation hides its members).";

    private static readonly string[] OrganizationScopes = ["read:org", "write:org", "admin:org"];

    private readonly IGitHubClient? _client;
    private readonly Func<string, string> _redact;
    private readonly Lock _gate = new();
    private Task<OrganizationListing>? _listing;

    /// <param name="client">null when there is no token.</param>
    /// <param name="organization">The organisation's login; null or empty when there is none to ask about.</param>
    /// <param name="redact">Removes the token from text (a reason quotes GitHub's answer, cleaned).</param>
    public OrganizationDirectory(IGitHubClient? client, string? organization, Func<string, string>? redact = null)
    {
        _client = client;
        Organization = organization?.Trim().TrimStart('@') ?? "";
        _redact = redact ?? (text => text);
    }

    /// <summary>The organisation whose people and teams are listed; empty when there is none.</summary>
    public string Organization { get; }

    /// <summary>A directory that talks to <paramref name="apiUrl"/> (<c>GITHUB_API_URL</c>, as given) with the client
    /// every other call uses: <see cref="GitHubClientFactory"/> and <see cref="GitHubRetryHandler"/>.</summary>
    public static OrganizationDirectory Connect(Uri apiUrl, string? token, string? organization, string toolVersion)
    {
        if (string.IsNullOrWhiteSpace(token)) return new OrganizationDirectory(null, organization);
        // The HTTP layer waits in real time, whatever --now says.
        var client = GitHubClientFactory.Create(apiUrl, token.Trim(), toolVersion, new GitHubRetryHandler(RetryPolicy.Default, TimeProvider.System));
        return new OrganizationDirectory(client, organization, new Reporting.SecretRedactor([token]).Redact);
    }

    /// <summary>The organisation's people and teams; the first call asks GitHub, every later one gets the same answer.</summary>
    public Task<OrganizationListing> ListAsync()
    {
        lock (_gate) return _listing ??= LoadAsync();
    }

    private async Task<OrganizationListing> LoadAsync()
    {
        if (Organization.Length == 0)
            return new OrganizationListing("", null, null, "Owners were not verified: there is no GitHub organisation to verify them against (pass --org NAME, or set GITHUB_REPOSITORY).");
        if (_client is null) return Unavailable("there is no GitHub token (set GITHUB_TOKEN or pass --token).");

        var action = "list the organisation's teams";
        try
        {
            var escaped = Uri.EscapeDataString(Organization);
            var teams = await GetAllAsync<Team>($"orgs/{escaped}/teams").ConfigureAwait(false);
            action = "list the organisation's members";
            var members = await GetAllAsync<User>($"orgs/{escaped}/members").ConfigureAwait(false);
            return new OrganizationListing(
                Organization,
                members.Select(member => member.Login).OfType<string>().Select(Party.Normalize).ToHashSet(StringComparer.Ordinal),
                teams.SelectMany(team => new[] { team.Slug, team.Name }).OfType<string>().Select(Party.Normalize).ToHashSet(StringComparer.Ordinal),
                null)
            {
                TeamCount = teams.Count,
            };
        }
        catch (NotFoundException)
        {
            return await IsUserAsync().ConfigureAwait(false)
                ? new OrganizationListing(Organization, null, null, $"Owners were not verified: '{Organization}' is a GitHub user, not an organisation, so it has no members or teams (name the organisation with --org).")
                : Unavailable(CannotVerify);
        }
        catch (MissingScopeException)
        {
            return Unavailable(CannotVerify);
        }
        catch (Exception e) when (GitHubFailure.IsPermissionDenied(e))
        {
            return Unavailable(CannotVerify);
        }
        catch (AuthorizationException)
        {
            return Unavailable("GitHub refused the token (401 Unauthorized).");
        }
        catch (Exception e)
        {
            return Unavailable(GitHubFailure.Describe(e, action, _redact));
        }
    }

    private OrganizationListing Unavailable(string why) =>
        new(Organization, null, null, _redact($"Owners were not verified against the GitHub organisation '{Organization}': {why}"));

    /// <summary>Every page of a list, following GitHub's <c>Link: rel="next"</c> on the API's own host.</summary>
    private async Task<List<T>> GetAllAsync<T>(string path)
    {
        var all = new List<T>();
        var next = new Uri(path, UriKind.Relative);
        IDictionary<string, string> parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["per_page"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (var page = 0; ; page++)
        {
            if (page == MaxPages) throw new InvalidDataException($"more than {MaxPages} pages");
            var response = await _client!.Connection.Get<List<T>>(next, parameters).ConfigureAwait(false);
            if (page == 0 && LacksOrganizationScope(response.HttpResponse)) throw new MissingScopeException();
            all.AddRange(response.Body ?? []);
            if (response.HttpResponse.ApiInfo?.GetNextPageUrl() is not { } link) return all;
            // The token goes wherever "next" points: only ever to the API's own server.
            if (link.IsAbsoluteUri && Uri.Compare(link, _client.Connection.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                throw new InvalidDataException("a next page on another server");
            next = link;
            parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    /// <summary>A classic token or OAuth app says its scopes in <c>X-OAuth-Scopes</c>; without one of the
    /// organisation's scopes GitHub shows it the public members alone. (App and fine-grained tokens send no such header.)</summary>
    private static bool LacksOrganizationScope(IResponse response)
    {
        var header = response.Headers.FirstOrDefault(entry => string.Equals(entry.Key, "X-OAuth-Scopes", StringComparison.OrdinalIgnoreCase));
        if (header.Key is null) return false;
        var scopes = (header.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return !scopes.Any(scope => OrganizationScopes.Contains(scope, StringComparer.OrdinalIgnoreCase));
    }

    private async Task<bool> IsUserAsync()
    {
        try
        {
            var account = await _client!.User.Get(Organization).ConfigureAwait(false);
            return account.Type == AccountType.User;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The token lacks the scope to see concealed members.</summary>
    private sealed class MissingScopeException : Exception
    {
        public MissingScopeException()
            : base("X-OAuth-Scopes has no organisation scope")
        {
        }
    }
}

/// <summary>What <see cref="OrganizationDirectory"/> found: the organisation's people and teams (normalized as
/// <see cref="Party.Normalize"/> does; teams by slug and by name), or, when they could not be listed in full, the one
/// sentence that says why (<see cref="Reason"/>).</summary>
public sealed class OrganizationListing
{
    private readonly IReadOnlySet<string> _people;
    private readonly IReadOnlySet<string> _teams;

    internal OrganizationListing(string organization, IReadOnlySet<string>? people, IReadOnlySet<string>? teams, string? reason)
    {
        Organization = organization;
        _people = people ?? new HashSet<string>();
        _teams = teams ?? new HashSet<string>();
        Reason = people is null || teams is null ? reason ?? "Owners were not verified." : null;
    }

    public string Organization { get; }

    /// <summary>Both lists were read in full.</summary>
    public bool IsAvailable => Reason is null;

    /// <summary>Why the organisation could not be listed, as one sentence for a notice; null when it was.</summary>
    public string? Reason { get; }

    /// <summary>The phrase findings use for the organisation.</summary>
    public string Description => $"the GitHub organisation '{Organization}'";

    public int PeopleCount => _people.Count;

    /// <summary>How many teams were listed (each is known by its slug and its name).</summary>
    public int TeamCount { get; internal init; }

    /// <summary>Whether the organisation has <paramref name="party"/>: a team among its teams, a person among its
    /// members, either for a bare name. Null when unavailable, and for another organisation's team
    /// (<c>@other/team</c>), which this listing cannot judge.</summary>
    public bool? Exists(string party, PartyKind kind)
    {
        if (!IsAvailable) return null;
        var text = party.Trim().TrimStart('@');
        var slash = text.LastIndexOf('/');
        if (slash >= 0 && !string.Equals(text[..slash].Trim(), Organization, StringComparison.OrdinalIgnoreCase)) return null;
        var name = Party.Normalize(party);
        return kind switch
        {
            PartyKind.Team => _teams.Contains(name),
            PartyKind.Person => _people.Contains(name),
            _ => _teams.Contains(name) || _people.Contains(name),
        };
    }

    /// <summary><paramref name="repository"/> with its roster verified against the organisation; unchanged when the
    /// listing is unavailable, so that the rules see exactly what they would without verification.</summary>
    public PlanningRepository ApplyTo(PlanningRepository repository) =>
        IsAvailable ? repository.WithRoster(repository.Roster.WithVerification(Description, Exists)) : repository;
}
