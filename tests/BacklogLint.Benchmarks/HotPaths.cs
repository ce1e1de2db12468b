using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.History;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using BacklogLint.Rules;
using BacklogLint.Testing.Accuracy;
using BenchmarkDotNet.Attributes;
using LibGit2Sharp;

namespace BacklogLint.Benchmarks;

/// <summary>The hot paths of a check, one by one: parsing an item, comparing two versions of a folder's tree in the
/// history walk, and running every rule over a loaded repository. Run with
/// <c>dotnet run -c Release --project tests/BacklogLint.Benchmarks -- micro</c>.</summary>
[MemoryDiagnoser]
public class HotPaths : IDisposable
{
    private const string Item = """
        ---
        id: PAY-142
        title: Move billing webhooks onto the queue
        type: task
        status: in-progress
        owner: "@alice"
        team: payments
        created: 2026-03-02
        updated: 2026-09-14
        due: 2026-12-01
        depends-on: [PAY-120, CORE-7]
        handoffs:
          - from: payments
            to: sre
            date: 2026-10-01
            accepted: 2026-10-03
        ---
        # Move billing webhooks onto the queue

        Webhooks are posted synchronously today; see [the design](../docs/webhooks.md).

        ## Agreements
        - 2026-05-03 @payments @sre: webhooks are delivered at least once. review-by: 2026-11-01
        - 2026-06-10 @payments @billing: retries back off up to an hour.

        ## Tasks
        - [x] dual-write
        - [ ] cut over
        - [ ] remove the old path
        """;

    private readonly WorkItemParser _parser = new(StatusVocabulary.CreateDefault());
    private readonly SourceText _item = new(Item);
    private string _folder = "";
    private GitObjects? _objects;
    private TreeComparer? _comparer;
    private GitId _before;
    private GitId _after;
    private PlanningRepository? _repository;
    private BacklogLintConfig? _config;
    private readonly AnalysisEngine _engine = new(BuiltInRules.All);

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "backloglint-bench-" + Guid.NewGuid().ToString("N")[..8]);
        AccuracyPlan.Generate(2000, seed: 1).Write(_folder);
        var location = PlanningLocation.Find(_folder);
        _config = new ConfigLoader(BuiltInRules.Descriptors).Load(ConfigLoader.Find(location.Folder, location.WorkTree)!);
        _repository = RepositoryLoader.Load(location, _config);

        // Two versions of a folder of 2,000 files that differ in one.
        using var repository = new Repository(_folder);
        var tree = new TreeDefinition();
        var paths = Enumerable.Range(0, 2000).Select(i => $"backlog/team/ITEM-{i:D4}-a-title-of-some-length.md").ToList();
        foreach (var path in paths) tree.Add(path, repository.ObjectDatabase.Write<Blob>(System.Text.Encoding.UTF8.GetBytes(path)), Mode.NonExecutableFile);
        _before = GitId.FromHex(repository.ObjectDatabase.CreateTree(tree).Sha);
        tree.Add(paths[1234], repository.ObjectDatabase.Write<Blob>("changed"u8.ToArray()), Mode.NonExecutableFile);
        _after = GitId.FromHex(repository.ObjectDatabase.CreateTree(tree).Sha);
        _objects = new GitObjects(repository.Info.Path);
        _comparer = new TreeComparer(_objects, paths.ToHashSet(StringComparer.Ordinal));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _objects?.Dispose();
        _objects = null;
        GC.SuppressFinalize(this);
        if (!Directory.Exists(_folder)) return;
        foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "parse one item")]
    public ParsedFile ParseItem() => _parser.Parse("backlog/PAY-142.md", _item, isDeclaredItem: false);

    [Benchmark(Description = "compare a 2,000-file folder's trees")]
    public int CompareFolder() => _comparer!.Changes(_before, _after).Count;

    [Benchmark(Description = "all rules over 2,000 items")]
    public int AnalyzeAll() => _engine.Analyze(_repository!, _config!, new FixedTimeProvider(AccuracyPlan.Now)).Count;
}
