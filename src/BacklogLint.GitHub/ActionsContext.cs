namespace BacklogLint.GitHub;

/// <summary>STUB: the GitHub Actions environment of a run (event, repository, commits, API URL, token).</summary>
public sealed record ActionsContext(string Repository, string ApiUrl);
