using System.Buffers;
using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>Raw reads from a repository's object database through libgit2 (the native library LibGit2Sharp ships and
/// loads), for the history walk: one native call per object, and the commit and tree formats read here without a
/// managed object per entry. LibGit2Sharp's <c>Tree</c> costs ~10 µs per entry and its diff ~0.4 ms per commit on a
/// folder of 2,000 files; reading the tree's bytes and comparing entry ids is what <c>git log</c> does.
/// Not thread-safe: use one per thread.</summary>
internal sealed partial class GitObjects : IDisposable
{
    private const string Library = "libgit2";
    private const int ObjectCommit = 1;
    private const int ObjectTree = 2;
    private const int ObjectBlob = 3;

    /// <summary>How many trees are kept: enough for the folders on the way to the items, in a commit and its parent.</summary>
    private const int CachedTrees = 64;

    private readonly IntPtr _repository;
    private readonly IntPtr _database;
    private readonly Dictionary<GitId, TreeBytes> _trees = [];
    private readonly Queue<GitId> _treeOrder = new();
    private bool _disposed;

    static GitObjects()
    {
        // The same native library LibGit2Sharp loads: its file name carries the libgit2 commit it was built from.
        NativeLibrary.SetDllImportResolver(typeof(GitObjects).Assembly, (name, _, _) =>
            name == Library
                ? NativeLibrary.Load("git2-" + GlobalSettings.Version.LibGit2CommitSha, typeof(Repository).Assembly, null)
                : IntPtr.Zero);
        // libgit2 hashes every object it reads to verify it (SHA-1 with collision detection): ~0.15 ms for a folder's
        // tree of 2,000 files, most of the history walk. git does not when it reads; `git fsck` is for that.
        GlobalSettings.SetStrictHashVerification(false);
    }

    /// <param name="gitDirectory">The repository's git folder (<c>Repository.Info.Path</c>).</param>
    public GitObjects(string gitDirectory)
    {
        Check(Init(), "initialise libgit2");
        try
        {
            Check(RepositoryOpen(out _repository, gitDirectory), "open the repository");
            if (RepositoryOdb(out _database, _repository) is var status and < 0)
            {
                RepositoryFree(_repository);
                Check(status, "open the object database");
            }
        }
        catch
        {
            _ = Shutdown(); // Dispose is not called when the constructor throws
            throw;
        }
    }

    /// <summary>A commit's tree, first parent and author date (UTC).</summary>
    public CommitHeader ReadCommit(GitId commit)
    {
        var (buffer, length) = Read(commit, ObjectCommit);
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
        var (buffer, length) = Read(tree, ObjectTree);
        var bytes = new TreeBytes(buffer, length);
        if (_trees.Count == CachedTrees && _treeOrder.TryDequeue(out var oldest) && _trees.Remove(oldest, out var evicted)) evicted.Release();
        _trees[tree] = bytes;
        _treeOrder.Enqueue(tree);
        return new TreeLease(bytes.Hold());
    }

    public byte[] ReadBlob(GitId blob)
    {
        var (buffer, length) = Read(blob, ObjectBlob);
        var content = buffer.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(buffer);
        return content;
    }

    /// <summary>A blob's size, from the object's header alone (a file over the size limit is not read to learn it).</summary>
    public long ReadSize(GitId blob)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Check(OdbReadHeader(out var size, out var type, _database, in blob), "read the header of object " + blob);
        if (type != ObjectBlob) throw new LibGit2SharpException($"object {blob} is not a blob (type {type})");
        return checked((long)size);
    }

    /// <summary>An object's bytes in a buffer rented from the shared pool (the caller returns it).</summary>
    private (byte[] Buffer, int Length) Read(GitId id, int expectedType)
    {
        ObjectDisposedException.ThrowIf(_disposed, this); // the handles are freed: libgit2 would read freed memory
        Check(OdbRead(out var handle, _database, in id), "read object " + id);
        try
        {
            var type = OdbObjectType(handle);
            if (type != expectedType) throw new LibGit2SharpException($"object {id} is not of the expected type (type {type})");
            var length = checked((int)OdbObjectSize(handle));
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            Marshal.Copy(OdbObjectData(handle), buffer, 0, length);
            return (buffer, length);
        }
        finally
        {
            OdbObjectFree(handle);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var bytes in _trees.Values) bytes.Release();
        _trees.Clear();
        OdbFree(_database);
        RepositoryFree(_repository);
        _ = Shutdown(); // balances Init: libgit2 counts its users
    }

    private static void Check(int status, string what)
    {
        if (status >= 0) return;
        var error = ErrorLast();
        var message = error == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error));
        throw new LibGit2SharpException($"cannot {what}: {message ?? "error " + status}");
    }

    [LibraryImport(Library, EntryPoint = "git_libgit2_init")]
    private static partial int Init();

    [LibraryImport(Library, EntryPoint = "git_libgit2_shutdown")]
    private static partial int Shutdown();

    [LibraryImport(Library, EntryPoint = "git_error_last")]
    private static partial IntPtr ErrorLast();

    [LibraryImport(Library, EntryPoint = "git_repository_open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RepositoryOpen(out IntPtr repository, string path);

    [LibraryImport(Library, EntryPoint = "git_repository_odb")]
    private static partial int RepositoryOdb(out IntPtr database, IntPtr repository);

    [LibraryImport(Library, EntryPoint = "git_repository_free")]
    private static partial void RepositoryFree(IntPtr repository);

    [LibraryImport(Library, EntryPoint = "git_odb_free")]
    private static partial void OdbFree(IntPtr database);

    [LibraryImport(Library, EntryPoint = "git_odb_read")]
    private static partial int OdbRead(out IntPtr handle, IntPtr database, in GitId id);

    [LibraryImport(Library, EntryPoint = "git_odb_read_header")]
    private static partial int OdbReadHeader(out nuint size, out int type, IntPtr database, in GitId id);

    [LibraryImport(Library, EntryPoint = "git_odb_object_type")]
    private static partial int OdbObjectType(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "git_odb_object_size")]
    private static partial nuint OdbObjectSize(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "git_odb_object_data")]
    private static partial IntPtr OdbObjectData(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "git_odb_object_free")]
    private static partial void OdbObjectFree(IntPtr handle);
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
