using System.Buffers.Text;

namespace BacklogLint.Core.History;

/// <summary>What the history walk needs of a commit: its tree, its first parent and its author date (UTC).</summary>
internal readonly record struct CommitHeader(GitId Tree, GitId? FirstParent, DateOnly AuthorDate)
{
    /// <summary>Reads the header lines of a raw commit (<c>tree</c>, <c>parent</c>…, <c>author Name &lt;mail&gt;
    /// seconds zone</c>) up to the blank line before the message.</summary>
    public static CommitHeader Parse(ReadOnlySpan<byte> data)
    {
        GitId? tree = null, parent = null;
        DateOnly? date = null;
        while (data.Length > 0)
        {
            var end = data.IndexOf((byte)'\n');
            var line = end < 0 ? data : data[..end];
            data = end < 0 ? [] : data[(end + 1)..];
            if (line.Length == 0) break;
            if (line.StartsWith("tree "u8)) tree = GitId.FromHex(line[5..]);
            else if (line.StartsWith("parent "u8)) parent ??= GitId.FromHex(line[7..]);
            else if (line.StartsWith("author "u8)) date = DateOf(line);
        }

        if (tree is null || date is null) throw new FormatException("a commit without a tree or an author");
        return new CommitHeader(tree.Value, parent, date.Value);
    }

    /// <summary>The UTC date of <c>author Name &lt;mail&gt; 1700000000 +0100</c>: the seconds are the second-last field.</summary>
    private static DateOnly DateOf(ReadOnlySpan<byte> line)
    {
        var zone = line.LastIndexOf((byte)' ');
        var start = zone > 0 ? line[..zone].LastIndexOf((byte)' ') : -1;
        if (start < 0 || !Utf8Parser.TryParse(line[(start + 1)..zone], out long seconds, out _)
            || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            throw new FormatException("a commit whose author line has no time (or one out of range)");
        return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
    }
}
