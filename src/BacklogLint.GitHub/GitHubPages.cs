using System.Globalization;
using Octokit;

namespace BacklogLint.GitHub;

/// <summary>Every page of a GitHub list, read strictly: each page must be a JSON array, "next" is followed only on the
/// API's own origin, and at most a given number of pages. Anything else is an answer that cannot be read
/// (<see cref="InvalidDataException"/>), never a shorter list: a list read in part would look like "none of ours".</summary>
public static class GitHubPages
{
    public const int PageSize = 100;

    /// <param name="what">For the message, e.g. "the pull request's comments".</param>
    /// <exception cref="InvalidDataException">A page is not a JSON array, "next" leads elsewhere or to a page already
    /// read, or there are more than <paramref name="maxPages"/> pages.</exception>
    public static async Task<List<T>> GetAllAsync<T>(IConnection connection, string path, int maxPages, string what)
    {
        var all = new List<T>();
        var next = new Uri(path, UriKind.Relative);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IDictionary<string, string> parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["per_page"] = PageSize.ToString(CultureInfo.InvariantCulture) };
        for (var page = 0; ; page++)
        {
            if (page == maxPages) throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{what} go on for more than {maxPages} pages"));
            var response = await connection.Get<List<T>>(next, parameters).ConfigureAwait(false);
            if (!IsJsonArray(response.HttpResponse.Body) || response.Body is null)
                throw new InvalidDataException($"GitHub's list of {what} is not a JSON array");
            all.AddRange(response.Body);
            if (response.HttpResponse.ApiInfo?.GetNextPageUrl() is not { } link) return all;
            var absolute = link.IsAbsoluteUri ? link : new Uri(connection.BaseAddress, link);
            if (!GitHubRetryHandler.SameOrigin(absolute, connection.BaseAddress))
                throw new InvalidDataException($"the next page of {what} is on another server ({absolute.Scheme}://{absolute.Authority})");
            if (!seen.Add(absolute.AbsoluteUri)) throw new InvalidDataException($"the pages of {what} go round in a circle");
            next = absolute;
            parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    private static bool IsJsonArray(object? body) => body is string text && text.AsSpan().TrimStart().StartsWith("[", StringComparison.Ordinal);
}
