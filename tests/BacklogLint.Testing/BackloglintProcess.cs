using System.Diagnostics;

namespace BacklogLint.Testing;

/// <summary>Runs the built tool (<c>backloglint.dll</c>, copied beside the tests of a project that references the CLI)
/// as a real process, with exactly the <c>GITHUB_*</c> variables given: none leak in from the environment the tests
/// run in (which may be GitHub Actions). With <c>BACKLOGLINT_TOOL</c> set to an executable (the installed tool, whose
/// entry point is the native build, as .ci/install-test runs it), that executable runs instead: the same tests then
/// hold for the build users get.</summary>
public static class BackloglintProcess
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "backloglint.dll");

    /// <summary>The executable under test when it is not the build beside the tests.</summary>
    public static string? NativeTool { get; } = Environment.GetEnvironmentVariable("BACKLOGLINT_TOOL") is { Length: > 0 } tool ? Path.GetFullPath(tool) : null;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string?>(), null, arguments);

    public static Task<ProcessResult> RunInAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(new Dictionary<string, string?>(), workingDirectory, arguments);

    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunAsync(environment, null, arguments);

    public static async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string? workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(NativeTool ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        if (NativeTool is null) start.ArgumentList.Add(Tool);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("GITHUB_", StringComparison.Ordinal) || key.StartsWith("RUNNER_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>What a run of the tool printed and how it exited.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The workflow commands of one kind: <c>error</c>, <c>warning</c>, <c>notice</c>.</summary>
    public IReadOnlyList<string> Commands(string kind) =>
        [.. Lines.Where(line => line.StartsWith($"::{kind} ", StringComparison.Ordinal) || line.StartsWith($"::{kind}::", StringComparison.Ordinal))];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
