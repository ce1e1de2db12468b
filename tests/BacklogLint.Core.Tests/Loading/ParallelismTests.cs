using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Rules;
using BacklogLint.Testing;
using BacklogLint.Testing.Accuracy;

namespace BacklogLint.Core.Tests.Loading;

/// <summary>Parsing and the history walk run on several threads; what comes out must not depend on it.</summary>
public sealed class ParallelismTests
{
    [Fact]
    public void Findings_and_dates_are_the_same_on_one_thread_and_on_many()
    {
        using var folder = TestRepository.Create(withGit: false);
        AccuracyPlan.Generate(200, seed: 7).Write(folder.Path);
        var location = PlanningLocation.Find(folder.Path);
        var config = new ConfigLoader(BuiltInRules.Descriptors).Load(ConfigLoader.Find(location.Folder, location.WorkTree)!);
        var progress = new List<LoadProgress>();

        var oneThread = Describe(RepositoryLoader.Load(location, config, new LoadOptions { MaxDegreeOfParallelism = 1 }), config);
        var manyThreads = Describe(RepositoryLoader.Load(location, config, new LoadOptions { Progress = new Recorder(progress) }), config);

        manyThreads.ShouldBe(oneThread);
        oneThread.Count(line => line.StartsWith("BL", StringComparison.Ordinal)).ShouldBeGreaterThan(100);
        progress.Where(p => p.Stage == LoadStage.Parsing).Max(p => p.Done).ShouldBe(progress.First(p => p.Stage == LoadStage.Parsing).Total!.Value);
        progress.ShouldContain(p => p.Stage == LoadStage.History && p.Done > 0);
    }

    /// <summary>Every finding in report order, then every item's date from git.</summary>
    private static List<string> Describe(PlanningRepository repository, BacklogLintConfig config) =>
    [
        .. new AnalysisEngine(BuiltInRules.All).AnalyzeWithSuppressions(repository, config, new FixedTimeProvider(AccuracyPlan.Now)).Diagnostics
            .Select(d => $"{d.Id} {d.Path}({d.Span}) {d.Message} {d.Fingerprint}"),
        .. repository.Items.Select(item => $"{item.Path} {repository.History.LastChanged(item.Path)}"),
    ];

    /// <summary>Records progress as it is reported (from any thread), unlike <see cref="Progress{T}"/>, which posts.</summary>
    private sealed class Recorder(List<LoadProgress> reports) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
