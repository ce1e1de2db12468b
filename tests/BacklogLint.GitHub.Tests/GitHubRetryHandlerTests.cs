using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BacklogLint.GitHub.Tests;

/// <summary>The retry handler over real HTTP to <see cref="FakeGitHub"/>; waits are recorded, never slept.</summary>
public sealed class GitHubRetryHandlerTests : IAsyncLifetime
{
    private FakeGitHub _server = null!;
    private readonly List<TimeSpan> _waits = [];

    public async ValueTask InitializeAsync() => _server = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Bad_gateway_then_success_is_retried_after_Retry_After()
    {
        _server.Fail(Failure.BadGateway, times: 1, retryAfterSeconds: 2);

        var response = await SendAsync(HttpMethod.Post, "/api/v3/repos/acme/planning/issues/7/comments", """{"body":"hello"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        _waits.ShouldBe([TimeSpan.FromSeconds(2)]);
        _server.Requests.Count.ShouldBe(2);
        _server.Requests.Select(r => r.Body).ShouldBe(["""{"body":"hello"}""", """{"body":"hello"}"""], "the body is sent again, whole");
        _server.Comments(7).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Server_errors_are_retried_three_times_then_handed_back()
    {
        _server.Fail(Failure.BadGateway, retryAfterSeconds: 0);

        var response = await SendAsync(HttpMethod.Get, "/api/v3/repos/acme/planning/issues/7/comments");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        _server.Requests.Count.ShouldBe(4);
        _waits.ShouldBe([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero]);
    }

    [Fact]
    public async Task Without_Retry_After_the_wait_doubles()
    {
        _server.Fail(Failure.BadGatewayWithoutRetryAfter);

        await SendAsync(HttpMethod.Get, "/api/v3/repos/acme/planning/issues/7/comments");

        _waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
    }

    [Fact]
    public async Task Too_many_requests_honours_Retry_After()
    {
        _server.Fail(Failure.TooManyRequests, times: 2, retryAfterSeconds: 3);

        var response = await SendAsync(HttpMethod.Get, "/api/v3/repos/acme/planning/issues/7/comments");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _waits.ShouldBe([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task Secondary_rate_limit_with_Retry_After_is_retried()
    {
        _server.Fail(Failure.SecondaryRateLimit, times: 1, retryAfterSeconds: 5);

        var response = await SendAsync(HttpMethod.Post, "/api/v3/repos/acme/planning/issues/7/comments", """{"body":"x"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        _waits.ShouldBe([TimeSpan.FromSeconds(5)]);
    }

    [Fact]
    public async Task Secondary_rate_limit_without_Retry_After_asks_a_minute_so_it_is_handed_back_at_once()
    {
        _server.Fail(Failure.SecondaryRateLimitWithoutRetryAfter);

        var response = await SendAsync(HttpMethod.Get, "/api/v3/repos/acme/planning/issues/7/comments");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("secondary rate limit", Case.Sensitive, "the body is still readable");
        _server.Requests.Count.ShouldBe(1);
        _waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Primary_rate_limit_waits_until_the_reset_when_it_is_near()
    {
        _server.Fail(Failure.PrimaryRateLimit, times: 1, retryAfterSeconds: 4);

        var response = await SendAsync(HttpMethod.Get, "/api/v3/repos/acme/planning/issues/7/comments");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _waits.Count.ShouldBe(1);
        _waits[0].ShouldBeInRange(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Primary_rate_limit_that_resets_in_an_hour_is_handed_back_at_once()
    {
        _server.Fail(Failure.PrimaryRateLimit, retryAfterSeconds: 3600);

        var response = await SendAsync(HttpMethod.Get, "/api/v3/repos/acme/planning/issues/7/comments");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        _server.Requests.Count.ShouldBe(1);
        _waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wait_longer_than_the_cap_is_not_waited_for()
    {
        _server.Fail(Failure.TooManyRequests, retryAfterSeconds: 11);

        var response = await SendAsync(HttpMethod.Get, "/api/v3/repos/acme/planning/issues/7/comments");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        _server.Requests.Count.ShouldBe(1);
        _waits.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Failure.ResourceNotAccessible, HttpStatusCode.Forbidden)]
    [InlineData(Failure.Unprocessable, HttpStatusCode.UnprocessableEntity)]
    [InlineData(Failure.Unauthorized, HttpStatusCode.Unauthorized)]
    [InlineData(Failure.NotFound, HttpStatusCode.NotFound)]
    public async Task Client_errors_are_not_retried(Failure failure, HttpStatusCode status)
    {
        _server.Fail(failure);

        var response = await SendAsync(HttpMethod.Post, "/api/v3/repos/acme/planning/issues/7/comments", """{"body":"x"}""");

        response.StatusCode.ShouldBe(status);
        _server.Requests.Count.ShouldBe(1);
        _waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Network_failures_are_retried_with_backoff_then_thrown()
    {
        var closedPort = ClosedPort();
        using var client = Client();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{closedPort}/api/v3/"), TestContext.Current.CancellationToken));

        _waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
    }

    [Fact]
    public async Task The_backoff_never_exceeds_the_cap()
    {
        _server.Fail(Failure.BadGatewayWithoutRetryAfter);
        using var client = Client(new RetryPolicy(5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3)));

        await client.GetAsync(new Uri(_server.Url, "/api/v3/x"), TestContext.Current.CancellationToken);

        _waits.Select(wait => wait.TotalSeconds).ShouldBe([3, 6, 10, 10, 10]);
    }

    [Fact]
    public async Task Too_many_requests_without_Retry_After_is_retried_with_backoff()
    {
        _server.Fail(Failure.TooManyRequestsWithoutRetryAfter, times: 2);

        var response = await SendAsync(HttpMethod.Get, "/api/v3/repos/acme/planning/issues/7/comments");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _waits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task A_request_to_another_origin_is_never_sent()
    {
        await using var elsewhere = await FakeGitHub.StartAsync();
        using var client = new HttpClient(new GitHubRetryHandler(RetryPolicy.Default, TimeProvider.System, RecordWait) { InnerHandler = new HttpClientHandler(), Origin = _server.Url });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(elsewhere.Url, "/api/v3/user"));
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {FakeGitHub.Token}");

        await Should.ThrowAsync<HttpRequestException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));

        elsewhere.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_that_stalls_ends_at_the_request_deadline()
    {
        _server.Fail(Failure.StallBody);
        using var client = new HttpClient(new GitHubRetryHandler(RetryPolicy.Default, TimeProvider.System, RecordWait, new GitHubBudget(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1))) { InnerHandler = new HttpClientHandler() });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Should.ThrowAsync<GitHubTimeoutException>(() => client.GetAsync(new Uri(_server.Url, "/api/v3/repos/acme/planning/issues/7/comments"), TestContext.Current.CancellationToken));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), "a 400 s stall, a 1 s deadline");
        _server.Requests.Count.ShouldBe(1, "a stalled answer is not asked again");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(method, new Uri(_server.Url, path));
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {FakeGitHub.Token}");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private HttpClient Client(RetryPolicy? policy = null) =>
        new(new GitHubRetryHandler(policy ?? RetryPolicy.Default, TimeProvider.System, RecordWait) { InnerHandler = new HttpClientHandler() });

    private Task RecordWait(TimeSpan wait, CancellationToken cancellation)
    {
        lock (_waits) _waits.Add(wait);
        return Task.CompletedTask;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
