namespace BacklogLint.GitHub.Tests;

public sealed class ActionsContextTests
{
    [Fact]
    public void Context_keeps_the_api_url()
    {
        new ActionsContext("acme/planning", "http://127.0.0.1:1/").ApiUrl.ShouldBe("http://127.0.0.1:1/");
    }
}
