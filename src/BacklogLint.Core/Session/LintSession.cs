using BacklogLint.Core.Analysis;
using BacklogLint.Core.Baselines;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Fixes;
using BacklogLint.Core.Interop;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Session;

/// <summary>One planning repository as every front end sees it (<c>check</c>, <c>github</c>, and next the language
/// server and <c>--fix</c>): opened once from PATH (its scope, configuration and the engine with the configuration's
/// own rules), then loaded and analysed as the front end needs, with one definition of what is reported. Nothing here
/// writes to the console: the front ends print.</summary>
public sealed class LintSession
{
    private readonly TimeProvider _time;

    private LintSession(CheckScope scope, BacklogLintConfig config, AnalysisEngine engine, TimeProvider time)
    {
        Scope = scope;
        Config = config;
        Engine = engine;
        _time = time;
        ConfigRelativePath = scope.ConfigPath is { } file ? Location.RelativePath(file) : null;
    }

    public CheckScope Scope { get; }

    public PlanningLocation Location => Scope.Location;

    public BacklogLintConfig Config { get; }

    /// <summary>The built-in rules and the configuration's rule packs and policies.</summary>
    public AnalysisEngine Engine { get; }

    /// <summary>The configuration file, repository-relative (its own findings are always reported); null for defaults.</summary>
    public string? ConfigRelativePath { get; }

    /// <summary>"Now" as a UTC date: what an uncommitted change is dated, and what rules measure from.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>Opens PATH (a folder or a file) with <paramref name="configPath"/> (<c>--config</c>) or the configuration
    /// found upward from it. Throws <see cref="LintSessionException"/> for a PATH or configuration file that does not
    /// exist, <see cref="ConfigurationException"/> for a configuration that cannot be used.</summary>
    public static LintSession Open(string path, string? configPath, AnalysisEngine engine, ConfigLoader loader, TimeProvider time)
    {
        NativeSettings.Initialize(); // before the first git call of the run
        if (!Directory.Exists(path) && !File.Exists(path)) throw new LintSessionException($"'{path}' does not exist");
        if (configPath is not null && !File.Exists(configPath)) throw new LintSessionException($"{configPath}: the configuration file does not exist");
        var scope = CheckScope.For(path, configPath);
        var config = scope.ConfigPath is null ? new BacklogLintConfig() : loader.Load(scope.ConfigPath);
        return new LintSession(scope, config, engine.For(config), time);
    }

    private LoadOptions Options(IProgress<LoadProgress>? progress = null, LoadTimings? timings = null) => new() { Progress = progress, Today = Today, Timings = timings };

    /// <summary>The planning repository as the working tree has it (what is not committed is touched today).</summary>
    public PlanningRepository LoadWorkingTree(IProgress<LoadProgress>? progress = null, LoadTimings? timings = null) =>
        RepositoryLoader.Load(Location, Config, Options(progress, timings));

    /// <summary>The working tree kept current file by file, for an editor (<see cref="LiveRepository"/>).</summary>
    public LiveRepository LoadLive(IProgress<LoadProgress>? progress = null) => LiveRepository.Load(Location, Config, Options(progress));

    /// <summary>The working tree's files without history (<see cref="LiveRepository.LoadFiles"/>): analysed, only the
    /// rules that read no history run; <see cref="WithHistory"/> then reads it.</summary>
    public LiveRepository LoadLiveFiles() => LiveRepository.LoadFiles(Location, Config, Options());

    /// <summary><paramref name="live"/> with git history read (<see cref="LiveRepository.WithHistory"/>).</summary>
    public LiveRepository WithHistory(LiveRepository live, IProgress<LoadProgress>? progress = null) => live.WithHistory(Options(progress));

    /// <summary>The planning repository as the working tree has it with <paramref name="overlay"/>'s texts instead of those
    /// files (repository-relative paths; <see cref="LoadOptions.Overlay"/>).</summary>
    public PlanningRepository LoadWorkingTree(IReadOnlyDictionary<string, string> overlay) =>
        RepositoryLoader.Load(Location, Config, Options() with { Overlay = overlay });

    /// <summary>Applies the safe fixes (<see cref="Diagnostic.Fix"/>) of the findings reported for PATH
    /// (<see cref="Reported"/>; <paramref name="include"/> narrows them), linting again after each pass
    /// (<see cref="FixApplier"/>). Writes nothing: <see cref="WriteFixes"/> does, or an editor takes the texts.</summary>
    /// <returns>What was applied, and the repository and findings as they are with the fixed texts: what remains.</returns>
    /// <param name="prepare">What the front end did to the repository after loading it (a roster verified online), done
    /// again to each repository loaded with the fixed texts.</param>
    public FixRun Fix(PlanningRepository repository, AnalysisResult result, Func<Diagnostic, bool>? include = null, Func<PlanningRepository, PlanningRepository>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        include ??= _ => true;
        var (lastRepository, lastResult) = (repository, result);
        var outcome = FixApplier.Apply(Fixable(result), OpenForFix, texts =>
        {
            lastRepository = LoadWorkingTree(texts);
            if (prepare is not null) lastRepository = prepare(lastRepository);
            lastResult = Analyze(lastRepository);
            return Fixable(lastResult);
        });
        return new FixRun(outcome, lastRepository, lastResult);

        List<Diagnostic> Fixable(AnalysisResult findings) => [.. Reported(findings.Diagnostics).Where(d => d.Fix is not null && include(d))];
    }

