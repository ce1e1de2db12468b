using BacklogLint.Core.History;
using BacklogLint.Testing;
using LibGit2Sharp;

namespace BacklogLint.Core.Tests.History;

/// <summary>The tree comparison of the history walk against libgit2's own diff, on generated histories whose names
/// stress git's entry order (a folder sorts as if its name ended in '/': "a.md" &lt; "a/" &lt; "a0.md").</summary>
public sealed class TreeComparerTests
{
    private static readonly string[] Folders = ["", "a", "a.b", "a/b", "a-b", "a0", "backlog", "backlog/x y", "ä"];
    private static readonly string[] Names = ["a", "a.md", "a-b.md", "a0.md", "b.md", "z.md", "ä.md", "a b.md", "A.md"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Changes_match_libgit2s_diff_for_every_commit(int seed)
    {
        var random = new Random(seed);
        using var test = TestRepository.Create();
        var everyPath = Folders.SelectMany(folder => Names.Select(name => folder.Length == 0 ? name : folder + "/" + name)).ToList();
        for (var commit = 0; commit < 25; commit++)
        {
            foreach (var path in everyPath.OrderBy(_ => random.Next()).Take(random.Next(1, 6)))
            {
                var full = test.FullPath(path);
                if (File.Exists(full) && random.Next(4) == 0) File.Delete(full);
                else if (!Directory.Exists(full)) test.Write(path, $"{path} {random.Next()}\n");
            }

            test.Commit(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(commit));
        }

        var wanted = everyPath.Where(_ => random.Next(3) > 0).ToHashSet(StringComparer.Ordinal);
        using var repository = new Repository(test.Path);
        using var objects = new GitObjects(repository.Info.Path);
        var comparer = new TreeComparer(objects, wanted);
        foreach (var commit in repository.Commits.QueryBy(new CommitFilter { FirstParentOnly = true }))
        {
            var parent = commit.Parents.FirstOrDefault();
            var expected = repository.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree)
                .Where(change => change.Status != ChangeKind.Deleted && wanted.Contains(change.Path))
                .Select(change => $"{change.Path} {change.Oid.Sha} {(change.Status == ChangeKind.Added ? "-" : change.OldOid.Sha)}")
                .Order(StringComparer.Ordinal);

            var actual = comparer.Changes(parent is null ? null : GitId.FromHex(parent.Tree.Sha), GitId.FromHex(commit.Tree.Sha))
                .Select(change => $"{change.Path} {change.Blob} {change.OldBlob?.ToString() ?? "-"}")
                .Order(StringComparer.Ordinal);

            actual.ShouldBe(expected, $"commit {commit.Sha}");
        }
    }

