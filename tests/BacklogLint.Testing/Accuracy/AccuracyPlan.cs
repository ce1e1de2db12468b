using System.Text;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Rules;
using LibGit2Sharp;

namespace BacklogLint.Testing.Accuracy;

/// <summary>A generated planning repository with planted ground truth: the items drawn from a seed and the findings
/// DESIGN.md calls for in them. <see cref="Write"/> makes it a real git repository (each file committed on the
/// dates the plan chose); <see cref="Check"/> runs every built-in rule on it and compares.</summary>
public sealed class AccuracyPlan
{
    internal AccuracyPlan(int itemCount, int seed, AccuracyOptions options, IReadOnlyList<PlannedItem> items, IReadOnlyList<ExpectedFinding> expected)
    {
        ItemCount = itemCount;
        Seed = seed;
        Options = options;
        Items = items;
        Expected = expected;
    }

    public int ItemCount { get; }

    public int Seed { get; }

    public AccuracyOptions Options { get; }

    public IReadOnlyList<ExpectedFinding> Expected { get; }

    /// <summary>The rules the accuracy test judges (the ones whose ground truth the oracle writes).</summary>
    public static IReadOnlySet<string> OracleRules => DesignOracle.Rules;

    /// <summary>"Now" for the check: 2026-11-23, noon UTC.</summary>
    public static DateTimeOffset Now => DesignTerms.Now;

    internal IReadOnlyList<PlannedItem> Items { get; }

    public static AccuracyPlan Generate(int itemCount, int seed, AccuracyOptions? options = null) =>
        AccuracyGenerator.Plan(itemCount, seed, options ?? AccuracyOptions.Defaults);

    /// <summary>Writes the repository into <paramref name="folder"/> (created; it must not hold a repository yet):
    /// <c>.backloglint.yml</c> with the roster and some plain Markdown pages first, then one commit per date.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        Repository.Init(folder);
        using var repository = new Repository(folder);
        var start = Items.Select(item => item.FirstCommit).Min().AddDays(-1);
        var files = new List<(DateOnly Date, string Path, string Text)>
        {
            (start, ".backloglint.yml", PlannedRoster.Yaml() + Options.RulesYaml()),
            (start, ".github/CODEOWNERS", PlannedRoster.CodeOwnersFile()),
            (start, "README.md", "# Planning\n\nWork items live under backlog/, agreements under agreements/.\n"),
        };
        // Pages are not items: their links are not checked.
        files.AddRange(AccuracyGenerator.Documents.Select(path => (start, path, $"# {Path.GetFileNameWithoutExtension(path)}\n\nA page, not a work item; see [the old plan](missing-plan.md).\n")));
        foreach (var item in Items.Where(item => item.CommitState != CommitState.Untracked))
        {
            files.Add((item.FirstCommit, item.Path, item.Versions[0]));
            if (item.SecondCommit is { } second) files.Add((second, item.Path, item.Versions[1]));
        }

        Commit? parent = null;
        foreach (var day in files.GroupBy(file => file.Date).OrderBy(group => group.Key))
        {
            var tree = parent is null ? new TreeDefinition() : TreeDefinition.From(parent);
            foreach (var (_, path, text) in day) tree.Add(path, repository.ObjectDatabase.Write<Blob>(Encoding.UTF8.GetBytes(text)), Mode.NonExecutableFile);

            var signature = new Signature("accuracy", "accuracy@example.com", CommitTime(day.Key));
            var message = $"{day.Count()} files of {DesignTerms.Iso(day.Key)}\n";
            parent = repository.ObjectDatabase.CreateCommit(signature, signature, message, repository.ObjectDatabase.CreateTree(tree), parent is null ? [] : [parent], prettifyMessage: false);
        }

        repository.Refs.Add(repository.Refs.Head.TargetIdentifier, parent!.Id, allowOverwrite: true);
        // The work tree holds the last version of every file (untracked and dirty ones included); the index is HEAD's,
        // as after a checkout (written directly: a checkout of thousands of files is slow and changes nothing here).
        repository.Index.Replace(parent.Tree);
        repository.Index.Write();
        foreach (var (path, text) in files.GroupBy(file => file.Path).Select(group => (group.Key, group.OrderBy(file => file.Date).Last().Text))
                     .Concat(Items.Where(item => item.CommitState != CommitState.Committed).Select(item => (item.Path, item.Text))))
        {
            var full = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    /// <summary>When the commits of <paramref name="date"/> are made: its UTC date is always <paramref name="date"/>,
    /// but on some days the local date (what <c>git log</c> shows) is the day before or after.</summary>
    private static DateTimeOffset CommitTime(DateOnly date)
    {
        var noon = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        return (date.DayNumber % 5) switch
        {
            0 => noon.AddHours(-9).ToOffset(TimeSpan.FromHours(-5)),
            1 when date < DesignTerms.Today => noon.AddHours(10).ToOffset(TimeSpan.FromHours(3)),
            _ => noon,
        };
    }

    /// <summary>Runs the engine as the CLI does (config found in the folder, every built-in rule, "now" fixed) and
    /// compares its findings with <see cref="Expected"/>.</summary>
    public AccuracyResult Check(string folder)
    {
        var location = PlanningLocation.Find(folder);
        var configPath = ConfigLoader.Find(location.Folder, location.WorkTree);
        var config = configPath is null ? new BacklogLintConfig() : new ConfigLoader(BuiltInRules.Descriptors).Load(configPath);
        var planning = RepositoryLoader.Load(location, config, new LoadOptions { Today = DateOnly.FromDateTime(Now.UtcDateTime) });
        var diagnostics = new AnalysisEngine(BuiltInRules.All).Analyze(planning, config, new FixedTimeProvider(Now));
        return AccuracyResult.Compare(this, diagnostics);
    }

    /// <summary>What the generator drew for the item at <paramref name="path"/>, for the mismatch report.</summary>
    internal string Describe(string? path)
    {
        var item = Items.FirstOrDefault(item => item.Path == path);
        return item is null ? "(no planned item)" : string.Join("; ", item.Traits);
    }

    /// <summary>The text of the item at <paramref name="path"/> as written.</summary>
    internal string? TextOf(string? path) => Items.FirstOrDefault(item => item.Path == path)?.Text;
}
