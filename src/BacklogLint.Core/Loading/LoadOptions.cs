namespace BacklogLint.Core.Loading;

/// <summary>How a planning folder is loaded: how many threads parse (the history walk is one thread:
/// <see cref="History.GitHistoryReader"/>), and who hears of progress. Results are the same whatever the parallelism.</summary>
public sealed record LoadOptions
{
    public static LoadOptions Default { get; } = new();

    /// <summary>-1 (the default): as many threads as there are processors; 1: everything on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Told how far parsing and the history walk have got, from the threads doing them.</summary>
    public IProgress<LoadProgress>? Progress { get; init; }

    /// <summary>The day a change not committed yet was made (the run's "now"): such an item was touched today.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Texts read instead of files of the working tree, by repository-relative path ('/'-separated): fixes not
    /// written yet (<see cref="Fixes.FixApplier"/>), an editor's unsaved buffers. Only files that exist are read this way;
    /// each counts as an uncommitted change (touched today), as it will once written.</summary>
    public IReadOnlyDictionary<string, string>? Overlay { get; init; }

    /// <summary>Told how long parsing and the history walk took (<c>--verbose</c>); null when nobody asks.</summary>
    public LoadTimings? Timings { get; init; }

    internal ParallelOptions Parallel => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism };

    /// <summary>Below this many files a load parses on the calling thread: the first parallel loop of a process starts
    /// the thread pool's workers, and every thread then pays for the parser's first use at the same time (~5 ms on an
    /// idle machine, tens on a busy one), more than a few dozen small files take on one warm thread.</summary>
    internal const int ParallelFrom = 64;

    /// <summary><paramref name="body"/> for 0 … <paramref name="count"/> − 1: on the calling thread for a few, else the
    /// first one there (so that the other threads start warm) and the rest in parallel.</summary>
    internal void For(int count, Action<int> body)
    {
        if (count == 0) return;
        body(0);
        if (count - 1 < ParallelFrom || MaxDegreeOfParallelism == 1)
        {
            for (var i = 1; i < count; i++) body(i);
            return;
        }

        System.Threading.Tasks.Parallel.For(1, count, Parallel, body);
    }
}

/// <summary>Where a load's time went, filled in by the load.</summary>
public sealed class LoadTimings
{
    /// <summary>Finding, reading and parsing the files.</summary>
    public TimeSpan Parsing { get; internal set; }

    /// <summary>Walking git history to date the items.</summary>
    public TimeSpan History { get; internal set; }
}

/// <summary>How far a load has got: files parsed of <see cref="Total"/>, or commits walked (no total is known).</summary>
public sealed record LoadProgress(LoadStage Stage, int Done, int? Total);

public enum LoadStage
{
    Parsing,
    History,

    /// <summary>A report's samples of history read (<see cref="LoadProgress.Done"/> of <see cref="LoadProgress.Total"/>).</summary>
    Samples,

    /// <summary>A report's samples analysed.</summary>
    Analysis,
}
