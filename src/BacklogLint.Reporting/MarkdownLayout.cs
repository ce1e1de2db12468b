using System.Text;

namespace BacklogLint.Reporting;

/// <summary>A part of a Markdown report that can be cut to fit: a head, entries (each a whole line or table row), a
/// line saying how many entries were left out, and a tail that closes what the head opened.</summary>
internal sealed class MarkdownSection(string head, IReadOnlyList<string> entries, Func<int, string> omitted, string tail = "")
{
    private int _included = -1;

    /// <summary>Entries not shown; all of them when the section did not fit at all.</summary>
    public int Omitted => entries.Count - Math.Max(0, _included);

    /// <summary>Takes as many entries as fit in <paramref name="budget"/> characters, head, tail and "N more" line
    /// included; a section that has entries but cannot show one is left out. Returns the characters it uses.</summary>
    public int Fit(int budget)
    {
        _included = -1;
        var used = head.Length + tail.Length;
        if (entries.Count == 0) return 0;
        var all = used + entries.Sum(entry => entry.Length);
        if (all <= budget)
        {
            _included = entries.Count;
            return all;
        }

        var count = 0;
        while (count < entries.Count - 1 && used + entries[count].Length + omitted(entries.Count - count - 1).Length <= budget)
            used += entries[count++].Length;
        if (count == 0) return 0;
        _included = count;
        return used + omitted(entries.Count - count).Length;
    }

    public void Render(StringBuilder text)
    {
        if (_included <= 0) return;
        text.Append(head);
        for (var i = 0; i < _included; i++) text.Append(entries[i]);
        if (_included < entries.Count) text.Append(omitted(entries.Count - _included));
        text.Append(tail);
    }
}

/// <summary>Puts a Markdown report together within a length: the header always, then the sections in order of
/// importance while they fit (each within its share of the room, so that no table crowds out the findings), shown in
/// reading order, and a footer when anything was left out.</summary>
internal static class MarkdownLayout
{
    /// <summary>Ends a report whose header alone leaves no room for any section.</summary>
    public const string Shortened = "_Shortened to fit._\n";

    /// <param name="header">Always shown (cut at a line end only when even it does not fit).</param>
    /// <param name="reading">The sections in the order they are shown.</param>
    /// <param name="importance">The same sections in the order they get room, each with the largest share of the
    /// room (after header and footer) it may take. Once a section with a share of 1 is cut, the ones after it get
    /// no room.</param>
    /// <param name="footer">What to say about <c>n</c> entries left out; shorter for smaller <c>n</c>.</param>
    public static string Compose(int maxLength, string header, IReadOnlyList<MarkdownSection> reading,
        IReadOnlyList<(MarkdownSection Section, double Share)> importance, Func<int, string> footer)
    {
        var room = maxLength - header.Length - footer(reading.Sum(section => section.Omitted)).Length;
        if (room < 0) return Cut(header, maxLength - Shortened.Length) + Shortened;
        var budget = room;
        foreach (var (section, share) in importance)
        {
            budget -= section.Fit(Math.Min(budget, (int)(room * share)));
            // A list that may take all the room and still did not fit whole ends the filling: a reader should never
            // see fixed or unchanged findings in place of new ones that were left out.
            if (share >= 1 && section.Omitted > 0) break;
        }


        var text = new StringBuilder(Math.Min(maxLength, 1 << 16));
        text.Append(header);
        foreach (var section in reading) section.Render(text);
        var omitted = reading.Sum(section => section.Omitted);
        if (omitted > 0) text.Append(footer(omitted));
        return text.ToString();
    }

    /// <summary>The header alone, cut at a line end where possible: only our own text is in it.</summary>
    private static string Cut(string header, int maxLength)
    {
        if (header.Length <= maxLength) return header;
        var end = header.LastIndexOf('\n', maxLength - 1);
        return end > 0 ? header[..(end + 1)] : header[..maxLength];
    }
}
