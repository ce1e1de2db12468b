using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BacklogLint.LanguageServer.Tests;

/// <summary>A real editor or client program run by a test: found on PATH (required in CI, skipped locally when missing),
/// run with a bounded time, its output kept for the failure message.</summary>
internal static class EditorProcess
{
    /// <summary>The program's full path. Missing: a failure when <c>CI=true</c> (.ci/run installs it), else a skip.</summary>
    public static string Require(string program, string howToInstall)
    {
        if (Find(program) is { } path) return path;
        var reason = $"'{program}' is not on PATH ({howToInstall})";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(reason + "; CI needs it: .ci/run installs it");
        Assert.Skip(reason);
        throw new UnreachableException();
    }

    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="program"/> to its end or until <paramref name="timeout"/> (then kills it), with
    /// stdin closed.</summary>
    public static async Task<Run> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var stopwatch = Stopwatch.StartNew();
        var timedOut = false;
        using (var cancel = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return new Run(process.ExitCode, timedOut, stopwatch.Elapsed, await stdout, await stderr);
    }

    /// <summary>How a run ended, and what it printed.</summary>
    public sealed record Run(int ExitCode, bool TimedOut, TimeSpan Elapsed, string Stdout, string Stderr)
    {
        public string Describe(string program)
        {
            var ending = TimedOut
                ? string.Create(CultureInfo.InvariantCulture, $"timed out after {Elapsed.TotalSeconds:0} s and was killed")
                : string.Create(CultureInfo.InvariantCulture, $"exited {ExitCode} after {Elapsed.TotalSeconds:0.0} s");
            return new StringBuilder()
                .AppendLine(program + " " + ending)
                .AppendLine("--- " + program + " stdout").AppendLine(Stdout.TrimEnd())
                .AppendLine("--- " + program + " stderr").AppendLine(Stderr.TrimEnd())
                .ToString();
        }
    }
}
