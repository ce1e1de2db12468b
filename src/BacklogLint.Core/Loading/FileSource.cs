using System.Collections.Concurrent;
using BacklogLint.Core.History;
using BacklogLint.Core.Interop;
using BacklogLint.Core.Parsing;
using LibGit2Sharp;

namespace BacklogLint.Core.Loading;

/// <summary>Where a planning folder's files are read from: the working tree, or the tree of one commit (a pull
/// request's base and head are read from git objects, without a checkout). Paths are full paths under the folder.</summary>
internal abstract class FileSource : IDisposable
{
    /// <summary>The Markdown files under the folder, and the files named as the format's whole-YAML items
    /// (<c>kep.yaml</c>), in ordinal order.</summary>
    public abstract IReadOnlyList<string> ItemCandidates();

    public abstract long Size(string fullPath);

    public abstract byte[] Read(string fullPath);

    /// <summary>At most the first <paramref name="count"/> bytes of a file, without reading the rest.</summary>
    public abstract byte[] ReadStart(string fullPath, int count);

    protected static byte[] ReadStart(Stream stream, int count)
    {
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>A text file by repository-relative path (CODEOWNERS), or null.</summary>
    public abstract string? ReadText(string fullPath);

    /// <summary>An id of the file's content (a git blob id), when the source knows one: two sources whose ids for a
    /// file are equal have the same bytes there.</summary>
    public virtual string? ContentId(string fullPath) => null;

    /// <summary>The commit history starts from; null for HEAD.</summary>
    public virtual string? Commit => null;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>Files as they are on disk. Symbolic links are not followed; <c>.git</c> and <c>node_modules</c> are skipped.</summary>
/// <param name="yamlFileNames">Names of whole-YAML item files listed besides Markdown (<c>kep.yaml</c>).</param>
/// <param name="overlay">Texts read instead of files, by full path (<see cref="LoadOptions.Overlay"/>).</param>
internal sealed class WorkingTreeSource(string folder, IReadOnlyList<string>? yamlFileNames = null, IReadOnlyDictionary<string, string>? overlay = null) : FileSource
{
    private byte[]? Overlaid(string fullPath) =>
        overlay is not null && overlay.TryGetValue(fullPath, out var text) ? System.Text.Encoding.UTF8.GetBytes(text) : null;

    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    public override IReadOnlyList<string> ItemCandidates() =>
        [.. (yamlFileNames ?? []).Prepend("*.md").SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, Walk))
            .Where(path => !IsToolFolder(Path.GetRelativePath(folder, path).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)];

    public override long Size(string fullPath) => Overlaid(fullPath)?.Length ?? new FileInfo(fullPath).Length;

    public override byte[] Read(string fullPath)
    {
        if (Overlaid(fullPath) is { } overlaid) return overlaid;
        using var stream = OpenRegularFile(fullPath);
        // Read into one array of the file's size: a growing buffer copied out at the end made three or four arrays
        // per file, and for a long proposal document each was on the large-object heap, whose churn forced full
        // collections while the other threads parsed. A file that changes while it is read is read as it ends up.
        var bytes = new byte[stream.Length];
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length) return bytes[..read];
        var next = stream.ReadByte();
        if (next < 0) return bytes;
        using var grown = new MemoryStream();
        grown.Write(bytes);
        grown.WriteByte((byte)next);
        stream.CopyTo(grown);
        return grown.ToArray();
    }

    public override byte[] ReadStart(string fullPath, int count)
    {
        if (Overlaid(fullPath) is { } overlaid) return overlaid.Length <= count ? overlaid : overlaid[..count];
        using var stream = OpenRegularFile(fullPath);
        return ReadStart(stream, count);
    }

    /// <summary>Opens a file for reading, refusing what is not a regular file: a FIFO named <c>x.md</c> would block a
    /// plain open or read forever, so on Unix the file is opened non-blocking and must be seekable.</summary>
    internal static FileStream OpenRegularFile(string fullPath)
    {
        if (OperatingSystem.IsWindows()) return File.OpenRead(fullPath);
        var handle = Libc.OpenNonBlocking(fullPath);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            return File.OpenRead(fullPath); // .NET says why, as an IOException
        }

        var stream = new FileStream(handle, FileAccess.Read);
        if (stream.CanSeek) return stream;
        stream.Dispose();
        throw new IOException("it is not a regular file (a FIFO, socket or device)");
    }

    /// <summary>Reads no more than <see cref="MaxTextBytes"/>: the path comes from configuration (a status list), and
    /// a link to <c>/dev/zero</c> or a huge file must be an unreadable file, not an exhausted memory.</summary>
    public override string? ReadText(string fullPath)
    {
        if (overlay is not null && overlay.TryGetValue(fullPath, out var text)) return text;
        if (!File.Exists(fullPath)) return null;
        var bytes = ReadStart(fullPath, MaxTextBytes + 1);
        if (bytes.Length > MaxTextBytes) throw new IOException($"it is over {MaxTextBytes:N0} bytes");
        return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
    }

    /// <summary>Larger than any CODEOWNERS (GitHub stops at 3 MB) or status list.</summary>
    internal const int MaxTextBytes = 4 * 1024 * 1024;

    internal static bool IsToolFolder(string relative) =>
        relative.StartsWith(".git/", StringComparison.Ordinal)
        || relative.StartsWith("node_modules/", StringComparison.Ordinal)
        || relative.Contains("/node_modules/", StringComparison.Ordinal);
}

