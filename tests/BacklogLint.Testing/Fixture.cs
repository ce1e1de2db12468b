using System.Globalization;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Rules;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BacklogLint.Testing;

/// <summary>A fixture planning repo: a folder of files with expected findings marked inside them, and a
/// <c>fixture.yml</c> saying how to commit them. <see cref="Run"/> builds the real git repo in a temp folder, runs
/// the engine at the fixture's "now" and returns expected and actual findings as comparable keys.</summary>
/// <remarks>
/// fixture.yml:
/// <code>
/// now: 2026-11-23          # the date the check runs as of (default 2026-11-23)
/// git: true                # false: a plain folder, no repository
/// shallow: false           # true: mark the clone shallow
/// commits:                 # oldest first; default: one commit of every file on `now`
///   - date: 2025-01-10
///     author: alice
///     files: all           # every fixture file, or a list of paths
///     versions:            # earlier contents: path in the repo -> file under the fixture's .versions/
///       backlog/A.md: .versions/A.v1.md
///     deleted: [backlog/B.md]  # paths an earlier commit made, removed by this one (a rename: deleted here, added in files)
/// expect: [BL9001]         # findings on the repository as a whole (no file)
/// judge: [BL0304]          # in a rule's fixture, more rules to judge than its own and the marked ones
/// </code>
/// Files not committed by any listed commit stay untracked.
/// </remarks>
public sealed class Fixture
{
    public const string FileName = "fixture.yml";

    /// <summary>Every finding of the fixture written whole (<see cref="FindingText"/>), compared exactly: the markers
    /// say where findings are meant to be, this file pins their columns, messages and count.</summary>
    public const string FindingsFileName = "findings.txt";
    private const string VersionsFolder = ".versions";

    private Fixture(string folder, FixtureSpec spec)
    {
        Folder = folder;
        Spec = spec;
    }

    public string Folder { get; }

    private FixtureSpec Spec { get; }

    public DateOnly Now => DateOnly.ParseExact(Spec.Now, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Fixture Load(string folder)
    {
        var specPath = Path.Combine(folder, FileName);
        var spec = File.Exists(specPath)
            ? new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build()
                .Deserialize<FixtureSpec>(File.ReadAllText(specPath)) ?? new FixtureSpec()
            : new FixtureSpec();
        return new Fixture(folder, spec);
    }

    /// <summary>The fixture's files (repo-relative), without fixture.yml and .versions/.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Where(path => path != FileName && path != FindingsFileName && !path.StartsWith(VersionsFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public IReadOnlySet<string> Expected() =>
        Files().SelectMany(path => ExpectedFindings.InFile(path, File.ReadAllText(Path.Combine(Folder, path))))
            .Concat(Spec.Expect.Select(rule => ExpectedFindings.Key(rule, null, null)))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Builds the repository and runs every built-in rule on it.</summary>
    public FixtureResult Run()
    {
        using var repository = Build();
        var location = PlanningLocation.Find(repository.Path);
        var configPath = ConfigLoader.Find(location.Folder, location.WorkTree);
        var config = configPath is null ? new BacklogLintConfig() : new ConfigLoader(BuiltInRules.Descriptors).Load(configPath);
        var planning = RepositoryLoader.Load(location, config, new LoadOptions { Today = Now });
        var now = new DateTimeOffset(Now.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var diagnostics = new AnalysisEngine(BuiltInRules.All).Analyze(planning, config, new FixedTimeProvider(now));
        var judged = JudgedRules();
        return new FixtureResult(Expected(), [.. diagnostics.Where(d => judged is null || judged.Contains(d.Id))]);
    }

    /// <summary>What a rule's fixture (<c>Fixtures/BL0401/…</c>) judges, as a rule tester does: its rule and the rules
    /// its markers name, so a new rule never changes another rule's fixture. A dialect's fixture judges every rule
    /// (null): it is the whole picture of a format, and a new rule's findings on it are meant to be seen.</summary>
    private HashSet<string>? JudgedRules()
    {
        var rule = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar)));
        if (rule is null || !System.Text.RegularExpressions.Regex.IsMatch(rule, @"^BL\d{4}$")) return null;
        var judged = Expected().Select(key => key.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        judged.Add(rule);
        judged.UnionWith(Spec.Judge);
        return judged;
    }

    public TestRepository Build()
    {
        var repository = TestRepository.Create(Spec.Git);
        var files = Files();
        if (!Spec.Git)
        {
            foreach (var path in files) Copy(path, path, repository);
            return repository;
        }

        var commits = Spec.Commits.Count > 0 ? Spec.Commits : [new CommitSpec { Date = Spec.Now, Files = "all" }];
        foreach (var commit in commits)
        {
            var paths = commit.Files switch
            {
                "all" => files,
                List<object> list => [.. list.Select(entry => Convert.ToString(entry, CultureInfo.InvariantCulture)!)],
                null => [],
                var other => throw new InvalidDataException($"{Folder}: 'files' is 'all' or a list of paths, not '{other}'"),
            };
            foreach (var path in paths) Copy(path, path, repository);
            foreach (var (path, version) in commit.Versions) Copy(version, path, repository);
            foreach (var path in commit.Deleted) File.Delete(repository.FullPath(path));
            repository.Commit(commit.Date, commit.Author, "fixture commit", [.. paths.Concat(commit.Versions.Keys).Concat(commit.Deleted).Distinct()]);
        }

        foreach (var path in files.Where(path => !File.Exists(repository.FullPath(path)))) Copy(path, path, repository);
        if (Spec.Shallow) repository.MakeShallow();
        return repository;
    }

    private void Copy(string source, string target, TestRepository repository) =>
        repository.WriteBytes(target, File.ReadAllBytes(Path.Combine(Folder, source)));

    public override string ToString() => Path.GetRelativePath(SourceTree.Root, Folder).Replace('\\', '/');

    private sealed class FixtureSpec
    {
        public string Now { get; set; } = "2026-11-23";

        public bool Git { get; set; } = true;

        public bool Shallow { get; set; }

        public List<CommitSpec> Commits { get; set; } = [];

        public List<string> Expect { get; set; } = [];

        /// <summary>More rules a rule's fixture judges, beyond its own and the marked ones (to say one must not fire).</summary>
        public List<string> Judge { get; set; } = [];
    }

    private sealed class CommitSpec
    {
        public string Date { get; set; } = "2026-11-23";

        public string Author { get; set; } = "alice";

        /// <summary>"all", or a list of paths.</summary>
        public object? Files { get; set; }

        public Dictionary<string, string> Versions { get; set; } = [];

        public List<string> Deleted { get; set; } = [];
    }
}

/// <summary>What a fixture expected and what the engine found.</summary>
public sealed record FixtureResult(IReadOnlySet<string> Expected, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlySet<string> Actual { get; } =
        Diagnostics.Select(d => ExpectedFindings.Key(d.Id, d.Path, d.Span?.Line)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Empty when they agree; else what is missing and what is unexpected, with the messages.</summary>
    public string Difference()
    {
        var missing = Expected.Except(Actual).Order(StringComparer.Ordinal).ToList();
        var unexpected = Diagnostics.Where(d => !Expected.Contains(ExpectedFindings.Key(d.Id, d.Path, d.Span?.Line))).ToList();
        if (missing.Count == 0 && unexpected.Count == 0) return "";
        var lines = new List<string>();
        lines.AddRange(missing.Select(key => $"  missing:    {key}"));
        lines.AddRange(unexpected.Select(d => $"  unexpected: {ExpectedFindings.Key(d.Id, d.Path, d.Span?.Line)}  {d.Message}"));
        return string.Join('\n', lines);
    }
}
