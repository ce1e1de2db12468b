using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using BacklogLint.Core.Policies;

namespace BacklogLint.Cli;

/// <summary>The installed tool is two builds of the same code in one folder: <c>backloglint</c>, compiled ahead of
/// time (a check of an empty repository takes 7-13 ms instead of ~90), and the JIT-compiled build beside it
/// (<c>backloglint.dll</c>, started by its launcher <c>backloglint-managed</c>). What needs a JIT runtime is handed to
/// the second, with the same arguments, standard streams and exit code: <c>github</c> and <c>--verify-owners</c> (Octokit
/// serialises by reflection), <c>lsp</c> (StreamJsonRpc) and rule packs (assemblies loaded at run time,
/// <see cref="RulePackLoader"/>). Each throws <see cref="JitRuntimeRequiredException"/> where it starts, before anything
/// is written, when <see cref="RuntimeFeature.IsDynamicCodeSupported"/> is false, a constant in the native build: the
/// compiler leaves out what follows, Octokit's and StreamJsonRpc's code with it, and <see cref="CommandLine"/> hands the
/// command to the JIT-compiled build (<see cref="Run"/>). Everything else runs in the native build; the end-to-end suites run against it
/// (<c>BACKLOGLINT_TOOL</c>, .ci/install-test).</summary>
internal static class ManagedBuild
{
    /// <summary>The file name of the JIT-compiled build's launcher (the SDK's apphost, renamed when the tool is packed).</summary>
    public const string LauncherName = "backloglint-managed";

    /// <summary>Runs the JIT-compiled build with <paramref name="args"/> on this process's standard streams and returns
    /// its exit code; 2 and one line when it is not installed here.</summary>
    public static int Run(string[] args)
    {
        var start = StartInfo();
        if (start is null)
            return ExitCodes.Fail($"this command needs the JIT-compiled build of BacklogLint ({LauncherName} or backloglint.dll), which is not installed beside {Environment.ProcessPath}; reinstall the tool");
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.UseShellExecute = false;

        // Ctrl+C reaches both processes (one process group); this one waits for the other to stop and answers its code.
        ConsoleCancelEventHandler wait = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += wait;
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception e)
        {
            return ExitCodes.Fail($"cannot start the JIT-compiled build of BacklogLint ({start.FileName}): {e.Message}; reinstall the tool");
        }
        finally
        {
            Console.CancelKeyPress -= wait;
        }
    }

    private static ProcessStartInfo? StartInfo()
    {
        var folder = AppContext.BaseDirectory;
        var launcher = Path.Combine(folder, LauncherName + (OperatingSystem.IsWindows() ? ".exe" : ""));
        if (File.Exists(launcher)) return new ProcessStartInfo(launcher);
        var assembly = Path.Combine(folder, "backloglint.dll");
        if (!File.Exists(assembly)) return null;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet");
        start.ArgumentList.Add(assembly);
        return start;
    }
}
