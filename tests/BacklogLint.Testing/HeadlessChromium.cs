using System.Diagnostics;

namespace BacklogLint.Testing;

/// <summary>The Debian package <c>chromium</c>, run headless on a local file with every request sent to a port where
/// nothing listens (a page that needs the network fails), its console printed to stderr (<c>--enable-logging</c>: one
/// <c>:CONSOLE</c> line per message, whatever its level, and per blocked request). Compiled into each test project
/// that needs it (it uses xunit's skip, which this project does not reference).</summary>
internal static class HeadlessChromium
{
    /// <summary>Where screenshots are kept: <c>$BACKLOGLINT_ARTIFACTS</c> (.ci/run sets it beside the test results and
    /// prints it), else <c>TestResults/artifacts</c> under the test output.</summary>
    public static string ArtifactsFolder(string name) =>
        Directory.CreateDirectory(Path.Combine(
            Environment.GetEnvironmentVariable("BACKLOGLINT_ARTIFACTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts"),
            name)).FullName;

    private static readonly string? Executable = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>Skips the test when Chromium is not installed, except in CI, where <c>.ci/run</c> installs it and its
    /// absence fails.</summary>
    public static string Require()
    {
        if (Executable is not null) return Executable;
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false")
            throw new InvalidOperationException("chromium is not installed: .ci/run installs the Debian package 'chromium' for these tests");
        Assert.Skip("chromium is not installed (apt-get install -y chromium)");
        return "";
    }

    /// <summary>The page's DOM after its scripts ran, and the console lines.</summary>
    public static async Task<(string Dom, IReadOnlyList<string> Console)> LoadAsync(string file)
    {
        var (stdout, stderr) = await RunAsync("--dump-dom", new Uri(file).AbsoluteUri);
        return (stdout, ConsoleLines(stderr));
    }

    /// <summary>Writes a screenshot of the page as Chromium draws it (1280 pixels wide).</summary>
    public static async Task ScreenshotAsync(string file, string png, int height = 2600)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        await RunAsync($"--screenshot={png}", $"--window-size=1280,{height}", "--hide-scrollbars", new Uri(file).AbsoluteUri);
    }

    private static IReadOnlyList<string> ConsoleLines(string stderr) =>
        [.. stderr.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal))];

    private static async Task<(string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("backloglint-chromium-");
        try
        {
            var start = new ProcessStartInfo(Require()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-extensions",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=15000", $"--user-data-dir={profile.FullName}",
            }.Concat(arguments))
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (await stdout, await stderr);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A profile folder left behind in /tmp is not worth failing a test for.
            }
        }
    }
}
