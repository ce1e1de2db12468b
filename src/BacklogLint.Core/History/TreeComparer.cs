using System.Text;

namespace BacklogLint.Core.History;

/// <summary>Compares two trees as git does: entry by entry in git's order, descending only into folders whose id
/// changed and that hold wanted files, so an unchanged folder costs one id comparison however many files it holds.</summary>
internal sealed class TreeComparer
{
    private readonly GitObjects _objects;
    private readonly IReadOnlySet<string> _files;
    private readonly HashSet<string> _folders;

    /// <param name="files">Repository-relative paths of the files wanted; changes to others are ignored.</param>
    public TreeComparer(GitObjects objects, IReadOnlySet<string> files)
    {
        _objects = objects;
        _files = files;
        _folders = FoldersOf(files);
    }

    /// <summary>The wanted files that <paramref name="newTree"/> added or changed against <paramref name="oldTree"/>
    /// (null: every wanted file it has).</summary>
    public List<FileChange> Changes(GitId? oldTree, GitId newTree)
    {
        var changes = new List<FileChange>();
        Compare(oldTree, newTree, "", changes);
        return changes;
    }

    private void Compare(GitId? oldTree, GitId newTree, string prefix, List<FileChange> changes)
    {
        if (oldTree == newTree) return;
        using var newLease = _objects.ReadTree(newTree);
        using var oldLease = oldTree is { } oldId ? _objects.ReadTree(oldId) : TreeLease.Empty;
        var newBytes = newLease.Span;
        var oldBytes = oldLease.Span;
        // Two versions of a folder mostly share their bytes: skip the entries before the first difference, and stop
        // where the rest of both is the same bytes (a changed id keeps the entries' lengths).
        var start = TreeEntries.EntryStartBefore(newBytes, newBytes.CommonPrefixLength(oldBytes));
        var sameEnd = CommonSuffixLength(newBytes[start..], oldBytes[start..]);
        var next = new TreeEntries(newBytes[start..]);
        var old = new TreeEntries(oldBytes[start..]);
        var hasOld = old.MoveNext();
        while (next.Remaining > sameEnd || next.Remaining != old.Remaining + (hasOld ? old.EntryLength : 0))
        {
            if (!next.MoveNext()) break;
            var order = 1;
            while (hasOld && (order = TreeEntries.Compare(old.Name, old.Kind == EntryKind.Tree, next.Name, next.Kind == EntryKind.Tree)) < 0)
                hasOld = old.MoveNext();
            GitId? previous = null;
            if (hasOld && order == 0)
            {
                // A file that replaces a submodule or a link of the same name is added: the old id is not its blob.
                if (old.Kind == next.Kind) previous = old.Id;
                hasOld = old.MoveNext();
            }

            if (previous == next.Id || next.Kind == EntryKind.Other) continue;
            var path = prefix + Encoding.UTF8.GetString(next.Name);
            if (next.Kind == EntryKind.Tree)
            {
                if (_folders.Contains(path)) Compare(previous, next.Id, path + "/", changes);
            }
            else if (_files.Contains(path))
            {
                changes.Add(new FileChange(path, next.Id, previous));
            }
        }
    }

    private static int CommonSuffixLength(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        const int Block = 256;
        var length = Math.Min(a.Length, b.Length);
        var suffix = 0;
        while (suffix + Block <= length && a[^(suffix + Block)..^suffix].SequenceEqual(b[^(suffix + Block)..^suffix])) suffix += Block;
        while (suffix < length && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        return suffix;
    }

    /// <summary>Every folder that holds a wanted file, at any depth ("a/b/c.md" gives "a" and "a/b").</summary>
    private static HashSet<string> FoldersOf(IEnumerable<string> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            for (var slash = file.IndexOf('/'); slash > 0; slash = file.IndexOf('/', slash + 1))
                folders.Add(file[..slash]);
        }

        return folders;
    }
}

/// <summary>A wanted file a commit added or changed; <see cref="OldBlob"/> is null when it added it.</summary>
internal sealed record FileChange(string Path, GitId Blob, GitId? OldBlob)
{
    /// <summary>Of the lines asked about this file when the change was compared, those it added (in <see cref="Blob"/>,
    /// not in <see cref="OldBlob"/>); null when they were not worked out there.</summary>
    public IReadOnlySet<string>? AddedLines { get; init; }
}
