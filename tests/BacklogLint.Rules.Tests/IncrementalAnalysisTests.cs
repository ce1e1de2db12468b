using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Session;
using BacklogLint.Testing;
using BacklogLint.Testing.Accuracy;

namespace BacklogLint.Rules.Tests;

/// <summary>An editor's analysis after each edit reuses the findings of the items whose inputs did not change
/// (<see cref="RuleInputs"/>, declared by each rule). Whatever the edits, it must find exactly what a fresh analysis of
/// the same version finds: a rule that declares less than it reads fails here. The edits are drawn at random (seeded)
/// over a generated repository with findings of every rule planted: ids changed to another item's, statuses, owners,
/// references added, files created, deleted and put back, documents beside items edited.</summary>
public sealed partial class IncrementalAnalysisTests
{
    public static TheoryData<int, bool> Cases() => new()
    {
        { 1, true },
        { 2, false }, // no roster configured: the roster is gathered from the items, so edits change it
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reused_findings_are_those_a_fresh_analysis_finds_after_every_edit(int seed, bool roster)
    {
        var plan = AccuracyPlan.Generate(120, seed);
        using var folder = TestRepository.Create(withGit: false);
        plan.Write(folder.Path);
        var config = Path.Combine(folder.Path, BacklogLintConfig.FileName);
        if (!roster) File.WriteAllText(config, RosterSection().Replace(File.ReadAllText(config), ""));
        var session = LintSession.Open(folder.Path, null, new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), new FixedTimeProvider(AccuracyPlan.Now));
        var live = session.LoadLive();
        var previous = session.Analyze(live.Repository);
        var random = new Random(seed);
        var edits = new Edits(folder.Path, random);
        var buffers = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var step = 0; step < 80; step++)
        {
            var (path, text, what) = edits.Next(live);
            live = live.With(path, text);
            var relative = Path.GetRelativePath(folder.Path, path).Replace('\\', '/');
            if (text is null) buffers.Remove(relative);
            else buffers[relative] = text;

            var incremental = session.Analyze(live.Repository, previous);
            var fresh = session.Analyze(live.Repository);

            Difference(Lines(incremental), Lines(fresh)).ShouldBeEmpty($"after edit {step}: {what} ({relative})");
            // Now and then, against the working tree loaded afresh with the same buffers: what the live repository
            // shares between versions (roster, paths) is what loading finds.
            if (step % 8 == 7)
                Difference(Lines(incremental), Lines(session.Analyze(session.LoadWorkingTree(buffers)))).ShouldBeEmpty($"after edit {step}, against a fresh load");
            previous = incremental;
        }
    }

    [Fact]
    public void Before_history_is_read_the_rules_that_read_none_find_what_they_find_after()
    {
        var plan = AccuracyPlan.Generate(120, 1);
        using var folder = TestRepository.Create(withGit: false);
        plan.Write(folder.Path);
        var session = LintSession.Open(folder.Path, null, new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), new FixedTimeProvider(AccuracyPlan.Now));

        var files = session.LoadLiveFiles();
        var before = session.Analyze(files.Repository);
        var after = session.Analyze(session.WithHistory(files).Repository);

        files.HasHistory.ShouldBeFalse();
        var historyless = BuiltInRules.All.Where(rule => !rule.Reads.HasFlag(RuleInputs.History)).Select(rule => rule.Descriptor.Id).ToHashSet();
        historyless.ShouldNotContain(RuleIds.StaleAgreement);
        historyless.ShouldNotContain(RuleIds.UnusedSuppression, "it reads every other rule's findings");
        before.Diagnostics.ShouldAllBe(d => historyless.Contains(d.Id));
        after.Diagnostics.ShouldContain(d => d.Id == RuleIds.StaleAgreement);
        Difference(Lines(before), Lines(after with { Diagnostics = [.. after.Diagnostics.Where(d => historyless.Contains(d.Id))] })).ShouldBeEmpty();
    }

    /// <summary>The lines only one side has, marked with the side; empty when both are the same, in the same order.</summary>
    internal static List<string> Difference(List<string> actual, List<string> expected) =>
        actual.SequenceEqual(expected)
            ? []
            : [.. actual.Except(expected).Select(line => "reused only: " + line), .. expected.Except(actual).Select(line => "fresh only: " + line), "(or the same lines in another order)"];

    /// <summary>Each finding as a line (place, severity, rule, fingerprint, message), then each suppressed one.</summary>
    internal static List<string> Lines(AnalysisResult result) =>
    [
        .. result.Diagnostics.Select(Line),
        .. result.Suppressed.Select(suppressed => "suppressed " + Line(suppressed.Diagnostic)),
    ];

    private static string Line(Diagnostic d) => $"{d.Path}({d.Span?.Line},{d.Span?.Column}) {d.Severity} {d.Id} {d.Fingerprint}: {d.Message}";

    [GeneratedRegex(@"^roster:\n(?:[ #].*\n)*", RegexOptions.Multiline)]
    private static partial Regex RosterSection();

    /// <summary>Draws the next edit: a file and its new text (null: as on disk, after deleting or restoring it there).</summary>
    internal sealed partial class Edits(string root, Random random)
    {
        private static readonly string[] Statuses = ["done", "dropped", "in-progress", "blocked", "todo", "accepted", "superseded", "in-progres"];
        private int _created;

        public (string Path, string? Text, string What) Next(LiveRepository live)
        {
            var items = live.Repository.Items;
            var item = items[random.Next(items.Count)];
            var path = Path.Combine(root, item.Path);
            var text = File.Exists(path) ? File.ReadAllText(path) : "";
            var other = items[random.Next(items.Count)].Id.Value;
            switch (random.Next(12))
            {
                case 0:
                    return (path, IdLine().Replace(text, $"id: {other}", 1), $"id changed to {other}'s");
                case 1:
                    return (path, StatusLine().Replace(text, $"status: {Statuses[random.Next(Statuses.Length)]}", 1), "status changed");
                case 2:
                    return (path, OwnerLine().Replace(text, $"owner: \"@someone-{random.Next(3)}\"", 1), "owner changed");
                case 3:
                    return (path, IdLine().Replace(text, match => $"{match.Value}\ndepends-on: [{(random.Next(2) == 0 ? other : "NOPE-1")}]", 1), "dependency added");
                case 4:
                    var lines = text.Split('\n');
                    var end = Array.IndexOf(lines, "---", 1);
                    if (end < 2) goto default;
                    var drop = random.Next(1, end);
                    return (path, string.Join('\n', lines.Where((_, i) => i != drop)), "front-matter line removed");
                case 5:
                    File.Delete(path);
                    return (path, null, "file deleted");
                case 6:
                    // Saved as well: a load of the working tree finds new files on disk only.
                    var created = Path.Combine(root, "backlog", $"NEW-{++_created}.md");
                    return Saved(created, $"---\nid: NEW-{_created}\ntitle: New\ntype: task\nstatus: in-progress\nowner: \"@someone-{random.Next(3)}\"\ndepends-on: [{other}]\n---\n# New\n", "item created");
                case 7:
                    var notes = Path.Combine(Path.GetDirectoryName(path)!, "notes.md");
                    return Saved(notes, $"# Notes\n\nSee [the plan](gone-{random.Next(2)}.md) and [{other}]({Path.GetFileName(item.Path)}).\n", "document beside items written");
                case 8:
                    return (path, text + $"\n[later](missing-{random.Next(2)}.md)\n", "broken link added");
                case 9:
                    // An item others name: their findings about it (a dropped dependency, say) change while they do not.
                    var named = items.SelectMany(i => i.ReferencedIds).Select(id => live.Repository.Find(id)).OfType<Core.Model.WorkItem>().ToList();
                    if (named.Count == 0) goto default;
                    var target = named[random.Next(named.Count)];
                    var targetPath = Path.Combine(root, target.Path);
                    var status = random.Next(3) switch { 0 => "dropped", 1 => "done", _ => "in-progress" };
                    return (targetPath, StatusLine().Replace(File.Exists(targetPath) ? File.ReadAllText(targetPath) : "", $"status: {status}", 1), $"status of {target.Id.Value}, which others name, changed to {status}");
                case 10:
                    // An item renamed to what a handoff names as its receiver: the handoff is no longer orphaned.
                    var receivers = items.SelectMany(i => i.Handoffs).Select(h => h.To?.Value).OfType<string>().ToList();
                    if (receivers.Count == 0) goto default;
                    var receiver = receivers[random.Next(receivers.Count)];
                    return (path, IdLine().Replace(text, $"id: {receiver}", 1), $"id changed to the handoff receiver {receiver}");
                default:
                    return (path, null, "buffer closed (as on disk)");
            }
        }

        private static (string Path, string? Text, string What) Saved(string path, string text, string what)
        {
            File.WriteAllText(path, text);
            return (path, text, what);
        }

        [GeneratedRegex(@"^id: .*$", RegexOptions.Multiline)]
        private static partial Regex IdLine();

        [GeneratedRegex(@"^status: .*$", RegexOptions.Multiline)]
        private static partial Regex StatusLine();

        [GeneratedRegex(@"^owner: .*$", RegexOptions.Multiline)]
        private static partial Regex OwnerLine();
    }
}
