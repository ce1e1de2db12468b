using LibGit2Sharp;

namespace BacklogLint.Testing;

/// <summary>A real git repository in a temporary folder, with commits at chosen dates by chosen authors.
/// Deleted on dispose.</summary>
public sealed class TestRepository : IDisposable
{
    private TestRepository(string path, bool withGit)
    {
        Path = path;
        if (withGit) Repository.Init(path);
    }

    /// <summary>The work tree (absolute).</summary>
    public string Path { get; }

    public static TestRepository Create(bool withGit = true)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "backloglint-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return new TestRepository(path, withGit);
    }

    /// <summary>Writes a file (LF kept as given; write CRLF explicitly to test it).</summary>
    public TestRepository Write(string relativePath, string content)
    {
        var full = FullPath(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public TestRepository WriteBytes(string relativePath, byte[] content)
    {
        var full = FullPath(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    public string FullPath(string relativePath) => System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Commits <paramref name="paths"/> (all changes when none are given) as written by <paramref name="author"/>
    /// on <paramref name="date"/> (author and committer date alike).</summary>
    public string Commit(DateTimeOffset date, string author = "alice", string message = "change", params string[] paths)
    {
        using var repository = new Repository(Path);
        if (paths.Length == 0) Commands.Stage(repository, "*");
        else foreach (var path in paths) Commands.Stage(repository, path);
        var signature = new Signature(author, $"{author}@example.com", date);
        return repository.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    public string Commit(string isoDate, string author = "alice", string message = "change", params string[] paths) =>
        Commit(DateTimeOffset.Parse(isoDate + (isoDate.Length == 10 ? "T12:00:00Z" : ""), System.Globalization.CultureInfo.InvariantCulture), author, message, paths);

    /// <summary>Marks the repository as a shallow clone whose boundary is HEAD, as <c>git clone --depth 1</c> does.</summary>
    public void MakeShallow()
    {
        using var repository = new Repository(Path);
        File.WriteAllText(System.IO.Path.Combine(repository.Info.Path, "shallow"), repository.Head.Tip.Sha + "\n");
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
                File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a test for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
