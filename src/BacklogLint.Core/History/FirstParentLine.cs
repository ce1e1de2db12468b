using LibGit2Sharp;

namespace BacklogLint.Core.History;

/// <summary>A branch's history as its first parents tell it: the commits that were its tip, one after the other (a
/// merged pull request is one step, its merge commit). What a report samples: the tip as of each date.</summary>
internal static class FirstParentLine
{
    /// <summary>For each of <paramref name="dates"/> (newest first), the newest commit on HEAD's first-parent line whose
    /// author date (UTC) is on or before it, with that date; null for a date older than the line's first commit. Read
    /// with raw object reads, down to the oldest date only.</summary>
    public static IReadOnlyList<(string Commit, DateOnly Date)?> TipsAsOf(Repository repository, IReadOnlyList<DateOnly> dates)
    {
        var tips = new (string, DateOnly)?[dates.Count];
        if (repository.Info.IsHeadUnborn || dates.Count == 0) return tips;
        using var objects = new GitObjects(repository.Info.Path);
        GitId? next = GitId.FromHex(repository.Head.Tip.Sha);
        var i = 0;
        while (next is { } id && i < dates.Count)
        {
            var header = objects.ReadCommit(id);
            for (; i < dates.Count && header.AuthorDate <= dates[i]; i++) tips[i] = (id.ToString(), header.AuthorDate);
            next = header.FirstParent;
        }

        return tips;
    }
}
