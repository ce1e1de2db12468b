namespace BacklogLint.Core.Model;

/// <summary>An item's status: the word as written and the class it maps to.</summary>
/// <param name="Word">As written; null when the item has no <c>status</c> key and the default applies.</param>
/// <param name="IsDropped">A closed item that was abandoned rather than finished.</param>
public sealed record Status(Located<string>? Word, StatusClass Class, bool IsDropped)
{
    /// <summary>True when the word as written is <paramref name="word"/> (compared as <see cref="StatusVocabulary"/> does,
    /// through emphasis, links and remarks: <c>Superseded by [ADR-0012](…)</c> is <c>superseded</c>).</summary>
    public bool IsWord(string word) =>
        Word is not null && Parsing.StatusText.Candidates(Word.Value).Any(candidate => StatusVocabulary.Normalize(candidate) == StatusVocabulary.Normalize(word));
}
