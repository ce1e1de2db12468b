using System.Text;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Fixes;

/// <summary>Applies the fixes of findings to file texts, as ESLint's fixer does: in report order, a fix whose edits
/// touch or overlap an edit already taken waits for the next pass; after each pass the texts are linted again and the
/// new findings' fixes applied, until none is left or <see cref="MaxPasses"/> passes. Nothing is written: the result
/// has the new texts (to write, to turn into an editor's workspace edit, or to show as a diff).
/// <para>Refused, and said why: an edit of a path outside the repository (<see cref="RepositoryPath.IsSafe"/>) or of a
/// file that cannot be opened as text (<paramref>open</paramref> gives null), a range that is not inside its file's
/// text, a fix whose own edits overlap. New text writes line breaks as <c>\n</c>; each file gets its own line break
/// (<see cref="SourceText.LineBreak"/>), so a CRLF file stays CRLF; its encoding and byte order mark are kept
/// (<see cref="FileContent"/>).</para></summary>
public static class FixApplier
{
    /// <summary>As ESLint: a fix that makes another finding with a fix is followed up to this many times.</summary>
    public const int MaxPasses = 10;

    /// <param name="findings">The findings whose fixes to apply (those without a fix are passed over).</param>
    /// <param name="open">The content of a repository-relative path as it is now; null when it cannot be fixed (missing,
    /// not text, outside the repository).</param>
    /// <param name="relint">The findings (whose fixes to apply next) once the given paths have the given texts: every
    /// file changed so far is given, the others are as they were. Not called when nothing was applied.</param>
    public static FixOutcome Apply(
        IReadOnlyList<Diagnostic> findings,
        Func<string, FileContent?> open,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyList<Diagnostic>> relint,
        int maxPasses = MaxPasses)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(relint);
        var originals = new Dictionary<string, FileContent?>(StringComparer.Ordinal);
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var applied = new List<AppliedFix>();
        var refused = new Dictionary<Fix, RefusedFix>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = findings;
        var passes = 0;
        while (passes < maxPasses)
        {
            var taken = new Dictionary<string, List<(int Start, int End, string NewText)>>(StringComparer.Ordinal);
            var takenFixes = new List<Diagnostic>();
            foreach (var finding in Distinct(current))
            {
                var fix = finding.Fix!;
                if (Check(fix) is { } reason)
                {
                    refused.TryAdd(fix, new RefusedFix(finding, reason));
                    continue;
                }

                var edits = fix.Edits.Select(edit => (edit.Path, Offsets: Offsets(edit), edit.NewText)).ToList();
                if (edits.Any(edit => taken.TryGetValue(edit.Path, out var others) && others.Any(other => Touch(other, edit.Offsets))))
                    continue; // waits for the next pass, against the texts this one makes
                foreach (var (path, (start, end), newText) in edits)
                {
                    if (!taken.TryGetValue(path, out var list)) taken[path] = list = [];
                    list.Add((start, end, newText));
                }

                takenFixes.Add(finding);
            }

            if (takenFixes.Count == 0) break;
            passes++;
            foreach (var (path, edits) in taken) texts[path] = new SourceText(Edit(texts[path], edits));
            applied.AddRange(takenFixes.Select(finding => new AppliedFix(finding, passes)));
            // Back to a state already seen: fixes that undo each other; stop rather than go round.
            if (!seen.Add(State(texts))) break;
            // Only what changed: a file opened and left alone is read from disk as it is (an overlay counts as uncommitted).
            current = relint(texts.Where(entry => entry.Value.Text != originals[entry.Key]!.Text)
                .ToDictionary(entry => entry.Key, entry => entry.Value.Text, StringComparer.Ordinal));
        }