    /// <summary>Entries that change kind or mode: a file made executable (same blob), a link or a submodule in its
    /// place, a folder of the same name. Only regular files are changes; one whose old entry was not a regular file is
    /// added.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Changes_are_the_regular_files_whose_blob_is_new_when_entries_change_kind(int seed)
    {
        var random = new Random(seed);
        using var test = TestRepository.Create();
        using var repository = new Repository(test.Path);
        string[] names = ["a", "a.md", "a-b.md", "b.md", "a/x.md", "a/b/y.md", "a.md/z.md"];
        var blobs = Enumerable.Range(0, 3).Select(i => repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"content {i}\n")))).ToList();
        var signature = new LibGit2Sharp.Signature("alice", "alice@example.com", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var submodule = repository.ObjectDatabase.CreateCommit(signature, signature, "m", repository.ObjectDatabase.CreateTree(new TreeDefinition()), [], false);
        var wanted = names.Select(name => "backlog/" + name).ToHashSet(StringComparer.Ordinal);
        using var objects = new GitObjects(repository.Info.Path);
        var comparer = new TreeComparer(objects, wanted);
        Tree? previous = null;
        for (var commit = 0; commit < 40; commit++)
        {
            var definition = new TreeDefinition();
            definition.Add("other.md", blobs[0], Mode.NonExecutableFile);
            foreach (var name in names.Where(_ => random.Next(3) > 0))
            {
                var path = "backlog/" + name;
                // A name that is a folder of an entry already added ("a" of "a/x.md") is left out rather than replaced.
                if (wanted.Any(other => other.StartsWith(path + "/", StringComparison.Ordinal) && definition[other] is not null)
                    || (name.Contains('/', StringComparison.Ordinal) && definition["backlog/" + name[..name.IndexOf('/', StringComparison.Ordinal)]] is not null))
                    continue;
                var blob = blobs[random.Next(blobs.Count)];
                switch (random.Next(4))
                {
                    case 0: definition.Add(path, blob, Mode.ExecutableFile); break;
                    case 1: definition.Add(path, blob, Mode.SymbolicLink); break;
                    case 2: definition.AddGitLink(path, submodule.Id); break;
                    default: definition.Add(path, blob, Mode.NonExecutableFile); break;
                }
            }

            var tree = repository.ObjectDatabase.CreateTree(definition);
            var before = previous is null ? [] : Regular(previous);
            var expected = Regular(tree)
                .Where(entry => before.GetValueOrDefault(entry.Key) != entry.Value)
                .Select(entry => $"{entry.Key} {entry.Value} {before.GetValueOrDefault(entry.Key) ?? "-"}")
                .Order(StringComparer.Ordinal);

            var actual = comparer.Changes(previous is null ? null : GitId.FromHex(previous.Sha), GitId.FromHex(tree.Sha))
                .Select(change => $"{change.Path} {change.Blob} {change.OldBlob?.ToString() ?? "-"}")
                .Order(StringComparer.Ordinal);

            actual.ShouldBe(expected, $"tree {commit}");
            previous = tree;
        }

        // The wanted regular files of a tree: their blob ids by path.
        Dictionary<string, string> Regular(Tree tree) =>
            wanted.Select(path => (path, entry: tree[path]))
                .Where(pair => pair.entry is { Mode: Mode.NonExecutableFile or Mode.ExecutableFile })
                .ToDictionary(pair => pair.path, pair => pair.entry!.Target.Sha, StringComparer.Ordinal);
    }

    [Fact]
    public void Without_an_old_tree_every_wanted_file_is_listed()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/a.md", "a\n").Write("backlog/sub/b.md", "b\n").Write("other/c.md", "c\n").Commit("2026-01-01");
        using var repository = new Repository(test.Path);
        using var objects = new GitObjects(repository.Info.Path);

        var changes = new TreeComparer(objects, new HashSet<string>(["backlog/a.md", "backlog/sub/b.md", "backlog/gone.md"]))
            .Changes(null, GitId.FromHex(repository.Head.Tip.Tree.Sha));

        changes.Select(change => change.Path).Order(StringComparer.Ordinal).ShouldBe(["backlog/a.md", "backlog/sub/b.md"]);
        changes.ShouldAllBe(change => change.OldBlob == null);
    }

    [Theory]
    [InlineData("a.md", false, "a", true, -1)]
    [InlineData("a", true, "a0.md", false, -1)]
    [InlineData("a", true, "a", false, 1)]
    [InlineData("a", false, "a", false, 0)]
    [InlineData("a-b", false, "a", true, -1)]
    public void Entries_compare_in_gits_order(string a, bool aIsTree, string b, bool bIsTree, int sign) =>
        Math.Sign(TreeEntries.Compare(System.Text.Encoding.UTF8.GetBytes(a), aIsTree, System.Text.Encoding.UTF8.GetBytes(b), bIsTree)).ShouldBe(sign);

    [Theory]
    [InlineData("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@example.com> 1767225600 +0100\n\nmessage", "2026-01-01", false)]
    [InlineData("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent 0123456789abcdef0123456789abcdef01234567\nparent 1111111111111111111111111111111111111111\nauthor A B <a@example.com> 1767225599 -0500\n\n", "2025-12-31", true)]
    public void Commit_header_gives_the_tree_the_first_parent_and_the_utc_author_date(string raw, string date, bool hasParent)
    {
        var header = CommitHeader.Parse(System.Text.Encoding.UTF8.GetBytes(raw));

        header.Tree.ToString().ShouldBe("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
        header.AuthorDate.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        header.FirstParent?.ToString().ShouldBe(hasParent ? "0123456789abcdef0123456789abcdef01234567" : null);
        (header.FirstParent is null).ShouldBe(!hasParent);
    }

    [Theory]
    [InlineData("author A <a@example.com> 1767225600 +0100\n")]
    [InlineData("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@example.com> yesterday\n")]
    [InlineData("tree xyz\nauthor A <a@example.com> 1767225600 +0100\n")]
    [InlineData("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@example.com> 99999999999999999 +0000\n")]
    public void Commit_header_that_cannot_be_read_is_a_format_error(string raw) =>
        Should.Throw<FormatException>(() => CommitHeader.Parse(System.Text.Encoding.UTF8.GetBytes(raw)));
}
