using System.Text.RegularExpressions;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The HTML report in a real browser: headless Chromium loads the file with no network, the scripts draw every
/// chart as SVG, and nothing is written to the console (no error, no blocked request). A screenshot of each run is
/// kept in <see cref="HeadlessChromium.ArtifactsFolder"/>: <c>report/</c>.</summary>
public sealed partial class ReportBrowserTests : IDisposable
{
    /// <summary>Where the screenshots are kept (not deleted: a test artefact to look at).</summary>
    public static readonly string Artifacts = HeadlessChromium.ArtifactsFolder("report");

    private readonly TestRepository _repository = ReportRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Chromium_draws_every_chart_offline_without_a_console_message()
    {
        HeadlessChromium.Require();
        var output = Path.Combine(_repository.Path, "..", $"{Guid.NewGuid():N}.html");
        var result = await BackloglintProcess.RunAsync("report", _repository.Path, "--now", "2026-11-23", "--since", "8m", "--every", "1m", "--output", output);
        result.ExitCode.ShouldBe(0, result.ToString());

        var (dom, console) = await HeadlessChromium.LoadAsync(output);

        console.ShouldBeEmpty("the page logs nothing and makes no request");
        var charts = ChartElement().Matches(dom).Select(match => match.Groups[1].Value).ToList();
        charts.ShouldBe(["stale", "handoffs", "category", "team", "owner"], ignoreOrder: true);
        DrawnChart().Count(dom).ShouldBe(5, "each chart's view ran");
        Regex.Count(dom, "<svg[^>]*class=\"marks\"").ShouldBe(5, "Vega drew each as SVG");
        dom.ShouldContain("aria-roledescription=\"line mark\"");
        dom.ShouldNotContain("\">The chart could not be drawn");

        var png = Path.Combine(Artifacts, "report-months.png");
        await HeadlessChromium.ScreenshotAsync(output, png);
        new FileInfo(png).Length.ShouldBeGreaterThan(20_000, "a page with charts, not a blank one");
    }

    [Fact]
    public async Task The_browser_check_sees_a_request_and_a_console_error()
    {
        HeadlessChromium.Require();
        using var folder = TestRepository.Create(withGit: false);
        var page = Path.Combine(folder.Path, "control.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>console.error('boom'); fetch('https://example.com/x');</script></body></html>");

        var (_, console) = await HeadlessChromium.LoadAsync(page);

        console.ShouldContain(line => line.Contains("\"boom\"", StringComparison.Ordinal));
        console.ShouldContain(line => line.Contains("Failed to fetch", StringComparison.Ordinal), "no request reaches the network, and one that fails is a console line");
    }

    [GeneratedRegex("<div class=\"chart\" data-chart=\"([a-z]+)\"")]
    private static partial Regex ChartElement();

    [GeneratedRegex("data-chart=\"[a-z]+\"[^>]*data-drawn=\"true\"")]
    private static partial Regex DrawnChart();
}
