using BacklogLint.Core.Analysis;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Dialects;

/// <summary>What a format's process says about the items in one status, besides its class (DESIGN §1, "Lifecycle per
/// format"): whether the status settles the record, how long an item may stay in it untouched, where its deadline is
/// written, what a record in it must also say, and whether it needs an owner.</summary>
public sealed record StatusLifecycle
{
    /// <summary>A status the format says nothing more about.</summary>
    public static StatusLifecycle None { get; } = new();

    /// <summary>A settled record (Implemented, Final, Merged, Withdrawn, Moved…): never a stale agreement, needs no owner,
    /// has no time limit.</summary>
    public bool IsFinal { get; init; }

    /// <summary>How long an item may hold this status with no real change (EIP-1: 6 months in Draft or Review).</summary>
    public Period? Limit { get; init; }

    /// <summary>Where the end of this status is written: a key of the item (EIP's <c>last-call-deadline</c>), or
    /// <see cref="DeadlineInStatus"/> for dates written in the status itself ("Active review (July 17 – July 31, 2026)").</summary>
    public string? Deadline { get; init; }

    /// <summary>A key a record in this status must have (a Withdrawn EIP its <c>withdrawal-reason</c>, a superseded
    /// agreement its <c>superseded-by</c>).</summary>
    public string? Needs { get; init; }

    /// <summary>False where the format's process assigns work at pick-up (Backlog.md's To Do and drafts).</summary>
    public bool NeedsOwner { get; init; } = true;

    /// <summary>False where the format's process names who agrees later (a provisional KEP has no approvers yet).</summary>
    public bool NeedsParties { get; init; } = true;

    /// <summary>The <see cref="Deadline"/> value that means "the last date written in the status".</summary>
    public const string DeadlineInStatus = "status";
}

/// <summary>A date by which an item must have left its status, and where it is written.</summary>
/// <param name="Source">What wrote it, for messages: <c>last-call-deadline</c>, or "the dates in its status".</param>
public sealed record StatusDeadline(Located<DateOnly> Date, string Source);
