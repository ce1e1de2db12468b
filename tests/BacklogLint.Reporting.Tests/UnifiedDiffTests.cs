namespace BacklogLint.Reporting.Tests;

/// <summary>The diff <c>--fix-dry-run</c> prints reads as <c>git diff</c>'s (and applies with <c>git apply</c>).</summary>
public sealed class UnifiedDiffTests
{
    private static readonly string Numbered = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));

    [Fact]
    public void Changes_far_apart_are_two_hunks_with_three_lines_of_context()
    {
        var after = Numbered.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 19\n", "", StringComparison.Ordinal);

        UnifiedDiff.Of("a.md", Numbered, after).ShouldBe(
            "--- a/a.md\n+++ b/a.md\n"
            + "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n"
            + "@@ -16,5 +16,4 @@\n line 16\n line 17\n line 18\n-line 19\n line 20\n");
    }

    [Fact]
    public void Changes_close_together_share_a_hunk()
    {
        var after = Numbered.Replace("line 5\n", "line five\n", StringComparison.Ordinal).Replace("line 11\n", "line eleven\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Of("a.md", Numbered, after);

        diff.Split('\n').Count(line => line.StartsWith("@@", StringComparison.Ordinal)).ShouldBe(1);
        diff.ShouldContain("@@ -2,13 +2,13 @@\n");
    }

    [Fact]
    public void A_line_inserted_at_the_top_and_a_missing_final_line_break_are_shown_as_git_shows_them()
    {
        UnifiedDiff.Of("a.md", "b\nc", "a\nb\nc").ShouldBe("--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,3 @@\n+a\n b\n c\n\\ No newline at end of file\n");
        UnifiedDiff.Of("a.md", "a\n", "a").ShouldBe("--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n");
    }

    [Fact]
    public void Crlf_lines_compare_without_their_line_breaks()
    {
        UnifiedDiff.Of("a.md", "x\r\ny\r\n", "x\r\nz\r\n").ShouldBe("--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n x\n-y\n+z\n");
    }
}
