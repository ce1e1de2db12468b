using BacklogLint.Core.Model;

namespace BacklogLint.Core.Tests.Model;

public sealed class PartyTests
{
    [Theory]
    [InlineData("@alice", "alice")]
    [InlineData("Alice", "alice")]
    [InlineData(" @Alice ", "alice")]
    [InlineData("@acme/Payments", "payments")]
    [InlineData("payments", "payments")]
    public void Normalize_drops_the_at_sign_the_organisation_and_case(string name, string expected)
    {
        Party.Normalize(name).ShouldBe(expected);
    }

    [Theory]
    [InlineData("@alice", "ALICE")]
    [InlineData("@acme/sre", "sre")]
    [InlineData("@acme/sre", "@other/SRE")]
    public void AreSame_is_true_for_the_same_party_written_differently(string a, string b)
    {
        Party.AreSame(a, b).ShouldBeTrue();
    }

    [Theory]
    [InlineData("@alice", "@alicia")]
    [InlineData("sre", "sre-oncall")]
    public void AreSame_is_false_for_different_parties(string a, string b)
    {
        Party.AreSame(a, b).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("TBD")]
    [InlineData("@tbd")]
    [InlineData("?")]
    [InlineData("none")]
    [InlineData("-")]
    [InlineData("Unassigned")]
    [InlineData("n/a")]
    public void IsPlaceholder_is_true_for_nobody(string? name)
    {
        Party.IsPlaceholder(name).ShouldBeTrue();
    }

    [Theory]
    [InlineData("@alice")]
    [InlineData("payments")]
    [InlineData("@acme/tbd-team")]
    public void IsPlaceholder_is_false_for_a_party(string name)
    {
        Party.IsPlaceholder(name).ShouldBeFalse();
    }
}
