using System.Globalization;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.GitHub.Tests;

/// <summary>Findings made by hand, for the parts that only pass them on.</summary>
internal static class Findings
{
    public static Diagnostic Make(string id, Severity severity, string? path, int line = 1, string? message = null) =>
        new(
            new RuleDescriptor(id, "rule-" + id.ToLowerInvariant(), "Title of " + id, "{0}", RuleCategory.Ownership, severity),
            severity,
            message ?? $"{id} at {path}:{line}",
            path,
            path is null ? null : SourceSpan.WholeLine(line, 10),
            path is null ? null : Path.GetFileNameWithoutExtension(path),
            ["@alice"],
            null,
            string.Create(CultureInfo.InvariantCulture, $"{id}-{path}-{line}"));

    /// <summary><paramref name="count"/> findings in one file, one per line.</summary>
    public static List<Diagnostic> Many(int count, Severity severity = Severity.Warning, string path = "backlog/A.md") =>
        [.. Enumerable.Range(1, count).Select(line => Make("BL0001", severity, path, line))];
}
