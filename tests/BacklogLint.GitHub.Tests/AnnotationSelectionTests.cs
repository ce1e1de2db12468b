using BacklogLint.Core.Diagnostics;

namespace BacklogLint.GitHub.Tests;

/// <summary>At most 10 annotations of each kind, errors first, and one notice for the rest.</summary>
public sealed class AnnotationSelectionTests
{
    [Fact]
    public void Few_findings_are_all_shown_errors_first()
    {
        List<Diagnostic> candidates =
        [
            Findings.Make("BL0003", Severity.Suggestion, "a.md", 1),
            Findings.Make("BL0001", Severity.Warning, "a.md", 2),
            Findings.Make("BL0401", Severity.Error, "a.md", 3),
        ];

        var plan = AnnotationSelection.Select(candidates, runNotices: 0);

        plan.Shown.Select(d => d.Id).ShouldBe(["BL0401", "BL0001", "BL0003"]);
        plan.Omitted.ShouldBe(0);
    }

    [Fact]
    public void Each_kind_stops_at_ten_in_the_order_given()
    {
        List<Diagnostic> candidates = [.. Findings.Many(15, Severity.Error), .. Findings.Many(12, Severity.Warning), .. Findings.Many(3, Severity.Suggestion)];

        var plan = AnnotationSelection.Select(candidates, runNotices: 0);

        plan.Shown.Count(d => d.Severity == Severity.Error).ShouldBe(10);
        plan.Shown.Count(d => d.Severity == Severity.Warning).ShouldBe(10);
        plan.Shown.Count(d => d.Severity == Severity.Suggestion).ShouldBe(3);
        plan.Shown.Where(d => d.Severity == Severity.Error).Select(d => d.Span!.Value.Line).ShouldBe(Enumerable.Range(1, 10));
        plan.Omitted.ShouldBe(7);
    }

    [Fact]
    public void The_overflow_notice_and_the_runs_notices_take_room_from_the_notices()
    {
        var plan = AnnotationSelection.Select(Findings.Many(20, Severity.Suggestion), runNotices: 2);

        plan.Shown.Count.ShouldBe(7, "10 notices: 2 of the run, 1 overflow, 7 findings");
        plan.Omitted.ShouldBe(13);
    }

    [Fact]
    public void Exactly_the_room_left_needs_no_overflow_notice()
    {
        var plan = AnnotationSelection.Select(Findings.Many(9, Severity.Suggestion), runNotices: 1);

        plan.Shown.Count.ShouldBe(9);
        plan.Omitted.ShouldBe(0);
    }

    [Fact]
    public void Overflow_of_errors_takes_a_notice_slot_too()
    {
        var plan = AnnotationSelection.Select([.. Findings.Many(11, Severity.Error), .. Findings.Many(10, Severity.Suggestion)], runNotices: 0);

        plan.Shown.Count(d => d.Severity == Severity.Suggestion).ShouldBe(9);
        plan.Omitted.ShouldBe(2);
    }

    [Fact]
    public void Ten_run_notices_leave_no_room_for_finding_notices()
    {
        var plan = AnnotationSelection.Select(Findings.Many(2, Severity.Suggestion), runNotices: 12);

        plan.Shown.ShouldBeEmpty();
        plan.Omitted.ShouldBe(2);
    }

    [Fact]
    public void Overflow_notice_says_how_many_and_where()
    {
        AnnotationSelection.OverflowNotice(37, "new findings", ["the pull request comment", "the job summary"])
            .ShouldBe("37 more new findings are not shown as annotations (GitHub shows 10 of each kind per step): see the pull request comment and the job summary.");
        AnnotationSelection.OverflowNotice(1, "finding", ["the check run", "the job summary", "the comment"])
            .ShouldBe("1 more finding is not shown as annotations (GitHub shows 10 of each kind per step): see the check run, the job summary and the comment.");
    }
}
