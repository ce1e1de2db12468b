using System.Buffers;
using BacklogLint.Core.Interop;
using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Raw reads from a repository's object database through libgit2 (the native library LibGit2Sharp ships and
/// loads), for the history walk: one native call per object, and the commit and tree formats read here without a
/// managed object per entry. LibGit2Sharp's <c>Tree</c> costs ~10 µs per entry and its diff ~0.4 ms per commit on a
/// folder of 2,000 files; reading the tree's bytes and comparing entry ids is what <c>git log</c> does.
/// Not thread-safe: use one per thread.</summary>
internal sealed class GitObjects : IDisposable
{
    /// <summary>How many trees are kept: enough for the folders on the way to the items, in a commit and its parent.</summary>
    private const int CachedTrees = 64;

    private readonly Libgit2.ObjectDatabaseHandle _database;
    private readonly Dictionary<GitId, TreeBytes> _trees = [];
    private readonly Queue<GitId> _treeOrder = new();
    private bool _disposed;

    /// <param name="gitDirectory">The repository's git folder (<c>Repository.Info.Path</c>).</param>
    public GitObjects(string gitDirectory)
    {
        NativeSettings.Initialize();
        _database = Libgit2.OpenObjectDatabase(gitDirectory);
    }

    /// <summary>A commit's tree, first parent and author date (UTC).</summary>
    public CommitHeader ReadCommit(GitId commit)
    {
        var (buffer, length) = Read(commit, Libgit2.ObjectCommit);
        try
        {
            return CommitHeader.Parse(buffer.AsSpan(0, length));
        }
        catch (FormatException e)
        {
            throw new LibGit2SharpException($"commit {commit} cannot be read: {e.Message}", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A tree's raw entries (<c>mode SP name NUL id</c>), to read with <see cref="TreeEntries"/>; dispose the
    /// lease when done. The last trees read are kept: walking history, a folder's tree in one commit is the same
    /// folder's in the next. The bytes are pooled (a walk reads tens of thousands of trees of ~80 KB), so they go back
    /// to the pool only when neither the cache nor a lease holds them.</summary>
    public TreeLease ReadTree(GitId tree)
    {
        if (_trees.TryGetValue(tree, out var cached)) return new TreeLease(cached.Hold());
        var (buffer, length) = Read(tree, Libgit2.ObjectTree);
        var bytes = new TreeBytes(buffer, length);
        if (_trees.Count == CachedTrees && _treeOrder.TryDequeue(out var oldest) && _trees.Remove(oldest, out var evicted)) evicted.Release();
        _trees[tree] = bytes;
        _treeOrder.Enqueue(tree);
        return new TreeLease(bytes.Hold());
    }

    public byte[] ReadBlob(GitId blob)
    {
        var (buffer, length) = Read(blob, Libgit2.ObjectBlob);
        var content = buffer.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(buffer);
        return content;
    }

    /// <summary>A blob's size, from the object's header alone (a file over the size limit is not read to learn it).</summary>
    public long ReadSize(GitId blob)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var (size, type) = Libgit2.ReadHeader(_database, in blob);
        if (type != Libgit2.ObjectBlob) throw new LibGit2SharpException($"object {blob} is not a blob (type {type})");
        return size;
    }

    /// <summary>An object's bytes in a buffer rented from the shared pool (the caller returns it). An object over 2 GB
    /// is an unreadable file (no array holds it; callers ask for the size first).</summary>
    private (byte[] Buffer, int Length) Read(GitId id, int expectedType)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var handle = Libgit2.Read(_database, in id);
        var type = Libgit2.TypeOf(handle);
        if (type != expectedType) throw new LibGit2SharpException($"object {id} is not of the expected type (type {type})");
        var size = Libgit2.SizeOf(handle);
        if (size > Array.MaxLength) throw new IOException($"object {id} is {size:N0} bytes, more than can be read at once");
        var length = (int)size;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        Libgit2.DataOf(handle, length).CopyTo(buffer);
        return (buffer, length);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var bytes in _trees.Values) bytes.Release();
        _trees.Clear();
        _database.Dispose();
    }
}

/// <summary>A tree's bytes in a pooled buffer, counted while the cache or leases hold them (one thread only).</summary>
internal sealed class TreeBytes(byte[] buffer, int length)
{
    private int _holders = 1; // the cache

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public TreeBytes Hold()
    {
        _holders++;
        return this;
    }

    public void Release()
    {
        if (--_holders == 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}

/// <summary>A hold on a tree's bytes, released on dispose.</summary>
internal readonly struct TreeLease(TreeBytes? bytes) : IDisposable
{
    /// <summary>No bytes: the side of a comparison where a folder did not exist yet.</summary>
    public static TreeLease Empty => default;

    public ReadOnlySpan<byte> Span => bytes is null ? [] : bytes.Span;

    public void Dispose() => bytes?.Release();
}
