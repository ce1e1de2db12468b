using System.Runtime.CompilerServices;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.History;
using BacklogLint.Core.Interop;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using BacklogLint.Rules;

namespace BacklogLint.Cli;

/// <summary>What a command that reads a planning repository pays for on first use, done on a thread of its own from the
/// first line of the process, while the main thread builds the command line, reads the configuration and finds the
/// files: libgit2 (loading it, and OpenSSL's start inside it), the parser (a regex YamlDotNet compiles for its first
/// document, Markdig's pipeline, the searches of the parser's patterns) and the rules (the first run of each). A small
/// check waited ~40 ms for these (~50 ms less wall time for 50 items; ~40 ms more CPU time in all). Nothing here changes
/// a run: the native settings are the same once-only call the run makes (it waits for this one and sees the same
/// outcome, failure included); the rest works on an item in memory and is thrown away.</summary>
internal sealed class WarmUp : IDisposable
{
    private static readonly string[] Commands = ["check", "baseline", "github", "init"];

    private readonly ManualResetEventSlim _nativeDone = new();

    private WarmUp() => new Thread(Run) { IsBackground = true, Name = "BacklogLint warm-up" }.Start();

    /// <summary>Starts the warm-up for a command that reads a repository; null for any other, and in the native build,
    /// which has nothing to compile: there it only took CPU from the run (k8s-enhancements 610 ms without it, 653 ms
    /// with; 50 items 20-21 ms either way; 10 runs each, hyperfine).</summary>
    public static WarmUp? StartFor(string[] args) => RuntimeFeature.IsDynamicCodeSupported && args.Length > 0 && Array.IndexOf(Commands, args[0]) >= 0 ? new WarmUp() : null;

    /// <summary>Waits for the native part: a process must not exit (and run OpenSSL's exit handlers) while another thread
    /// is still starting libgit2. The managed part may be cut short.</summary>
    public void Dispose()
    {
        _nativeDone.Wait();
        _nativeDone.Dispose();
    }

    private void Run()
    {
        try
        {
            try
            {
                NativeSettings.Initialize();
            }
            finally
            {
                _nativeDone.Set();
            }

            var parsed = WorkItemParser.WarmUp();
            var repository = new PlanningRepository([parsed], new Roster(), HistoryIndex.Unavailable("warm-up"), new HashSet<string>(StringComparer.Ordinal) { parsed.Path });
            _ = new AnalysisEngine(BuiltInRules.All).AnalyzeWithSuppressions(repository, new BacklogLintConfig(), TimeProvider.System);
        }
#pragma warning disable CA1031 // A warm-up never fails the run: the run makes these calls itself and reports what they throw.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
