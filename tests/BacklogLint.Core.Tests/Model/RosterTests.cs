using BacklogLint.Core.Model;

namespace BacklogLint.Core.Tests.Model;

/// <summary>The roster's kinds of parties and its optional verification against an outside directory.</summary>
public sealed class RosterTests
{
    private static Roster Configured()
    {
        var roster = new Roster { IsConfigured = true };
        roster.AddTeam("payments", ["@alice", "@bob"]);
        roster.AddParty("@dave");
        roster.AddParty("@acme/sre");
        return roster;
    }

    [Theory]
    [InlineData("@acme/payments", PartyKind.Team)]
    [InlineData("@Payments", PartyKind.Team)]
    [InlineData("payments", PartyKind.Team)]
    [InlineData("sre", PartyKind.Team)]
    [InlineData("@acme/platform", PartyKind.Team)]
    [InlineData("@alice", PartyKind.Person)]
    [InlineData(" @zed ", PartyKind.Person)]
    [InlineData("alice", PartyKind.PersonOrTeam)]
    [InlineData("platform", PartyKind.PersonOrTeam)]
    public void KindOf_tells_teams_from_people(string party, PartyKind expected)
    {
        Configured().KindOf(party).ShouldBe(expected);
    }

    [Fact]
    public void Without_a_verification_everything_is_unknown()
    {
        var roster = Configured();

        roster.VerifiedAgainst.ShouldBeNull();
        roster.Verification("@alice").ShouldBe(Existence.Unknown);
        roster.Verification("@nobody-at-all").ShouldBe(Existence.Unknown);
    }

    [Fact]
    public void A_verified_copy_asks_the_directory_with_the_party_as_written_and_its_kind()
    {
        var asked = new List<(string, PartyKind)>();
        var roster = Configured();

        var verified = roster.WithVerification("the GitHub organisation 'acme'", (party, kind) =>
        {
            asked.Add((party, kind));
            return party switch
            {
                "@alice" or "@acme/payments" => true,
                "@other/payments" => null,
                _ => false,
            };
        });

        verified.VerifiedAgainst.ShouldBe("the GitHub organisation 'acme'");
        verified.Verification(" @alice ").ShouldBe(Existence.Exists);
        verified.Verification("@acme/payments").ShouldBe(Existence.Exists);
        verified.Verification("@bob").ShouldBe(Existence.Missing);
        verified.Verification("@other/payments").ShouldBe(Existence.Unknown);
        verified.Verification("TBD").ShouldBe(Existence.Unknown, "a placeholder is nobody, not a missing somebody");
        asked.ShouldBe([("@alice", PartyKind.Person), ("@acme/payments", PartyKind.Team), ("@bob", PartyKind.Person), ("@other/payments", PartyKind.Team)]);
    }

    [Fact]
    public void The_verified_copy_keeps_what_the_roster_knows_and_leaves_the_original_alone()
    {
        var roster = Configured();

        var verified = roster.WithVerification("a directory", (_, _) => false);
        roster.AddParty("@late");

        verified.IsConfigured.ShouldBeTrue();
        verified.IsKnown("@Bob").ShouldBeTrue();
        verified.IsMember("@alice", "@acme/payments").ShouldBeTrue();
        verified.Teams.ShouldBe(["payments"]);
        verified.IsKnown("@late").ShouldBeFalse("the copy is independent of later changes to the original");
        roster.VerifiedAgainst.ShouldBeNull();
        roster.Verification("@bob").ShouldBe(Existence.Unknown);
    }

    [Fact]
    public void A_repository_with_a_verified_roster_keeps_its_items_and_history()
    {
        var roster = Configured();
        var repository = new PlanningRepository([], roster, BacklogLint.Core.History.HistoryIndex.Unavailable("no git"), new HashSet<string>());

        var verified = repository.WithRoster(roster.WithVerification("a directory", (_, _) => true));

        verified.Roster.VerifiedAgainst.ShouldBe("a directory");
        verified.Items.ShouldBeSameAs(repository.Items);
        verified.History.ShouldBeSameAs(repository.History);
        Should.Throw<InvalidOperationException>(() => repository.Roster.AddParty("@mallory"), "a rule cannot add to who exists");
        Should.Throw<InvalidOperationException>(() => verified.Roster.AddTeam("sre", ["@mallory"]));
        verified.Files.ShouldBeSameAs(repository.Files);
        repository.Roster.VerifiedAgainst.ShouldBeNull();
    }
}
