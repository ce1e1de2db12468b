using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Baselines;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Session;

namespace BacklogLint.LanguageServer;

/// <summary>The planning repository an editor has open, as <c>check</c> would report it, kept current: loaded once
/// (history walked once per HEAD), then re-analysed after each change with only the changed files re-parsed. Findings
/// are what <c>check</c> reports for the folder (suppressions and the baseline applied), grouped by file;
/// repository-wide ones belong to the configuration file. Not thread-safe: the server calls it from one queue.</summary>
internal sealed partial class Workspace(string root, AnalysisEngine engine, ConfigLoader loader, TimeProvider time)
{
    private LintSession? _session;
    private LiveRepository? _live;
    private Baseline? _baseline;
    private AnalysisResult? _analysis; // the last, whose findings on unchanged items the next reuses

    /// <summary>The root the editor opened (a folder), with symbolic links resolved as git reports its work tree.</summary>
    public string Root { get; } = PlanningLocation.WithoutLinks(root);

    public LintSession? Session => _session;

    public LiveRepository? Live => _live;

    /// <summary>The configuration file's full path (where repository-wide findings and configuration problems go).</summary>
    public string ConfigPath => _session?.Scope.ConfigPath ?? Path.Combine(Root, BacklogLintConfig.FileName);

    /// <summary>The latest analysis: every reported finding by full path (a file with none is absent).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Findings { get; private set; } = new Dictionary<string, IReadOnlyList<Diagnostic>>();

    /// <summary>Counts analyses, for result ids of pull diagnostics.</summary>
    public int Generation { get; private set; }

    /// <summary>Opens the folder afresh: configuration, the working tree with <paramref name="buffers"/> over it and the
    /// baseline, analysed with the rules that read no history; <see cref="ReadHistory"/> is next. A configuration that
    /// cannot be used leaves one finding: that, on the configuration file.</summary>
    public void Load(IReadOnlyDictionary<string, string> buffers)
    {
        _fullPaths.Clear(); // the configuration may have moved the planning folder
        try
        {
            _session = LintSession.Open(Root, null, engine, loader, time);
        }
        catch (Exception e) when (e is LintSessionException or ConfigurationException)
        {
            _session = null;
            _live = null;
            _analysis = null;
            Generation++;
            Findings = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal) { [ConfigPath] = [ConfigurationProblem(e.Message)] };
            return;
        }

        _analysis = null;
        _live = _session.LoadLiveFiles();
        foreach (var (path, text) in buffers) _live = _live.With(path, text);
        LoadBaseline();
        Analyze();
    }

    /// <summary>Reads git history, if it was not (a walk of seconds on a large repository), and analyses again with every
    /// rule.</summary>
    public void ReadHistory()
    {
        if (_session is null || _live is null || _live.HasHistory) return;
        _live = _session.WithHistory(_live);
        Analyze();
    }

    /// <summary>Applies changed files (a buffer's text, or null: as on disk now) and analyses again.</summary>
    /// <param name="reuse">False: analyse every item again (what is known besides the files changed, as where moved
    /// link targets went).</param>
    public void Apply(IReadOnlyList<(string FullPath, string? Text)> changes, bool reuse = true)
    {
        if (_live is null) return;
        foreach (var (path, text) in changes) _live = _live.With(path, text);
        if (!reuse) _analysis = null;
        Analyze();
    }

    /// <summary>Whether a change to this file means loading everything again: the configuration, CODEOWNERS, the
    /// status list, the baseline, the ignore-revs file, or git's HEAD and branches (a commit, a checkout).</summary>
    public bool NeedsReload(string fullPath)
    {
        var name = Path.GetFileName(fullPath);
        var normalized = fullPath.Replace('\\', '/');
        if (normalized.Contains("/.git/", StringComparison.Ordinal))
            return name is "HEAD" or "packed-refs" || normalized.Contains("/.git/refs/heads/", StringComparison.Ordinal);
        return BacklogLintConfig.FileNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            || name is "CODEOWNERS" or Baseline.FileName or ".git-blame-ignore-revs"
            || (_session?.Config.Format.StatusList is { } list && Path.GetFullPath(Path.Combine(_session.Location.Folder, list.Path)) == fullPath);
    }

    /// <summary>A configuration that cannot be used is one error on it, where the message says the problem is.</summary>
    private static Diagnostic ConfigurationProblem(string message)
    {
        var match = LocatedMessage().Match(message);
        var span = match.Success
            ? SourceSpan.At(int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture))
            : SourceSpan.At(1);
        return new Diagnostic(ConfigurationRule, Severity.Error, match.Success ? match.Groups["message"].Value : message, null, span, null, [], null, "configuration");
    }

    /// <summary>Not a rule of the catalogue (<c>check</c> stops with exit 2 instead): the editor's way of saying it.</summary>
    private static readonly RuleDescriptor ConfigurationRule =
        new("config", "configuration", "The configuration cannot be used", "{0}", RuleCategory.Tooling, Severity.Error)
        {
            Help = new Uri("https://github.com/backloglint/backloglint/blob/main/README.md#configuration"),
        };

    [GeneratedRegex(@"\((?<line>\d+),(?<column>\d+)\): (?:error: )?(?<message>.*)$")]
    private static partial Regex LocatedMessage();

    private void LoadBaseline()
    {
        _baseline = null;
        if (_session?.BaselinePath(null) is not { } path) return;
        try
        {
            _baseline = Baseline.Load(path);
        }
        catch (ConfigurationException)
        {
            // `check` says so; the editor shows the findings without it
        }
    }

    private void Analyze()
    {
        if (_session is null || _live is null) return;
        var result = _analysis = _session.Analyze(_live.Repository, _analysis);
        var standing = _baseline is null ? result.Diagnostics : _baseline.Compare(LintSession.Shown(result.Diagnostics)).New;
        Publish(_session.Reported(standing));
    }

    private void Publish(List<Diagnostic> reported)
    {
        Generation++;
        var findings = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var diagnostic in reported)
        {
            var path = diagnostic.Path is null ? ConfigPath : FullPathOf(diagnostic.Path);
            if (!findings.TryGetValue(path, out var here)) findings[path] = here = [];
            here.Add(diagnostic);
        }

        Findings = findings.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<Diagnostic>)entry.Value, StringComparer.Ordinal);
    }

    // This session's, by relative path; concurrent: code actions ask from the protocol's threads.
    private readonly ConcurrentDictionary<string, string> _fullPaths = new(StringComparer.Ordinal);

    /// <summary>The full path of a repository-relative one (a finding's, a fix's), worked out once per file: 12,000
    /// findings are grouped after every keystroke.</summary>
    public string FullPathOf(string repositoryRelative) =>
        _fullPaths.GetOrAdd(repositoryRelative, relative => Path.GetFullPath(Path.Combine(_session?.Location.PathBase ?? Root, relative)));
}
