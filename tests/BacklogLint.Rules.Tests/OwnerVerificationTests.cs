using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests;

/// <summary>BL0002 with a roster verified against a directory (<c>--verify-owners</c>): owners the roster knows but
/// the directory has not are reported, with a message naming the directory; an unverified roster adds nothing.</summary>
public sealed class OwnerVerificationTests : IDisposable
{
    private const string Organisation = "the GitHub organisation 'acme'";
    private static readonly HashSet<string> Members = ["alice", "dave"];
    private static readonly HashSet<string> OrgTeams = ["payments"];

    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    /// <summary>What the GitHub side answers: teams against teams, people against members, a bare name against both;
    /// another organisation's team is not for it to say.</summary>
    private static bool? OrgDirectory(string party, PartyKind kind)
    {
        if (party.TrimStart('@').Split('/') is [var org, _] && org != "acme") return null;
        var name = Party.Normalize(party);
        return kind switch
        {
            PartyKind.Team => OrgTeams.Contains(name),
            PartyKind.Person => Members.Contains(name),
            _ => OrgTeams.Contains(name) || Members.Contains(name),
        };
    }

    private OwnerVerificationTests Configured()
    {
        _repository.Write(BacklogLintConfig.FileName, """
            roster:
              teams:
                payments: { members: ["@alice", "@bob"] }
                sre: { members: ["@carol"] }
              people: ["@dave"]
            """);
        return this;
    }

    private OwnerVerificationTests Item(string id, string owners)
    {
        _repository.Write($"backlog/{id}.md", $"---\nid: {id}\nstatus: todo\nowners: {owners}\n---\n# {id}\n");
        return this;
    }

    private List<string> Run(bool verified)
    {
        _repository.Commit("2026-11-20");
        var location = PlanningLocation.Find(_repository.Path);
        var configPath = ConfigLoader.Find(location.Folder, location.WorkTree);
        var config = configPath is null ? new BacklogLintConfig() : new ConfigLoader(BuiltInRules.Descriptors).Load(configPath);
        var repository = RepositoryLoader.Load(location, config);
        if (verified) repository = repository.WithRoster(repository.Roster.WithVerification(Organisation, OrgDirectory));
        var now = new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        return [.. new AnalysisEngine(BuiltInRules.All).Analyze(repository, config, now)
            .Where(d => d.Id == RuleIds.OwnerNotInRoster)
            .Select(d => d.Message)];
    }

    [Fact]
    public void Owners_the_roster_knows_but_the_organisation_has_not_are_reported_with_their_own_message()
    {
        Configured()
            .Item("PAY-1", """["@zed"]""")
            .Item("PAY-2", """["@alice", "@bob", "@Bob", "@acme/payments", "@acme/sre", "@dave", "@other/sre"]""")
            .Item("PAY-3", """["sre"]""");

        Run(verified: true).ShouldBe([
            "'PAY-1' is owned by '@zed', who is not in the roster: no known team, member or person has that name",
            "'PAY-2' is owned by '@bob', who is not a member of the GitHub organisation 'acme'",
            "'PAY-2' is owned by '@acme/sre', which is not a team of the GitHub organisation 'acme'",
            "'PAY-3' is owned by 'sre', which is not a team of the GitHub organisation 'acme'",
        ], ignoreOrder: true);
    }

    [Fact]
    public void An_unverified_roster_reports_only_owners_it_does_not_know()
    {
        Configured()
            .Item("PAY-1", """["@zed"]""")
            .Item("PAY-2", """["@alice", "@bob", "@acme/payments", "@acme/sre", "@dave"]""");

        Run(verified: false).ShouldBe(["'PAY-1' is owned by '@zed', who is not in the roster: no known team, member or person has that name"]);
    }

    [Fact]
    public void Without_a_configured_roster_the_owners_named_in_the_items_are_verified()
    {
        Item("PAY-1", """["@alice", "@erin"]""").Item("PAY-2", """["payments", "billing"]""");

        Run(verified: false).ShouldBeEmpty("without a roster every owner is known, and nothing was verified");
        Run(verified: true).ShouldBe([
            "'PAY-1' is owned by '@erin', who is not a member of the GitHub organisation 'acme'",
            "'PAY-2' is owned by 'billing', who is neither a member nor a team of the GitHub organisation 'acme'",
        ], ignoreOrder: true);
    }
}
