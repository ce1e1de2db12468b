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
    IReadOnlyList<string> Notices);
