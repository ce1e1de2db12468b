using Octokit;
using Octokit.Internal;

namespace BacklogLint.GitHub;

/// <summary>Octokit clients for the API a run talks to (<c>GITHUB_API_URL</c>), with <see cref="GitHubRetryHandler"/>
/// in the HTTP pipeline.</summary>
public static class GitHubClientFactory
{
    /// <summary>Octokit's own limit on one API call, retries and their waits included: only a backstop, as the retry
    /// handler's <see cref="GitHubBudget"/> ends every request sooner.</summary>
    public static TimeSpan DefaultTimeout { get; } = GitHubBudget.DefaultTotal + TimeSpan.FromSeconds(30);

    /// <param name="apiUrl">The API root exactly as <c>GITHUB_API_URL</c> gives it: https://api.github.com,
    /// https://HOST/api/v3 on GitHub Enterprise Server, https://api.SUBDOMAIN.ghe.com on GHE.com. (Octokit's
    /// <c>GitHubClient(ProductHeaderValue, Uri)</c> would rewrite every address but api.github.com to <c>/api/v3/</c>,
    /// which is wrong for GHE.com; a <see cref="Connection"/> takes the address as it is.)</param>
    /// <param name="innerHandler">The handler under the retry handler (tests); default a new <see cref="HttpClientHandler"/>.</param>
    public static GitHubClient Create(
        Uri apiUrl,
        string token,
        string toolVersion,
        GitHubRetryHandler retryHandler,
        TimeSpan? timeout = null,
        HttpMessageHandler? innerHandler = null)
    {
        // Octokit follows redirects itself (dropping the token on another host), as its own default handler expects.
        retryHandler.InnerHandler = innerHandler ?? new HttpClientHandler { AllowAutoRedirect = false };
        // Only the API's own origin gets a request (and the token): no Link, no redirect takes it elsewhere.
        retryHandler.Origin = new Uri(ApiRoot(apiUrl).GetLeftPart(UriPartial.Authority));
        var connection = new Connection(
            new ProductHeaderValue("BacklogLint", toolVersion),
            ApiRoot(apiUrl),
            new InMemoryCredentialStore(new Credentials(token)),
            new HttpClientAdapter(() => retryHandler),
            new SimpleJsonSerializer());
        connection.SetRequestTimeout(timeout ?? Max(DefaultTimeout, retryHandler.Budget.Total + TimeSpan.FromSeconds(30)));
        return new GitHubClient(connection);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The address with a trailing slash, so that relative endpoints resolve under its path.</summary>
    public static Uri ApiRoot(Uri apiUrl) => apiUrl.AbsolutePath.EndsWith('/') ? apiUrl : new Uri(apiUrl + "/");
}
