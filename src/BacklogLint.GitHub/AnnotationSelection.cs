using System.Globalization;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.GitHub;

/// <summary>Which findings become workflow-command annotations. GitHub shows at most 10 annotations of each kind
/// (error, warning, notice) per step and 50 per job, and drops the rest silently: so at most 10 of each kind are
/// written, errors first, and when some are left out, one notice says how many and where to see them. The run's own
/// notices (a shallow clone, a fork) count against the 10 notices.</summary>
public static class AnnotationSelection
{
    /// <summary>GitHub's limit per kind and step.</summary>
    public const int PerKind = 10;

    /// <param name="candidates">In priority order (new findings before existing ones).</param>
    /// <param name="runNotices">Notices the run writes besides the findings.</param>
    public static AnnotationPlan Select(IReadOnlyList<Diagnostic> candidates, int runNotices)
    {
        var errors = candidates.Where(d => Kind(d) == 0).ToList();
        var warnings = candidates.Where(d => Kind(d) == 1).ToList();
        var notices = candidates.Where(d => Kind(d) == 2).ToList();
        var noticeRoom = Math.Max(0, PerKind - runNotices);
        var overflows = errors.Count > PerKind || warnings.Count > PerKind || notices.Count > noticeRoom;
        if (overflows) noticeRoom = Math.Max(0, noticeRoom - 1);

        List<Diagnostic> shown = [.. errors.Take(PerKind), .. warnings.Take(PerKind), .. notices.Take(noticeRoom)];
        return new AnnotationPlan(shown, candidates.Count - shown.Count);
    }

    /// <summary>The one notice about the findings left out.</summary>
    /// <param name="places">Where the rest can be seen, e.g. "the pull request comment", "the job summary".</param>
    public static string OverflowNotice(int omitted, string findings, IReadOnlyList<string> places)
    {
        var where = places.Count switch
        {
            0 => "the output of 'backloglint check'",
            1 => places[0],
            _ => string.Join(", ", places.Take(places.Count - 1)) + " and " + places[^1],
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{omitted} more {findings} {(omitted == 1 ? "is" : "are")} not shown as annotations (GitHub shows {PerKind} of each kind per step): see {where}.");
    }

    /// <summary>0 error, 1 warning, 2 notice: as <c>WorkflowCommandWriter</c> writes the severity.</summary>
    private static int Kind(Diagnostic diagnostic) => diagnostic.Severity switch
    {
        Severity.Error => 0,
        Severity.Warning => 1,
        _ => 2,
    };
}

/// <summary>The annotations to write, errors then warnings then notices, and how many candidates were left out.</summary>
public sealed record AnnotationPlan(IReadOnlyList<Diagnostic> Shown, int Omitted);
