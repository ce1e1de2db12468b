using BacklogLint.Core.History;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.History;

/// <summary>The walk's file and line dates against a naive reference computed from the generated model (each commit's
/// files, first parent and date), on random histories: a side line that merges into main and main into it, files
/// deleted and added again, a side line that is another root, more commits than the first stretches, and two starts
/// read together (base and head, including base == head), with one thread and many.</summary>
public sealed class WalkReferenceTests
{
    private static readonly string[] Paths = ["backlog/a.md", "backlog/a-b.md", "backlog/a/c.md", "backlog/a/d.md", "backlog/x y/e.md", "top.md", "backlog/z.md"];
    private static readonly string[] Pool = ["one", "two", "three", "four", "five", "six"];

    private sealed record Model(Dictionary<string, string> Files, int? FirstParent, DateOnly Date, string Sha);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Dates_match_a_naive_first_parent_reference(int seed)
    {
        var random = new Random(seed);
        using var test = TestRepository.Create();
        using var repository = new Repository(test.Path);
        var commits = new List<Model>();
        var blobs = new Dictionary<string, ObjectId>(StringComparer.Ordinal);

        int Commit(Dictionary<string, string> files, params int[] parents)
        {
            var definition = new TreeDefinition();
            foreach (var (path, content) in files)
            {
                if (!blobs.TryGetValue(content, out var blob))
                    blobs[content] = blob = repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content))).Id;
                definition.Add(path, blob, Mode.NonExecutableFile);
            }

            var date = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(commits.Count);
            var signature = new LibGit2Sharp.Signature("alice", "alice@example.com", date);
            var commit = repository.ObjectDatabase.CreateCommit(
                signature, signature, "change", repository.ObjectDatabase.CreateTree(definition),
                parents.Select(parent => repository.Lookup<LibGit2Sharp.Commit>(commits[parent].Sha)), prettifyMessage: false);
            commits.Add(new Model(files, parents.Length > 0 ? parents[0] : null, DateOnly.FromDateTime(date.UtcDateTime), commit.Sha));
            return commits.Count - 1;
        }

        string Content() => string.Concat(Pool.Where(_ => random.Next(2) == 0).Select(line => line + "\n"));

        Dictionary<string, string> Mutate(Dictionary<string, string> files)
        {
            var next = new Dictionary<string, string>(files, StringComparer.Ordinal);
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var path = Paths[random.Next(Paths.Length)];
                if (next.ContainsKey(path) && random.Next(4) == 0) next.Remove(path);
                else next[path] = Content();
            }

            return next;
        }

        var main = Commit(Mutate([]));
        var side = seed % 2 == 0 ? Commit(Mutate([])) : main; // even seeds: the side line is another root
        for (var step = 0; step < 70; step++)
        {
            var r = random.NextDouble();
            if (r < 0.5) main = Commit(Mutate(commits[main].Files), main);
            else if (r < 0.8) side = Commit(Mutate(commits[side].Files), side);
            else
            {
                var (into, from) = r < 0.9 ? (main, side) : (side, main);
                var merged = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var path in Paths)
                {
                    var pick = random.Next(2) == 0 ? commits[into].Files : commits[from].Files;
                    if (pick.TryGetValue(path, out var content)) merged[path] = content;
                }

                var merge = Commit(merged, into, from);
                if (r < 0.9) main = merge;
                else side = merge;
            }
        }

        var pairs = new List<(int Base, int Head)> { (main, side), (side, main), (main, main), (random.Next(commits.Count), main), (random.Next(commits.Count), random.Next(commits.Count)) };
        foreach (var (@base, head) in pairs)
        {
            var indexes = GitHistoryReader.Read(repository, [Request(@base), Request(head)]);
            Check(indexes[0], @base, $"base {@base} (head {head})");
            Check(indexes[1], head, $"head {head} (base {@base})");

            Check(GitHistoryReader.Read(repository, [Request(head)])[0], head, $"head {head} alone");
        }

        HistoryRequest Request(int start) => new(
            commits[start].Sha, Paths, Paths.ToDictionary(path => path, IReadOnlyCollection<string> (_) => [.. Pool, "missing"]));

        void Check(HistoryIndex index, int start, string what)
        {
            index.UnavailableReason.ShouldBeNull();
            foreach (var path in Paths)
            {
                index.LastChanged(path).ShouldBe(Date(start, path, line: null), $"{path} as of {what}");
                foreach (var line in Pool) index.LastChanged(path, line).ShouldBe(Date(start, path, line), $"'{line}' in {path} as of {what}");
            }
        }

        // The newest first-parent commit whose file differs from its parent's (line: that has the line and whose parent does not).
        DateOnly? Date(int start, string path, string? line)
        {
            if (!Has(commits[start], path, line)) return null;
            for (int? at = start; at is { } c; at = commits[c].FirstParent)
            {
                var commit = commits[c];
                var parent = commit.FirstParent is { } p ? commits[p] : null;
                var changed = line is null
                    ? commit.Files.TryGetValue(path, out var now) && (parent is null || !parent.Files.TryGetValue(path, out var before) || before != now)
                    : Has(commit, path, line) && (parent is null || !Has(parent, path, line));
                if (changed) return commit.Date;
            }

            return null;
        }

        static bool Has(Model commit, string path, string? line) =>
            commit.Files.TryGetValue(path, out var content) && (line is null || content.Split('\n').Contains(line));
    }
}
