using System.Globalization;
using System.Text;

namespace BacklogLint.Reporting;

/// <summary>A unified diff of one file's text before and after (what <c>check --fix-dry-run</c> prints), as
/// <c>git diff</c> writes it: <c>--- a/path</c>, <c>+++ b/path</c>, hunks with three lines of context,
/// <c>\ No newline at end of file</c> where a side has none. Lines are compared without their line breaks, and printed
/// with LF; a file whose only change is its line breaks shows no hunk.</summary>
public static class UnifiedDiff
{
    public static string Of(string path, string before, string after, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (a, aEndsInBreak) = Lines(before);
        var (b, bEndsInBreak) = Lines(after);
        var script = Script(a, b);
        // The same last line with a line break on one side only is a change of that line, as git shows it.
        if (aEndsInBreak != bEndsInBreak && script.Count > 0 && script[^1] is { Kind: ' ' } last && last.Old == a.Count && last.New == b.Count)
        {
            script[^1] = last with { Kind = '-' };
            script.Add(last with { Kind = '+', Old = last.Old + 1 });
        }

        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var changes = Enumerable.Range(0, script.Count).Where(i => script[i].Kind != ' ').ToList();
        var index = 0;
        while (index < changes.Count)
        {
            var start = Math.Max(0, changes[index] - context);
            var end = changes[index];
            while (index < changes.Count && changes[index] - end <= 2 * context)
            {
                end = changes[index];
                index++;
            }

            end = Math.Min(script.Count - 1, end + context);
            var hunk = script.GetRange(start, end - start + 1);
            var (oldStart, newStart) = (script[start].Old, script[start].New);
            var oldCount = hunk.Count(line => line.Kind != '+');
            var newCount = hunk.Count(line => line.Kind != '-');
            output.Append(CultureInfo.InvariantCulture, $"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
            foreach (var line in hunk)
            {
                output.Append(line.Kind).Append(line.Text).Append('\n');
                if (MissingBreak(line)) output.Append("\\ No newline at end of file\n");
            }
        }

        return output.ToString();

        // The last line of a side without a line break (as context, the last of both).
        bool MissingBreak(Line line) => line.Kind == '+' ? line.New == b.Count && !bEndsInBreak : line.Old == a.Count && !aEndsInBreak;
    }

    private static string Range(int start, int count) => count switch
    {
        0 => $"{start - 1},0",
        1 => $"{start}",
        _ => $"{start},{count}",
    };

    /// <summary>One line of the script: ' ' (both), '-' (before only), '+' (after only), with its 1-based line numbers
    /// (the old number of a '+' line, the new number of a '-' line: where it would be).</summary>
    private readonly record struct Line(char Kind, string Text, int Old, int New);

    private static (List<string> Lines, bool EndsInBreak) Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            lines.Add(text[start..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }

        if (start < text.Length) lines.Add(text[start..]);
        return (lines, text.Length == 0 || text[^1] is '\n' or '\r');
    }

    /// <summary>Myers' shortest edit script, deletions before insertions within a change.</summary>
    private static List<Line> Script(List<string> a, List<string> b)
    {
        var (n, m) = (a.Count, b.Count);
        var max = n + m;
        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y]) (x, y) = (x + 1, y + 1);
                v[max + k] = x;
                if (x >= n && y >= m) return Backtrack(trace, a, b, max);
            }
        }

        return Backtrack(trace, a, b, max);
    }

    private static List<Line> Backtrack(List<int[]> trace, List<string> a, List<string> b, int max)
    {
        var script = new List<Line>();
        var (x, y) = (a.Count, b.Count);
        for (var d = trace.Count - 1; d >= 0 && (x > 0 || y > 0); d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
            var previousX = d == 0 ? 0 : v[max + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                script.Add(new Line(' ', a[x - 1], x, y));
                (x, y) = (x - 1, y - 1);
            }

            if (d == 0) break;
            if (x == previousX) script.Add(new Line('+', b[y - 1], x + 1, y));
            else script.Add(new Line('-', a[x - 1], x, y + 1));
            (x, y) = (previousX, previousY);
        }

        script.Reverse();
        return script;
    }
}
