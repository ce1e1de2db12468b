using BacklogLint.Core.Model;

namespace BacklogLint.GitHub.Tests;

/// <summary>Listing an organisation's people and teams against the loopback GitHub: every page, once per run, and
/// one reason — never a partial list — when the token may not see them.</summary>
public sealed class OrganizationDirectoryTests : IAsyncLifetime
{
    private FakeGitHub _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private OrganizationDirectory Directory(string organization = "acme", List<TimeSpan>? waits = null) =>
        new(GitHubApi.Client(_server, waits), organization);

    private void Acme(int members = 3) => _server.AddOrganization(
        "acme",
        ["alice", "Bob", "dave", .. Enumerable.Range(4, Math.Max(0, members - 3)).Select(i => $"member-{i}")],
        [("payments", "Payments"), ("site-reliability", "SRE")]);

    [Fact]
    public async Task Lists_every_page_of_members_and_the_teams_by_slug_and_name()
    {
        Acme(members: 230);

        var listing = await Directory().ListAsync();

        listing.IsAvailable.ShouldBeTrue(listing.Reason);
        listing.Reason.ShouldBeNull();
        listing.PeopleCount.ShouldBe(230);
        listing.TeamCount.ShouldBe(2);
        _server.Requests.Select(r => r.Path).ShouldBe([
            "/api/v3/orgs/acme/teams?per_page=100",
            "/api/v3/orgs/acme/members?per_page=100",
            "/api/v3/orgs/acme/members?per_page=100&page=2",
            "/api/v3/orgs/acme/members?per_page=100&page=3",
        ]);
        _server.Requests.ShouldAllBe(r => r.Method == "GET" && r.Authorization == "Token " + FakeGitHub.Token);
        listing.Exists("@member-229", PartyKind.Person).ShouldBe(true, "the last member, on the third page");
        listing.Exists("@bob", PartyKind.Person).ShouldBe(true, "logins compare case-insensitively");
        listing.Exists("@zed", PartyKind.Person).ShouldBe(false);
    }

    [Fact]
    public async Task Teams_are_checked_against_teams_and_people_against_members()
    {
        Acme();
        var listing = await Directory().ListAsync();

        listing.Exists("@acme/payments", PartyKind.Team).ShouldBe(true);
        listing.Exists("@ACME/Site-Reliability", PartyKind.Team).ShouldBe(true);
        listing.Exists("sre", PartyKind.Team).ShouldBe(true, "a team's name counts as well as its slug");
        listing.Exists("@acme/platform", PartyKind.Team).ShouldBe(false);
        listing.Exists("alice", PartyKind.Team).ShouldBe(false, "a person is no team");
        listing.Exists("@payments", PartyKind.Person).ShouldBe(false, "a team is no person");
        listing.Exists("payments", PartyKind.PersonOrTeam).ShouldBe(true);
        listing.Exists("alice", PartyKind.PersonOrTeam).ShouldBe(true);
        listing.Exists("billing", PartyKind.PersonOrTeam).ShouldBe(false);
        listing.Exists("@other/payments", PartyKind.Team).ShouldBeNull("another organisation's team is not for this listing to judge");
        listing.Description.ShouldBe("the GitHub organisation 'acme'");
    }

    [Fact]
    public async Task Lists_once_per_run_however_often_it_is_asked()
    {
        Acme(members: 150);
        var directory = Directory();

        var first = await directory.ListAsync();
        var requests = _server.Requests.Count;
        var again = await Task.WhenAll(directory.ListAsync(), directory.ListAsync());

        requests.ShouldBe(3);
        _server.Requests.Count.ShouldBe(requests, "the second and third queries send no request");
        again.ShouldAllBe(listing => ReferenceEquals(listing, first));
    }

    [Fact]
    public async Task A_token_that_may_not_list_the_members_gives_one_reason_and_no_list()
    {
        Acme(members: 250);
        _server.Fail(Failure.ResourceNotAccessible, pathContains: "/members");

        var listing = await Directory().ListAsync();

        listing.IsAvailable.ShouldBeFalse();
        listing.Reason.ShouldBe("Owners were not verified against the GitHub organisation 'acme': cannot verify owners with this token (it needs read:org, or the organisation hides its members).");
        listing.Exists("@alice", PartyKind.Person).ShouldBeNull("an unavailable listing judges nobody");
        _server.Requests.Count.ShouldBe(2, "teams, then the refused members: a 403 that is no rate limit is not retried");
    }

    [Fact]
    public async Task A_token_that_may_not_list_the_teams_gives_the_same_reason_before_any_member_is_listed()
    {
        Acme();
        _server.Fail(Failure.ResourceNotAccessible, pathContains: "/teams");

        var listing = await Directory().ListAsync();

        listing.Reason.ShouldNotBeNull().ShouldContain("cannot verify owners with this token");
        _server.Requests.ShouldHaveSingleItem().Path.ShouldStartWith("/api/v3/orgs/acme/teams");
    }

