namespace BacklogLint.Testing;

/// <summary>Finds the workflow commands in a process's output as the GitHub Actions runner does (actions/runner,
/// <c>ActionCommandManager</c>): the output is read line by line (a line ends at CR, LF or CRLF); a line whose text,
/// after leading white space, starts with <c>::</c> is a command when the name before the next <c>::</c> (or space)
/// is one the runner knows; otherwise, in the legacy syntax, a line with <c>##[</c>, a <c>]</c> after it and a known
/// name in between is one.</summary>
public static class WorkflowCommandParser
{
    /// <summary>The commands the runner registers.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "add-mask", "add-matcher", "remove-matcher", "add-path", "set-env", "set-output", "save-state", "debug", "notice",
        "warning", "error", "group", "endgroup", "echo", "stop-commands", "internal-set-repo-path",
    };

    public static IEnumerable<string> Lines(string output) => output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\r', '\n');

    /// <summary>Every line the runner would run as a command, with the command's name.</summary>
    public static IReadOnlyList<(string Name, string Line)> Commands(string output)
    {
        var found = new List<(string, string)>();
        foreach (var line in Lines(output))
        {
            if (V2(line) is { } name || Legacy(line) is { } legacy && (name = legacy) is not null) found.Add((name, line));
        }

        return found;
    }

    /// <summary>The commands other than the ones a run is meant to write (<paramref name="allowed"/>, e.g. warning).</summary>
    public static IReadOnlyList<string> Unexpected(string output, params string[] allowed) =>
        [.. Commands(output).Where(c => !allowed.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).Select(c => c.Line)];

    private static string? V2(string line)
    {
        var text = line.TrimStart();
        if (!text.StartsWith("::", StringComparison.Ordinal)) return null;
        var end = text.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0) return null;
        var info = text[2..end];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        return Known.Contains(name) ? name : null;
    }

    private static string? Legacy(string line)
    {
        var start = line.IndexOf("##[", StringComparison.Ordinal);
        if (start < 0) return null;
        var close = line.IndexOf(']', start);
        if (close < 0) return null;
        var info = line[(start + 3)..close];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        return Known.Contains(name) ? name : null;
    }
}
