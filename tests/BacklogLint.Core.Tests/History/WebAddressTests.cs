using BacklogLint.Core.History;

namespace BacklogLint.Core.Tests.History;

public sealed class WebAddressTests
{
    [Theory]
    [InlineData("https://github.com/acme/planning.git", null, "https://github.com/acme/planning")]
    [InlineData("https://github.com/acme/planning", null, "https://github.com/acme/planning")]
    [InlineData("https://x-access-token:secret@github.com/acme/planning.git", null, "https://github.com/acme/planning")]
    [InlineData("git@github.com:acme/planning.git", null, "https://github.com/acme/planning")]
    [InlineData("ssh://git@github.com/acme/plan.ning", null, "https://github.com/acme/plan.ning")]
    [InlineData("git@ghe.example.com:acme/planning.git", "https://ghe.example.com", "https://ghe.example.com/acme/planning")]
    [InlineData("https://ghe.example.com/acme/planning.git", "https://ghe.example.com/", "https://ghe.example.com/acme/planning")]
    public void A_remote_on_GitHub_or_the_given_server_has_its_web_address(string remote, string? server, string expected) =>
        WebAddress.FromRemote(remote, server).ShouldBe(expected);

    [Theory]
    [InlineData("https://gitlab.com/acme/planning.git")] // other forges lay out their links otherwise
    [InlineData("git@ghe.example.com:acme/planning.git")] // a server nobody named
    [InlineData("https://github.com/acme")]
    [InlineData("https://github.com/acme/planning/extra")]
    [InlineData("https://github.com/acme/plan%20ning")]
    [InlineData("/srv/git/planning.git")]
    [InlineData("")]
    public void Any_other_remote_has_none(string remote) => WebAddress.FromRemote(remote).ShouldBeNull();

    [Fact]
    public void The_Actions_environment_comes_first()
    {
        using var repository = Testing.TestRepository.Create();
        repository.Write("a.md", "x");
        var head = repository.Commit("2026-11-01");

        WebAddress.Find(repository.Path, "https://github.com", "acme/planning").ShouldBe(new WebAddress("https://github.com/acme/planning", head));
        WebAddress.Find(repository.Path, null, null).ShouldBeNull(); // no origin
        WebAddress.Find(null, "https://github.com", "acme/planning").ShouldBeNull();
    }
}