    /// <summary>A file's content for a fix: a regular file inside the planning folder, reached without a symbolic link,
    /// within the size limit, and text that writes back byte for byte; else null.</summary>
    public FileContent? OpenForFix(string path)
    {
        if (InsideFolder(path) is not { } full) return null;
        try
        {
            using var stream = WorkingTreeSource.OpenRegularFile(full);
            if (stream.Length > Config.MaxFileBytes) return null;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return FileContent.Decode(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the fixed files, each only when it is inside the planning folder (as <see cref="OpenForFix"/>
    /// checks) and still has the bytes the fixes were computed from (an editor may have saved it since).</summary>
    /// <returns>The paths written, and the paths not written with why.</returns>
    public (IReadOnlyList<string> Written, IReadOnlyList<(string Path, string Reason)> NotWritten) WriteFixes(FixOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var written = new List<string>();
        var notWritten = new List<(string, string)>();
        foreach (var file in outcome.Files)
        {
            if (InsideFolder(file.Path) is not { } full)
            {
                notWritten.Add((file.Path, "it is not a file inside the planning folder"));
                continue;
            }

            try
            {
                if (OpenForFix(file.Path) is not { } now || !now.Encode().AsSpan().SequenceEqual(file.Original.Encode()))
                {
                    notWritten.Add((file.Path, "it changed since it was read"));
                    continue;
                }

                File.WriteAllBytes(full, file.Encode());
                written.Add(file.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notWritten.Add((file.Path, e.Message));
            }
        }

        return (written, notWritten);
    }

    /// <summary>The full path of repository-relative <paramref name="path"/> when it is inside the planning folder and
    /// reached without a symbolic link (<see cref="RepositoryPath.Resolve"/>).</summary>
    private string? InsideFolder(string path)
    {
        var full = RepositoryPath.Resolve(Location.PathBase, path);
        var folder = Location.Folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full is not null && full.StartsWith(folder, StringComparison.Ordinal) ? full : null;
    }

    public PlanningRepository LoadCommit(string commit) => RepositoryLoader.LoadCommit(Location, Config, commit, Options());

    public (PlanningRepository Base, PlanningRepository Head) LoadPair(string baseCommit, string headCommit) =>
        RepositoryLoader.LoadPair(Location, Config, baseCommit, headCommit, Options());

    /// <summary>The planning repository on each day <paramref name="sampling"/> picks, oldest first, as the tip of HEAD's
    /// first-parent line had it that day (from git objects, no checkout), each analysed as of its day. Days before the
    /// first commit are left out. One history walk serves every sample, a file unchanged since the sample before is not
    /// parsed again, and each analysis reuses the one before it where the items' inputs did not change
    /// (<see cref="AnalysisEngine.AnalyzeWithSuppressions"/>), so that two years by month cost little more than one check.
    /// Throws <see cref="LintSessionException"/> outside git, in a repository without commits or in a shallow clone.</summary>
    /// <param name="progress">Told how many samples were read, how far the history walk got, and how many samples were analysed.</param>
    /// <param name="timings">Told how long reading the samples and walking history took (<c>--verbose</c>).</param>
    public IReadOnlyList<HistorySample> AnalyzeHistory(HistorySampling sampling, IProgress<LoadProgress>? progress = null, LoadTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        var days = sampling.Days(Today);
        if (Location.GitDirectory is null) throw new LintSessionException($"'{Location.Folder}' is not in a git work tree: a report of its history reads git");
        IReadOnlyList<(string Commit, DateOnly Date)?> tips;
        try
        {
            using var repository = new LibGit2Sharp.Repository(Location.GitDirectory);
            if (repository.Info.IsHeadUnborn) throw new LintSessionException("the repository has no commits yet: there is no history to report");
            if (repository.Info.IsShallow) throw new LintSessionException("the clone is shallow: a report of history needs all of it (fetch with fetch-depth: 0, or git fetch --unshallow)");
            tips = History.FirstParentLine.TipsAsOf(repository, days);
        }
        catch (LibGit2Sharp.LibGit2SharpException e)
        {
            throw new LintSessionException($"git history cannot be read ({e.Message})");
        }

        var sampled = days.Select((day, i) => (Day: day, Tip: tips[i])).Where(sample => sample.Tip is not null).Reverse().ToList();
        var repositories = RepositoryLoader.LoadSamples(Location, Config, [.. sampled.Select(sample => sample.Tip!.Value.Commit).Reverse()], Options(progress, timings));
        var samples = new List<HistorySample>(sampled.Count);
        AnalysisResult? previous = null;
        for (var i = 0; i < sampled.Count; i++)
        {
            var (day, (commit, date)) = (sampled[i].Day, sampled[i].Tip!.Value);
            var repository = repositories[sampled.Count - 1 - i];
            previous = AnalyzeAsOf(repository, day, previous);
            samples.Add(new HistorySample(day, commit, date, repository, previous, Reported(previous.Diagnostics)));
            progress?.Report(new LoadProgress(LoadStage.Analysis, i + 1, sampled.Count));
        }

        return samples;
    }

    /// <summary>Every finding of the whole planning repository as of <paramref name="day"/> (a sample of its history;
    /// the session's own "now" for today), as <see cref="Analyze"/> finds them.</summary>
    public AnalysisResult AnalyzeAsOf(PlanningRepository repository, DateOnly day, AnalysisResult? previous = null) =>
        Engine.AnalyzeWithSuppressions(repository, Config, day == Today ? _time : new FixedTimeProvider(new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero)), previous);

    /// <summary>Every finding of the whole planning repository, with what suppressions silenced (for a baseline).</summary>
    /// <param name="previous">This session's analysis of an earlier version of the repository (a live repository's,
    /// before an edit): what still holds is taken from it (<see cref="AnalysisEngine.AnalyzeWithSuppressions"/>).</param>
    public AnalysisResult Analyze(PlanningRepository repository, AnalysisResult? previous = null) =>
        Engine.AnalyzeWithSuppressions(repository, Config, _time, previous);

    /// <summary>The findings reported for PATH: shown (not silent, not off) and under PATH, about the repository as a
    /// whole or about the configuration, in report order.</summary>
    public List<Diagnostic> Reported(IEnumerable<Diagnostic> findings) =>
        [.. findings.Where(d => d.Severity.IsShown() && Scope.Reports(d, ConfigRelativePath)).Order(DiagnosticOrder.Instance)];

    /// <summary>The shown findings of the whole planning repository: what a baseline accepts and is compared with.</summary>
    public static List<Diagnostic> Shown(IEnumerable<Diagnostic> findings) => [.. findings.Where(d => d.Severity.IsShown())];

    public int ItemsUnder(PlanningRepository repository) => repository.Items.Count(item => Scope.Contains(item.Path));

    public int FilesUnder(PlanningRepository repository) => repository.Files.Count(file => Scope.Contains(file.Path));

    /// <summary>The baseline file a check compares with: <paramref name="explicitPath"/>, else one beside the
    /// configuration (the planning repository's folder), else at the work tree's root; null when there is none.</summary>
    public string? BaselinePath(string? explicitPath) =>
        explicitPath ?? new[] { Location.Folder, Location.WorkTree }
            .OfType<string>()
            .Select(folder => Path.Combine(folder, Baseline.FileName))
            .FirstOrDefault(File.Exists);

    /// <summary>The findings compared with the baseline at <paramref name="explicitPath"/> or found
    /// (<see cref="BaselinePath"/>), with the file compared with; null when there is none. Throws
    /// <see cref="LintSessionException"/> when an explicit baseline does not exist, <see cref="ConfigurationException"/>
    /// when one cannot be read.</summary>
    public (BaselineComparison Comparison, string Path)? CompareWithBaseline(AnalysisResult result, string? explicitPath)
    {
        if (explicitPath is not null && !File.Exists(explicitPath))
            throw new LintSessionException($"{explicitPath}: the baseline file does not exist (write one with 'backloglint baseline')");
        return BaselinePath(explicitPath) is { } path ? (Baseline.Load(path).Compare(Shown(result.Diagnostics)), path) : null;
    }

    /// <summary>The files the branch changed (<c>--changed</c>), with what was compared; throws
    /// <see cref="LintSessionException"/> outside git.</summary>
    public Comparison.LocalChanges ChangedFiles() => Location.GitDirectory is { } git
        ? Comparison.LocalChanges.Find(git)
        : throw new LintSessionException($"--changed compares with git, and '{Location.Folder}' is not in a git work tree");

    /// <summary>Where <c>baseline</c> writes by default: beside the configuration, for the whole planning repository.</summary>
    public string DefaultBaselinePath => Path.Combine(Location.Folder, Baseline.FileName);
}

/// <summary>Fixes applied (<see cref="LintSession.Fix"/>): what the applier did, and the repository and findings with the
/// fixed texts (the same as the given ones when nothing was applied).</summary>
public sealed record FixRun(FixOutcome Outcome, PlanningRepository Repository, AnalysisResult Result);

/// <summary>PATH or the configuration file named does not exist; the message is the one line to print.</summary>
public sealed class LintSessionException(string message) : Exception(message);
