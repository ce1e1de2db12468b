using BacklogLint.Core.Comparison;

namespace BacklogLint.Reporting;

/// <summary>What a pull request did to the findings, for the PR comment and the step summary.</summary>
/// <param name="RepositoryUrl">e.g. https://github.com/acme/planning, for links to lines at <paramref name="HeadSha"/>.</param>
/// <param name="Notices">Plain sentences the reader must see (shallow clone, fork PR, outage), already written.</param>
public sealed record PullRequestReport(
    FindingDelta Delta,
    string RepositoryUrl,
    string HeadSha,
    int ItemCount,
    string ToolVersion,
    IReadOnlyList<string> Notices)
{
    /// <summary>Open findings on the last sampled days of the branch's history, newest last (<c>--trend</c>), drawn under
    /// the headline (<see cref="MermaidTrend"/>); empty: no chart.</summary>
    public IReadOnlyList<TrendPoint> Trend { get; init; } = [];
}
