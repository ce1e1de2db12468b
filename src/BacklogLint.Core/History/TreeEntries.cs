namespace BacklogLint.Core.History;

/// <summary>The entries of a raw git tree (<c>mode SP name NUL 20-byte-id</c>, repeated), read in place.</summary>
internal ref struct TreeEntries(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> _rest = data;

    /// <summary>How many bytes are left after the current entry.</summary>
    public readonly int Remaining => _rest.Length;

    /// <summary>The offset of the first entry that is not wholly inside the first <paramref name="length"/> bytes:
    /// where two trees that share those bytes start to differ, found without reading the entries before it.</summary>
    public static int EntryStartBefore(ReadOnlySpan<byte> data, int length)
    {
        var offset = 0;
        while (true)
        {
            var nul = data[offset..].IndexOf((byte)0);
            var end = offset + nul + 1 + GitId.Size;
            if (nul < 0 || end > length) return offset;
            offset = end;
        }
    }

    public ReadOnlySpan<byte> Name { get; private set; }

    public GitId Id { get; private set; }

    public EntryKind Kind { get; private set; }

    /// <summary>The length in bytes of the current entry.</summary>
    public int EntryLength { get; private set; }

    /// <summary>Moves to the next entry; false at the end (or at bytes that are not a tree entry).</summary>
    public bool MoveNext()
    {
        var space = _rest.IndexOf((byte)' ');
        if (space <= 0) return false;
        var nul = _rest[(space + 1)..].IndexOf((byte)0);
        if (nul < 0 || _rest.Length < space + 1 + nul + 1 + GitId.Size) return false;
        var mode = _rest[..space];
        Kind = mode.SequenceEqual("40000"u8) ? EntryKind.Tree
            : mode.StartsWith("100"u8) ? EntryKind.File
            : EntryKind.Other; // a symbolic link (120000) or a submodule (160000)
        Name = _rest.Slice(space + 1, nul);
        Id = GitId.FromBytes(_rest.Slice(space + 1 + nul + 1, GitId.Size));
        EntryLength = space + 1 + nul + 1 + GitId.Size;
        _rest = _rest[EntryLength..];
        return true;
    }

    /// <summary>Git's order of tree entries: by name, a folder as if its name ended in '/'.</summary>
    public static int Compare(ReadOnlySpan<byte> a, bool aIsTree, ReadOnlySpan<byte> b, bool bIsTree)
    {
        var common = Math.Min(a.Length, b.Length);
        var order = a[..common].SequenceCompareTo(b[..common]);
        if (order != 0) return order;
        int next1 = a.Length > common ? a[common] : aIsTree ? '/' : 0;
        int next2 = b.Length > common ? b[common] : bIsTree ? '/' : 0;
        return next1 - next2;
    }
}

internal enum EntryKind
{
    File,
    Tree,
    Other,
}
