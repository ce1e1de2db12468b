using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Comparison;

/// <summary>What a change did to the findings, compared by rule and fingerprint (never by line): findings it
/// brought (<see cref="New"/>), findings it removed (<see cref="Fixed"/>, as they were before), and findings that
/// were there before and still are (<see cref="Unchanged"/>, as they are now).</summary>
public sealed record FindingDelta(IReadOnlyList<Diagnostic> New, IReadOnlyList<Diagnostic> Fixed, IReadOnlyList<Diagnostic> Unchanged)
{
    public static FindingDelta Compare(IReadOnlyList<Diagnostic> before, IReadOnlyList<Diagnostic> after)
    {
        var beforeKeys = before.Select(Key).ToHashSet();
        var afterKeys = after.Select(Key).ToHashSet();
        return new FindingDelta(
            [.. after.Where(d => !beforeKeys.Contains(Key(d)))],
            [.. before.Where(d => !afterKeys.Contains(Key(d)))],
            [.. after.Where(d => beforeKeys.Contains(Key(d)))]);
    }

    /// <summary>Every finding counts as new: when the base cannot be read, all findings in the changed files are new.</summary>
    public static FindingDelta AllNew(IReadOnlyList<Diagnostic> after) => new(after, [], []);

    private static (string, string) Key(Diagnostic diagnostic) => (diagnostic.Id, diagnostic.Fingerprint);
}