/// <summary>Files as one commit has them, read from git objects. Contents are read through raw object reads
/// (<see cref="GitObjects"/>, one reader per thread), so that files are read in parallel as they are parsed.</summary>
internal sealed class CommitSource : FileSource
{
    private readonly Repository _repository;
    private readonly LibGit2Sharp.Commit _commit;
    private readonly string _workTree;
    private readonly Dictionary<string, GitId> _candidates = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<GitObjects> _readers = [];
    private readonly Lock _gate = new();

    private readonly IReadOnlyList<string> _yamlFileNames;

    /// <param name="yamlFileNames">Names of whole-YAML item files listed besides Markdown (<c>kep.yaml</c>).</param>
    public CommitSource(PlanningLocation location, string commitish, IReadOnlyList<string>? yamlFileNames = null)
    {
        _yamlFileNames = yamlFileNames ?? [];
        _workTree = location.WorkTree ?? throw new InvalidOperationException("a commit can only be read inside a git work tree");
        _repository = new Repository(location.GitDirectory);
        try
        {
            _commit = _repository.Lookup<LibGit2Sharp.Commit>(commitish)
                ?? throw new NotFoundException($"commit '{commitish}' is not in this clone");
            var prefix = location.RelativePath(location.Folder);
            var tree = prefix is "." ? _commit.Tree : _commit[prefix]?.Target as Tree;
            if (tree is not null) Collect(tree, prefix is "." ? "" : prefix + "/");
        }
        catch
        {
            _repository.Dispose(); // no one else can: the caller gets no source to dispose
            throw;
        }
    }

    public override string Commit => _commit.Sha;

    public override IReadOnlyList<string> ItemCandidates() => [.. _candidates.Keys.Order(StringComparer.Ordinal)];

    public override long Size(string fullPath) => WithReader(reader => reader.ReadSize(_candidates[fullPath]));

    public override byte[] Read(string fullPath) => WithReader(reader => reader.ReadBlob(_candidates[fullPath]));

    /// <summary>Git objects cannot be read in part: the blob is read, and its start kept.</summary>
    public override byte[] ReadStart(string fullPath, int count)
    {
        var content = Read(fullPath);
        return content.Length <= count ? content : content[..count];
    }

    public override string? ContentId(string fullPath) => _candidates.TryGetValue(fullPath, out var id) ? id.ToString() : null;

    /// <summary>Null also for a blob over <see cref="WorkingTreeSource.MaxTextBytes"/>: a pull request can commit a
    /// huge status list, and reading it whole would exhaust memory.</summary>
    public override string? ReadText(string fullPath)
    {
        var relative = Path.GetRelativePath(_workTree, fullPath).Replace('\\', '/');
        lock (_gate)
            return _commit[relative]?.Target is Blob { Size: <= WorkingTreeSource.MaxTextBytes } blob ? blob.GetContentText() : null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            while (_readers.TryTake(out var reader)) reader.Dispose(); // taken, so that a second Dispose does not free them again
            _repository.Dispose();
        }

        base.Dispose(disposing);
    }

    private T WithReader<T>(Func<GitObjects, T> read)
    {
        var reader = _readers.TryTake(out var idle) ? idle : new GitObjects(_repository.Info.Path);
        try
        {
            return read(reader);
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    private void Collect(Tree tree, string prefix)
    {
        foreach (var entry in tree)
        {
            var path = prefix + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Tree && !WorkingTreeSource.IsToolFolder(path + "/"))
                Collect((Tree)entry.Target, path + "/");
            else if (entry.TargetType == TreeEntryTargetType.Blob && entry.Mode != Mode.SymbolicLink
                     && (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || _yamlFileNames.Contains(entry.Name, StringComparer.OrdinalIgnoreCase)))
                _candidates[Path.Combine(_workTree, path)] = GitId.FromHex(entry.Target.Sha);
        }
    }
}

/// <summary>A file on disk read to show its lines (the terminal report quotes the lines findings point at): only a
/// regular file (a FIFO named <c>x.md</c> would block the read forever) of at most a given size, decoded as items
/// are, so that line numbers agree with the findings'.</summary>
public static class LocalFile
{
    /// <returns>Null when the file is missing, not a regular file, over <paramref name="maxBytes"/> or unreadable.</returns>
    public static SourceText? ReadText(string fullPath, long maxBytes)
    {
        try
        {
            using var stream = WorkingTreeSource.OpenRegularFile(fullPath);
            if (stream.Length > maxBytes) return null;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return SourceText.Decode(bytes, out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
