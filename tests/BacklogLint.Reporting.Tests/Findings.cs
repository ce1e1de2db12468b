using BacklogLint.Core.Diagnostics;
using BacklogLint.Rules;

namespace BacklogLint.Reporting.Tests;

/// <summary>Findings for writer tests, with the built-in descriptors, and text that tries every injection we know.</summary>
internal static class Findings
{
    /// <summary>Newlines, workflow commands, percent escapes, mentions, HTML, table pipes, code fences, links, emphasis,
    /// headings, entities and Unicode line separators, all in one title.</summary>
    public const string Hostile =
        "Title\n::set-output name=x::pwned\r\n::stop-commands::tok %0A %25 @everyone @org/team email@example.com "
        + "<script>alert(1)</script> | a | b | `code` ``` @alice ``` [link](https://evil.example) ![img](https://evil.example/x.png) "
        + "*bold* _em_ ~~s~~ # head #12 &amp; &#64;bob &lt;b&gt; $x$ :+1: <!-- c --> \u2028 next \u202Eevil\u202C \\ end";

    public static Diagnostic Finding(string id, Severity severity = Severity.Warning, string message = "message",
        string? path = "backlog/PAY-1.md", SourceSpan? span = null, string? itemId = "PAY-1", string? owner = "@alice",
        string fingerprint = "0123456789abcdef", string? team = null) =>
        new(BuiltInRules.Descriptors.Single(d => d.Id == id), severity, message, path,
            path is null ? null : span ?? new SourceSpan(3, 1, 3, 20), path is null ? null : itemId, owner is null ? [] : owner.Split(", "), team, fingerprint);

    /// <summary>A finding about the repository as a whole: no path, no span, no item.</summary>
    public static Diagnostic RepositoryFinding(string message = "Git history is unavailable: shallow clone") =>
        Finding("BL9001", Severity.Warning, message, path: null, owner: null, fingerprint: "repo0000");

    /// <summary><paramref name="count"/> distinct findings over a few rules, owners and files, with long messages.</summary>
    public static List<Diagnostic> Many(int count, string prefix, int messageLength = 200)
    {
        string[] rules = ["BL0001", "BL0101", "BL0201", "BL0301", "BL0401"];
        Severity[] severities = [Severity.Error, Severity.Warning, Severity.Suggestion];
        return [.. Enumerable.Range(0, count).Select(i => Finding(
            rules[i % rules.Length],
            severities[i % severities.Length],
            $"{prefix} {i} " + new string('x', messageLength) + " @everyone | <b>",
            path: $"backlog/{prefix}-{i % 97}.md",
            span: new SourceSpan(1 + i % 50, 1, 1 + i % 50 + i % 3, 10),
            itemId: $"{prefix}-{i}",
            owner: $"@owner{i % 13}",
            fingerprint: $"{prefix}{i:x8}"))];
    }
}