    [Theory]
    [InlineData("repo, workflow", false)]
    [InlineData("", false)]
    [InlineData("repo, read:org", true)]
    [InlineData("admin:org", true)]
    public async Task A_classic_token_needs_an_organisation_scope_since_GitHub_shows_it_public_members_only(string scopes, bool available)
    {
        Acme();
        _server.OAuthScopes = scopes;

        var listing = await Directory().ListAsync();

        listing.IsAvailable.ShouldBe(available, listing.Reason);
        if (!available)
        {
            listing.Reason.ShouldNotBeNull().ShouldContain("cannot verify owners with this token (it needs read:org");
            _server.Requests.Count.ShouldBe(1, "the first answer already says what the token may do");
        }
    }

    [Fact]
    public async Task Without_a_token_nothing_is_asked_and_the_reason_says_how_to_give_one()
    {
        Acme();

        var listing = await new OrganizationDirectory(null, "acme").ListAsync();

        listing.IsAvailable.ShouldBeFalse();
        listing.Reason.ShouldBe("Owners were not verified against the GitHub organisation 'acme': there is no GitHub token (set GITHUB_TOKEN or pass --token).");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_an_organisation_nothing_is_asked()
    {
        var listing = await Directory(organization: " ").ListAsync();

        listing.Reason.ShouldNotBeNull().ShouldContain("there is no GitHub organisation to verify them against (pass --org NAME, or set GITHUB_REPOSITORY)");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_user_account_is_not_an_organisation()
    {
        _server.AddUser("alice");

        var listing = await Directory(organization: "alice").ListAsync();

        listing.IsAvailable.ShouldBeFalse();
        listing.Reason.ShouldBe("Owners were not verified: 'alice' is a GitHub user, not an organisation, so it has no members or teams (name the organisation with --org).");
        _server.Requests.Select(r => r.Path).ShouldBe(["/api/v3/orgs/alice/teams?per_page=100", "/api/v3/users/alice"]);
    }

    [Fact]
    public async Task An_organisation_GitHub_does_not_show_is_the_token_reason()
    {
        var listing = await Directory(organization: "hidden").ListAsync();

        listing.Reason.ShouldNotBeNull().ShouldContain("cannot verify owners with this token");
        _server.Requests.Select(r => r.Path).ShouldBe(["/api/v3/orgs/hidden/teams?per_page=100", "/api/v3/users/hidden"]);
    }

    [Fact]
    public async Task A_refused_token_is_said_as_such()
    {
        Acme();

        var listing = await new OrganizationDirectory(GitHubApi.Client(_server, token: "not-the-token"), "acme").ListAsync();

        listing.Reason.ShouldBe("Owners were not verified against the GitHub organisation 'acme': GitHub refused the token (401 Unauthorized).");
    }

    [Fact]
    public async Task An_outage_is_retried_then_said_once()
    {
        Acme();
        var waits = new List<TimeSpan>();
        _server.Fail(Failure.BadGateway, pathContains: "/members");

        var listing = await Directory(waits: waits).ListAsync();

        listing.Reason.ShouldBe("Owners were not verified against the GitHub organisation 'acme': GitHub failed to list the organisation's members (502 Bad Gateway), also after retrying.");
        _server.Requests.Count(r => r.Path.Contains("/members", StringComparison.Ordinal)).ShouldBe(4, "one request and three retries");
        waits.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_directory_connected_from_the_environment_never_prints_its_token()
    {
        const string secret = "ghs_RECOGNISABLE_directory_token_42";
        Acme();
        _server.Fail(Failure.EchoAuthorization);

        var directory = OrganizationDirectory.Connect(_server.ApiUrl, secret, "@acme", "0.0.0-test");
        var listing = await directory.ListAsync();

        directory.Organization.ShouldBe("acme");
        listing.IsAvailable.ShouldBeFalse();
        listing.Reason.ShouldNotBeNull().ShouldNotContain(secret);
        listing.Reason.ShouldNotContain("RECOGNISABLE");
        _server.Requests.ShouldAllBe(r => r.Authorization == "Token " + secret);
    }

    [Fact]
    public async Task An_available_listing_verifies_a_repository_roster_and_an_unavailable_one_leaves_it_alone()
    {
        Acme();
        var roster = new Roster { IsConfigured = true };
        roster.AddTeam("payments", ["@alice", "@zed"]);
        var repository = new PlanningRepository([], roster, Core.History.HistoryIndex.Unavailable("no git"), new HashSet<string>());
        _server.Fail(Failure.ResourceNotAccessible, times: 1);

        var unavailable = await Directory().ListAsync();
        var available = await Directory().ListAsync();

        unavailable.ApplyTo(repository).ShouldBeSameAs(repository);
        var verified = available.ApplyTo(repository).Roster;
        verified.VerifiedAgainst.ShouldBe("the GitHub organisation 'acme'");
        verified.Verification("@alice").ShouldBe(Existence.Exists);
        verified.Verification("@zed").ShouldBe(Existence.Missing);
        verified.Verification("@acme/payments").ShouldBe(Existence.Exists);
    }
}
