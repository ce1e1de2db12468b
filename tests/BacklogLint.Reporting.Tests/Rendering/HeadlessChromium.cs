using System.Diagnostics;

namespace BacklogLint.Reporting.Tests.Rendering;

/// <summary>The Debian package's Chromium, run headless on a local file with the network off: found on PATH (required in
/// CI, where .ci/run installs it; a skip elsewhere when missing), bounded in time.</summary>
internal static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>Where screenshots are kept: <c>$BACKLOGLINT_ARTIFACTS</c> (.ci/run sets it beside the test results),
    /// else a folder in the temp folder.</summary>
    public static string ArtifactsFolder =>
        Directory.CreateDirectory(Environment.GetEnvironmentVariable("BACKLOGLINT_ARTIFACTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "backloglint-artifacts")).FullName;

    public static string Require()
    {
        var found = Names.SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
        if (found is not null) return found;
        const string Reason = "Chromium is not on PATH (apt-get install chromium)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(Reason + "; CI needs it: .ci/run installs it");
        Assert.Skip(Reason);
        throw new UnreachableException();
    }

    /// <summary>The page's DOM after it loaded (<c>--dump-dom</c>), and a screenshot of it at <paramref name="screenshot"/>.</summary>
    public static async Task<string> RenderAsync(string htmlFile, string screenshot, int width = 1100, int height = 2400)
    {
        var chromium = Require();
        var profile = Directory.CreateTempSubdirectory("backloglint-chromium-");
        try
        {
            string[] common =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                // Offline: every request but the file itself fails.
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                $"--user-data-dir={profile.FullName}", $"--window-size={width},{height}",
            ];
            var dom = await RunAsync(chromium, [.. common, "--dump-dom", new Uri(htmlFile).AbsoluteUri]);
            await RunAsync(chromium, [.. common, $"--screenshot={screenshot}", new Uri(htmlFile).AbsoluteUri]);
            return dom;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { } // Chromium may still hold a lock file
        }
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 60 s: {await errors}");
        }

        process.ExitCode.ShouldBe(0, await errors);
        return await output;
    }
}
