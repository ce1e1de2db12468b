namespace BacklogLint.Core.Diagnostics;

/// <summary>A change that resolves a finding: a title for people (an editor's code action, <c>--fix</c>'s list) and one
/// or more text edits. A fix is applied whole or not at all. Rules attach only fixes that cannot change what the item
/// means (<see cref="Diagnostic.Fix"/>); <see cref="Suppressions.SuppressionFixes"/> builds the ones a person chooses.
/// Edits are relative to the texts the finding was computed from; <c>NewText</c> writes line breaks as <c>\n</c>, and
/// whoever applies it writes the file's own line break instead (<see cref="Fixes.FixApplier"/>).</summary>
public sealed record Fix(string Title, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>One replacement in one file.</summary>
    public static Fix Replace(string title, string path, TextRange range, string newText) => new(title, [new TextEdit(path, range, newText)]);

    /// <summary>Removes <paramref name="ranges"/> of one file.</summary>
    public static Fix Delete(string title, string path, IEnumerable<TextRange> ranges) =>
        new(title, [.. ranges.Select(range => new TextEdit(path, range, ""))]);

    /// <summary>The files the fix edits.</summary>
    public IEnumerable<string> Paths => Edits.Select(edit => edit.Path).Distinct(StringComparer.Ordinal);

    // Two fixes are equal when they make the same edits: one problem read twice carries one fix.
    public bool Equals(Fix? other) =>
        other is not null && Title == other.Title && Edits.SequenceEqual(other.Edits);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Title);
        foreach (var edit in Edits) hash.Add(edit);
        return hash.ToHashCode();
    }
}

/// <summary>Replace <see cref="Range"/> of the file at <see cref="Path"/> (repository-relative, '/'-separated, as a
/// <see cref="Diagnostic.Path"/>) with <see cref="NewText"/>: a deletion when it is empty, an insertion when the range
/// is empty.</summary>
public sealed record TextEdit(string Path, TextRange Range, string NewText);
