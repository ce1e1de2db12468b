using Octokit;

namespace BacklogLint.GitHub;

/// <summary>Whose comments are BacklogLint's: the identity of the token itself, so that a marker in anybody else's
/// comment counts for nothing. Given (<c>--comment-author</c>), else asked of GitHub: <c>GET /user</c> names the user
/// of a personal, OAuth or user-to-server token; an installation token (the workflow's <c>GITHUB_TOKEN</c>, a GitHub
/// App's) is refused there (403), and GraphQL's <c>viewer</c> names its bot; when that cannot be asked either, the
/// token is taken for the workflow's own, <c>github-actions[bot]</c>.</summary>
public static class CommentAuthor
{
    public const string ActionsBot = "github-actions[bot]";

    /// <summary>The token's login.</summary>
    /// <exception cref="ApiException">GitHub refused the token (401) or failed; the caller says so.</exception>
    /// <param name="installationToken">The token has the installation shape (<c>ghs_</c>): GraphQL is asked first,
    /// as <c>GET /user</c> would only refuse it.</param>
    public static async Task<string> ResolveAsync(IGitHubClient client, string? given, bool installationToken = false)
    {
        if (Normalize(given) is { } login) return login;
        if (installationToken && await ViewerAsync(client).ConfigureAwait(false) is { } bot) return bot;
        try
        {
            var user = await client.User.Current().ConfigureAwait(false);
            return Normalize(user?.Login) ?? throw new InvalidDataException("GET /user named no login");
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException && !GitHubFailure.IsRateLimit(e))
        {
            // An installation token may not read /user.
        }

        return (installationToken ? null : await ViewerAsync(client).ConfigureAwait(false)) ?? ActionsBot;
    }

    /// <summary>A login as GitHub spells one (letters, digits, hyphens, a <c>[bot]</c> suffix); null for anything else.</summary>
    public static string? Normalize(string? login)
    {
        var text = login?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(text) || text.Length > 100) return null;
        var name = text.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) ? text[..^5] : text;
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? text : null;
    }

    /// <summary>GraphQL <c>{ viewer { login } }</c>, which answers installation tokens too; null when it cannot be asked.</summary>
    private static async Task<string?> ViewerAsync(IGitHubClient client)
    {
        try
        {
            var response = await client.Connection.Post<ViewerResponse>(
                GraphQLUri(client.Connection.BaseAddress), new ViewerQuery(), "application/json", "application/json").ConfigureAwait(false);
            if (Normalize(response.Body?.Data?.Viewer?.Login) is not { } login) return null;
            // GraphQL names a bot without the suffix that its comments carry in REST.
            return login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) ? login : login + "[bot]";
        }
        catch (Exception e) when (!GitHubFailure.AffectsEveryRequest(e)
            && e is ApiException or InvalidDataException or FormatException or InvalidCastException or ArgumentException or System.Runtime.Serialization.SerializationException)
        {
            // No GraphQL here (404), or an answer that names nobody: the other ways remain.
            return null;
        }
    }

    /// <summary>https://api.github.com/graphql; https://HOST/api/graphql on GitHub Enterprise Server (whose REST root is /api/v3).</summary>
    public static Uri GraphQLUri(Uri apiRoot)
    {
        var root = GitHubClientFactory.ApiRoot(apiRoot);
        return root.AbsolutePath.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase)
            ? new Uri(root, "../graphql")
            : new Uri(root, "graphql");
    }

    /// <summary>The request body (Octokit serialises it as JSON).</summary>
    private sealed class ViewerQuery
    {
        public string Query { get; } = "query { viewer { login } }";
    }

    private sealed class ViewerResponse
    {
        public ViewerData? Data { get; set; }
    }

    private sealed class ViewerData
    {
        public ViewerLogin? Viewer { get; set; }
    }

    private sealed class ViewerLogin
    {
        public string? Login { get; set; }
    }
}
