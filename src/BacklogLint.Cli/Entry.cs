namespace BacklogLint.Cli;

/// <summary>The tool's start: the same in the JIT-compiled build (Program.cs) and the ahead-of-time compiled one
/// (src/BacklogLint.Native).</summary>
internal static class Entry
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var warmUp = WarmUp.StartFor(args);
        using var streams = ConsoleStreams.Install();
        return await CommandLine.Build().RunAsync(args);
    }
}
