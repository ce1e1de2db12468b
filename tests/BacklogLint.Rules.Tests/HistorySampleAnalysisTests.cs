using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Session;
using BacklogLint.Testing;
using BacklogLint.Testing.Accuracy;
using static BacklogLint.Rules.Tests.IncrementalAnalysisTests;

namespace BacklogLint.Rules.Tests;

/// <summary>A report's samples of history (<see cref="LintSession.AnalyzeHistory"/>) are loaded together (one history
/// walk, files parsed once while their blob stays the same) and each is analysed as of its own day reusing the analysis
/// of the sample before. Whatever the history, every sample must find exactly what a fresh check of that commit as of
/// that day finds: a reuse that forgets a rule reads today, or a history walk that dates a sample by a newer commit,
/// fails here.</summary>
public sealed class HistorySampleAnalysisTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_sample_finds_what_a_fresh_check_of_its_commit_on_its_day_finds(int seed)
    {
        var plan = AccuracyPlan.Generate(120, seed);
        using var folder = TestRepository.Create(withGit: false);
        plan.Write(folder.Path);
        var session = Open(folder.Path);
        // Edits committed over the months before "now", by different authors: statuses, owners, ids, files deleted and
        // created, links, documents (the edits of the editor's incremental test, committed this time).
        var edits = new IncrementalAnalysisTests.Edits(folder.Path, new Random(seed));
        var live = session.LoadLive();
        var start = AccuracyPlan.Now.AddDays(-200);
        for (var step = 0; step < 40; step++)
        {
            var (path, text, _) = edits.Next(live);
            if (text is not null) File.WriteAllText(path, text);
            live = session.LoadLive();
            folder.Commit(start.AddDays(step * 5), author: step % 2 == 0 ? "alice" : "bob");
        }

        var samples = session.AnalyzeHistory(new HistorySampling(DateOnly.FromDateTime(AccuracyPlan.Now.AddYears(-1).UtcDateTime), new Period(3, PeriodUnit.Week)));

        samples.Count.ShouldBeGreaterThan(10);
        samples.Select(sample => sample.Commit).Distinct().Count().ShouldBeGreaterThan(8, "the samples are of different commits");
        samples.Select(sample => sample.Day).ShouldBeInOrder(SortDirection.Ascending);
        foreach (var sample in samples)
        {
            var what = $"the sample of {sample.Day:yyyy-MM-dd} (commit {sample.Commit[..8]} of {sample.CommitDate:yyyy-MM-dd})";
            // The same repository analysed afresh (the reuse alone), then the commit loaded alone (the loading too).
            Difference(Lines(sample.Result), Lines(session.AnalyzeAsOf(sample.Repository, sample.Day))).ShouldBeEmpty(what + ", analysed afresh");
            Difference(Lines(sample.Result), Lines(session.AnalyzeAsOf(session.LoadCommit(sample.Commit), sample.Day))).ShouldBeEmpty(what + ", loaded alone");
        }

        // The findings change over the months (ages grow, items change): otherwise this test could not tell.
        samples.Select(sample => sample.Result.Diagnostics.Count).Distinct().Count().ShouldBeGreaterThan(3);
    }

    [Fact]
    public void A_sample_of_a_commit_unchanged_for_months_ages_on_each_day()
    {
        using var repository = TestRepository.Create();
        repository.Write("backlog/PAY-1.md", "---\nid: PAY-1\nstatus: in-progress\nowner: \"@alice\"\ndue: 2026-03-01\n---\n# Webhooks\n");
        repository.Commit("2026-01-05");
        var session = Open(repository.Path);

        var samples = session.AnalyzeHistory(new HistorySampling(new DateOnly(2026, 1, 1), new Period(1, PeriodUnit.Month)));

        samples.Select(sample => sample.Day).ShouldBe([new(2026, 1, 23), new(2026, 2, 23), new(2026, 3, 23), new(2026, 4, 23), new(2026, 5, 23), new(2026, 6, 23), new(2026, 7, 23), new(2026, 8, 23), new(2026, 9, 23), new(2026, 10, 23), new(2026, 11, 23)]);
        samples.Select(sample => sample.Commit).Distinct().Count().ShouldBe(1);
        string Ids(HistorySample sample) => string.Join(" ", sample.Result.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Ids(samples[0]).ShouldBe("", "touched 18 days before");
        Ids(samples[1]).ShouldBe("BL0301", "untouched for 49 days, not due yet");
        Ids(samples[2]).ShouldBe("BL0301 BL0302", "overdue since 2026-03-01");
        samples.ShouldAllBe(sample => ReferenceEquals(sample.Repository, samples[0].Repository), "a commit sampled again is loaded once");
    }

    private static LintSession Open(string path) =>
        LintSession.Open(path, null, new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), new FixedTimeProvider(AccuracyPlan.Now));
}
