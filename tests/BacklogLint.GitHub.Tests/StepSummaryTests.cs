using System.Text;
using BacklogLint.Core.Comparison;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Reporting;

namespace BacklogLint.GitHub.Tests;

/// <summary>The job summary is appended and never takes the file past 1 MiB.</summary>
public sealed class StepSummaryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"backloglint-summary-{Guid.NewGuid():N}.md");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Appends_after_what_earlier_steps_wrote()
    {
        File.WriteAllText(_path, "# Build\n");

        StepSummary.Append(_path, _ => "## BacklogLint\n").ShouldBeTrue();

        File.ReadAllText(_path).ShouldBe("# Build\n\n## BacklogLint\n");
    }

    [Fact]
    public void Creates_the_file_when_missing()
    {
        StepSummary.Append(_path, _ => "text").ShouldBeTrue();

        File.ReadAllText(_path).ShouldBe("text\n");
    }

    [Fact]
    public void Renders_within_the_room_left()
    {
        File.WriteAllText(_path, new string('x', 1000 * 1024));
        var asked = new List<int>();

        StepSummary.Append(_path, max => { asked.Add(max); return new string('y', max); }).ShouldBeTrue();

        asked[0].ShouldBeLessThanOrEqualTo(StepSummary.MaxBytes - 1000 * 1024);
        new FileInfo(_path).Length.ShouldBeLessThanOrEqualTo(StepSummary.MaxBytes);
    }

    [Fact]
    public void Multibyte_text_is_shrunk_until_its_bytes_fit()
    {
        StepSummary.Append(_path, max => new string('€', max)).ShouldBeTrue();

        var length = new FileInfo(_path).Length;
        length.ShouldBeLessThanOrEqualTo(StepSummary.MaxBytes);
        length.ShouldBeGreaterThan(StepSummary.MaxBytes / 2);
        Encoding.UTF8.GetString(File.ReadAllBytes(_path)).TrimEnd('\n').ShouldAllBe(c => c == '€');
    }

    [Fact]
    public void A_full_file_gets_nothing()
    {
        File.WriteAllText(_path, new string('x', StepSummary.MaxBytes - 100));

        StepSummary.Append(_path, _ => "more").ShouldBeFalse();

        new FileInfo(_path).Length.ShouldBe(StepSummary.MaxBytes - 100);
    }

    [Theory]
    [InlineData("x", 999, 490)]
    [InlineData("ä", 670, 490)]
    [InlineData("日", 300, 490)]
    [InlineData("日", 999, 200)]
    [InlineData("😀", 670, 240)]
    public void A_report_too_big_in_bytes_fills_up_to_the_limit_and_says_what_did_not_fit(string text, int count, int size)
    {
        var findings = Enumerable.Range(1, count)
            .Select(i => Findings.Make("BL0001", Severity.Warning, $"backlog/{string.Concat(Enumerable.Repeat(text, 20))}-{i}.md", i, string.Concat(Enumerable.Repeat(text, size))))
            .ToList();
        var report = new PullRequestReport(new FindingDelta(findings, [], findings), "https://github.com/acme/planning", "abc", count, "1.0", []);

        StepSummary.TryAppend(_path, max => MarkdownReportWriter.Write(report, max, MarkdownReportWriter.FullListInCheck, "summary"), out var appended).ShouldBeTrue();

        var length = new FileInfo(_path).Length;
        length.ShouldBeLessThanOrEqualTo(StepSummary.MaxBytes);
        length.ShouldBeGreaterThan(StepSummary.MaxBytes * 9 / 10, "filled up to the limit");
        appended.ShouldNotBeNull().ShouldContain("did not fit in this summary. The full list is in the output of `backloglint check`.");
    }
}
