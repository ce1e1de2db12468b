using BacklogLint.Core.Dialects;

namespace BacklogLint.Core.Model;

/// <summary>An item's status: the word as written, the class it maps to and what the format's process says of it.</summary>
/// <param name="Word">As written; null when the item has no <c>status</c> key and the default applies.</param>
/// <param name="IsDropped">A closed item that was abandoned rather than finished.</param>
public sealed record Status(Located<string>? Word, StatusClass Class, bool IsDropped)
{
    /// <summary>What the format's process says about this status (final, time limit, deadline, what it needs).</summary>
    public StatusLifecycle Lifecycle { get; init; } = StatusLifecycle.None;

    /// <summary>The word the format knows this status by ("Active review" for "**Active review (July 17 – 31)**"); the
    /// default status's word when none is written; null when unknown.</summary>
    public string? KnownAs { get; init; }

    /// <summary>When the item must have left this status (<see cref="StatusLifecycle.Deadline"/>), if it says.</summary>
    public StatusDeadline? Deadline { get; init; }

    /// <summary>The key <see cref="StatusLifecycle.Needs"/> asks for when the item does not have it.</summary>
    public string? MissingKey { get; init; }

    /// <summary>A settled record: never stale, needs no owner, no time limit.</summary>
    public bool IsFinal => Lifecycle.IsFinal;

    /// <summary>True when the word as written is <paramref name="word"/> (compared as <see cref="StatusVocabulary"/> does,
    /// through emphasis, links and remarks: <c>Superseded by [ADR-0012](…)</c> is <c>superseded</c>).</summary>
    public bool IsWord(string word) =>
        Word is not null && Parsing.StatusText.Candidates(Word.Value).Any(candidate => StatusVocabulary.Normalize(candidate) == StatusVocabulary.Normalize(word));

    /// <summary>The status as a message shows it: the known word, else the text as written.</summary>
    public string Display => KnownAs ?? Word?.Value ?? "";
}
