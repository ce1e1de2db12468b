namespace BacklogLint.Testing;

/// <summary>Finds files of the source tree (fixtures, rule pages, the sample) from a test's output folder.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BacklogLint.sln"))) return dir.FullName;
        throw new InvalidOperationException($"BacklogLint.sln not found above {AppContext.BaseDirectory}");
    }
}
