using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Where a repository's files can be read on GitHub at a commit: <c>https://github.com/acme/planning</c> and
/// the commit that HEAD is, for links to a finding's lines in a report.</summary>
public sealed record WebAddress(string RepositoryUrl, string Commit)
{
    /// <summary>The repository on GitHub (or the GitHub Enterprise Server of <paramref name="serverUrl"/>): from the
    /// Actions environment when it is given (<c>GITHUB_SERVER_URL</c>, <c>GITHUB_REPOSITORY</c>), else from the
    /// <c>origin</c> remote when it is on github.com or that server. Null when it is elsewhere (other forges lay out
    /// their links otherwise), when HEAD has no commit, or when the folder is not in git.</summary>
    public static WebAddress? Find(string? gitDirectory, string? serverUrl, string? repositorySlug)
    {
        if (gitDirectory is null) return null;
        try
        {
            using var repository = new Repository(gitDirectory);
            if (repository.Head.Tip is not { } head) return null;
            var url = FromActions(serverUrl, repositorySlug) ?? FromRemote(repository.Network.Remotes["origin"]?.Url, serverUrl);
            return url is null ? null : new WebAddress(url, head.Sha);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private static string? FromActions(string? serverUrl, string? slug) =>
        string.IsNullOrEmpty(serverUrl) || !IsSlug(slug) ? null : $"{serverUrl.TrimEnd('/')}/{slug}";

    /// <summary>The web address of a remote written as <c>https://host/o/r(.git)</c>, <c>git@host:o/r(.git)</c> or
    /// <c>ssh://git@host(:port)/o/r(.git)</c>, when host is github.com or <paramref name="serverUrl"/>'s.</summary>
    public static string? FromRemote(string? remote, string? serverUrl = null)
    {
        if (string.IsNullOrWhiteSpace(remote)) return null;
        string host, path;
        if (Uri.TryCreate(remote, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
        {
            (host, path) = (uri.Host, uri.AbsolutePath);
        }
        else if (remote.IndexOf(':') is > 0 and var colon && !remote[..colon].Contains('/'))
        {
            // scp-like: [user@]host:owner/name
            var start = remote.LastIndexOf('@', colon) + 1;
            (host, path) = (remote[start..colon], remote[(colon + 1)..]);
        }
        else
        {
            return null;
        }

        var slug = path.Trim('/');
        if (slug.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) slug = slug[..^4];
        if (!IsSlug(slug)) return null;
        if (string.Equals(host, "github.com", StringComparison.OrdinalIgnoreCase)) return $"https://github.com/{slug}";
        return Uri.TryCreate(serverUrl, UriKind.Absolute, out var server) && string.Equals(host, server.Host, StringComparison.OrdinalIgnoreCase)
            ? $"{server.GetLeftPart(UriPartial.Authority)}/{slug}"
            : null;
    }

    /// <summary><c>owner/name</c>, nothing more: no further segments, no characters a link would have to escape.</summary>
    private static bool IsSlug(string? slug) =>
        slug is { Length: > 2 } && slug.Count(c => c == '/') == 1 && slug[0] != '/' && slug[^1] != '/'
        && slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
}