        var remaining = passes == 0 ? findings : current;
        var files = texts
            .Where(entry => entry.Value.Text != originals[entry.Key]!.Text)
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new FixedFile(entry.Key, originals[entry.Key]!, entry.Value.Text))
            .ToList();
        var unapplied = Distinct(remaining).Where(finding => !refused.ContainsKey(finding.Fix!))
            .Select(finding => new RefusedFix(finding, $"still there after {passes} passes (the limit is {maxPasses})"));
        return new FixOutcome(files, applied, [.. refused.Values.Where(r => remaining.Contains(r.Diagnostic)), .. passes == maxPasses ? unapplied : []], remaining, passes);

        // Why a fix cannot be applied, or null; opens (once) every file it edits.
        string? Check(Fix fix)
        {
            if (fix.Edits.Count == 0) return "it has no edits";
            foreach (var edit in fix.Edits)
            {
                if (!RepositoryPath.IsSafe(edit.Path)) return $"'{edit.Path}' is not a path inside the repository";
                if (!originals.TryGetValue(edit.Path, out var content))
                {
                    originals[edit.Path] = content = open(edit.Path);
                    if (content is not null) texts[edit.Path] = new SourceText(content.Text);
                }

                if (content is null) return $"'{edit.Path}' cannot be edited (missing, outside the repository, or not text that can be written back unchanged)";
                if (!edit.Range.TryGetOffsets(texts[edit.Path], out _, out _)) return $"the range {edit.Range} is not inside '{edit.Path}'";
            }

            var byFile = fix.Edits.GroupBy(edit => edit.Path, StringComparer.Ordinal);
            foreach (var file in byFile)
            {
                var ranges = file.Select(Offsets).OrderBy(range => range.Start).ThenBy(range => range.End).ToList();
                for (var i = 1; i < ranges.Count; i++)
                    if (ranges[i].Start < ranges[i - 1].End || (ranges[i].Start == ranges[i - 1].Start))
                        return "its own edits overlap";
            }

            return null;
        }

        (int Start, int End) Offsets(TextEdit edit)
        {
            edit.Range.TryGetOffsets(texts[edit.Path], out var start, out var end);
            return (start, end);
        }
    }

    /// <summary>Each fix once (two findings may carry the same fix), in the order the findings came.</summary>
    private static IEnumerable<Diagnostic> Distinct(IEnumerable<Diagnostic> findings)
    {
        var fixes = new HashSet<Fix>();
        foreach (var finding in findings)
            if (finding.Fix is { } fix && fixes.Add(fix)) yield return finding;
    }

    /// <summary>Edits that overlap or merely touch are not applied in one pass: which goes first would decide the text.</summary>
    private static bool Touch((int Start, int End, string NewText) taken, (int Start, int End) edit) =>
        edit.Start <= taken.End && taken.Start <= edit.End;

    private static string Edit(SourceText text, List<(int Start, int End, string NewText)> edits)
    {
        var lineBreak = text.LineBreak;
        var result = new StringBuilder(text.Text);
        foreach (var (start, end, newText) in edits.OrderByDescending(edit => edit.Start))
            result.Remove(start, end - start).Insert(start, WithLineBreak(newText, lineBreak));
        return result.ToString();
    }

    /// <summary><paramref name="text"/>'s line breaks written as <paramref name="lineBreak"/>.</summary>
    public static string WithLineBreak(string text, string lineBreak)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lineBreak == "\n" ? lf : lf.Replace("\n", lineBreak, StringComparison.Ordinal);
    }

    private static string State(Dictionary<string, SourceText> texts) =>
        string.Join("\0\0", texts.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Key + "\0" + entry.Value.Text));
}

/// <summary>What applying fixes did: the files whose text changed (nothing is written yet), the fixes applied and in
/// which pass, the fixes refused and why, how many passes were made, and <see cref="Remaining"/>: the findings
/// <c>relint</c> gave last (the findings given when nothing was applied), that is those whose fixes were asked for that
/// are still there.</summary>
public sealed record FixOutcome(
    IReadOnlyList<FixedFile> Files,
    IReadOnlyList<AppliedFix> Applied,
    IReadOnlyList<RefusedFix> Refused,
    IReadOnlyList<Diagnostic> Remaining,
    int Passes);

/// <summary>A file's text before and after the fixes. <see cref="Edit"/> is the change as one edit of the original text
/// (an editor's workspace edit; passes after the first edit the texts the previous pass made, so their own edits are not
/// relative to the original).</summary>
public sealed record FixedFile(string Path, FileContent Original, string Text)
{
    /// <summary>The fixed text's bytes, in the original's encoding.</summary>
    public byte[] Encode() => Original.Encode(Text);

    /// <summary>One edit of the original text that gives the fixed one: what lies between their common start and end.</summary>
    public TextEdit Edit
    {
        get
        {
            var (before, after) = (Original.Text, Text);
            var prefix = 0;
            while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix]) prefix++;
            var suffix = 0;
            while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)]) suffix++;
            // Never split a CRLF or a surrogate pair: an editor's position cannot point between them.
            while (prefix > 0 && (char.IsHighSurrogate(before[prefix - 1]) || before[prefix - 1] == '\r')) prefix--;
            while (suffix > 0 && (char.IsLowSurrogate(before[^suffix]) || before[^suffix] == '\n')) suffix--;
            var source = new SourceText(before);
            return new TextEdit(Path, TextRange.FromOffsets(source, prefix, before.Length - suffix), after[prefix..^suffix]);
        }
    }
}

/// <summary>A finding whose fix was applied, in pass <see cref="Pass"/> (1 for the findings given).</summary>
public sealed record AppliedFix(Diagnostic Diagnostic, int Pass);

/// <summary>A finding whose fix was not applied, and why.</summary>
public sealed record RefusedFix(Diagnostic Diagnostic, string Reason);
