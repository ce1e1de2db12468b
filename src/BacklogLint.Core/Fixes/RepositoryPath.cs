namespace BacklogLint.Core.Fixes;

/// <summary>Which paths a fix may edit: repository-relative, '/'-separated, inside the repository. Checked by the
/// applier on every edit, and again by whoever writes (<see cref="Session.LintSession.WriteFixes"/>), which also
/// refuses symbolic links on the way.</summary>
public static class RepositoryPath
{
    /// <summary>Whether <paramref name="path"/> names a file inside the repository by itself: not empty, not absolute
    /// (<c>/x</c>, <c>C:x</c>, <c>\\server</c>), no backslash, no empty, <c>.</c> or <c>..</c> segment, nothing in
    /// <c>.git</c>.</summary>
    public static bool IsSafe(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\\', StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal)
            || path.Contains('\0', StringComparison.Ordinal) || path.StartsWith('/'))
            return false;
        var segments = path.Split('/');
        return segments.All(segment => segment is not ("" or "." or ".."))
            && !segments.Any(segment => segment.Equals(".git", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The full path of <paramref name="path"/> under <paramref name="root"/>, when it is safe
    /// (<see cref="IsSafe"/>), stays under the root, and neither it nor a folder between it and the root is a symbolic
    /// link; else null.</summary>
    public static string? Resolve(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!IsSafe(path)) return null;
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine(fullRoot, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        for (var current = full; current.Length > fullRoot.Length; current = Path.GetDirectoryName(current)!)
        {
            FileSystemInfo info = current == full ? new FileInfo(current) : new DirectoryInfo(current);
            if (info.Exists && info.LinkTarget is not null) return null;
        }

        return full;
    }
}
