using System.Text;
using BacklogLint.Core.Diagnostics;
using static BacklogLint.Reporting.MarkdownReportWriter;

namespace BacklogLint.Reporting;

/// <summary><c>check --format markdown</c>: a lead's report of whose work needs what. Counts on top (by owner, by team,
/// by rule), then the open work grouped by owner, the owner with the most severe findings first, each item with its
/// title, status and team and its findings linked to their lines, and last, folded, the findings on settled and
/// archived items. A finding belongs to each of its owners (<see cref="AnalysisReport.OwnersOf"/>), so one owned by two
/// people is under both. Whatever does not fit in the length is left out, owners with the least first, and the report
/// says so. Item text goes through <see cref="MarkdownText"/>; GitHub renders it as intended (tested in Chromium).</summary>
public static class LeadReportWriter
{
    /// <summary>Owner groups are shown open until this many findings are shown; the rest are folded.</summary>
    private const int OpenFindings = 30;

    /// <summary>Rows of a table by owner or team shown before the rest are folded.</summary>
    private const int TableRows = 10;

    /// <param name="notices">Plain sentences the reader must see (a shallow clone, no token), already written.</param>
    public static string Write(AnalysisReport report, int maxLength = StepSummaryLimit, IReadOnlyList<string>? notices = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinimumLength);
        var visible = report.Visible.ToList();
        var links = new LineLinks(report.Web?.RepositoryUrl, report.Web?.Commit, report.ChangedFiles);
        var header = new StringBuilder($"## {SummaryHeadline(visible)}\n\n")
            .Append(Invariant($"Checked {Plural(report.ItemCount, "item")} in {Plural(report.FileCount, "Markdown file")} with BacklogLint {MarkdownText.Escape(report.ToolVersion, 50)}"))
            .Append(report.Web is { } web ? $" at {MarkdownText.Link(web.Commit[..Math.Min(12, web.Commit.Length)], $"{web.RepositoryUrl.TrimEnd('/')}/commit/{web.Commit}")}." : ".")
            .Append(report.SuppressedCount > 0 || report.BaselinedCount > 0
                ? Invariant($" Not shown: {Plural(report.SuppressedCount, "suppressed finding")}, {Plural(report.BaselinedCount, "baselined finding")}.")
                : "")
            .Append("\n\n");
        foreach (var notice in notices ?? []) header.Append("> ").Append(MarkdownText.Escape(notice)).Append("\n\n");
        if (visible.Count == 0) return header.ToString();
        header.Append(report.Web is null
            ? "A finding counts for each of its item's owners. Links are relative to the repository's root.\n\n"
            : "A finding counts for each of its item's owners.\n\n");

        var items = new ItemIndex(report.Items);
        var (open, settled) = Split(visible, items);
        var byOwner = PartyTable("### By owner\n\n", "Owner", visible, AnalysisReport.OwnersOf, items);
        var byTeam = AnalysisReport.AnyTeam(visible) ? PartyTable("### By team\n\n", "Team", visible, d => [AnalysisReport.TeamOf(d)], items) : null;
        var byRule = RuleTable(["Findings"], visible);

        var groups = OwnerGroups(open, items, links);
        var settledSection = new MarkdownSection(
            Invariant($"### Settled and archived items\n\n<details><summary>{Plural(settled.Count, "finding")} on items that nobody works on any more</summary>\n\n"),
            [.. ItemBlocks(settled, items, links, withOwners: true)],
            n => Invariant($"- … and {Plural(n, "more item")}\n"),
            "\n</details>\n\n");

        List<MarkdownSection> reading = [byOwner, .. byTeam is null ? [] : new[] { byTeam }, byRule, .. groups, settledSection];
        List<(MarkdownSection, double)> importance = [(byOwner, 0.15), .. byTeam is null ? [] : new[] { (byTeam, 0.1) }, (byRule, 0.15)];
        importance.AddRange(groups.Select(group => (group, 1.0)));
        importance.Add((settledSection, 1.0));
        return MarkdownLayout.Compose(maxLength, header.ToString(), reading, importance,
            footer: n => Invariant($"\n---\n_{Plural(n, "entry", "entries")} did not fit in this report. Run `backloglint check` for the full list._\n"));
    }

    /// <summary>The findings on open work, and those on settled or archived items (<see cref="ReportedItem.IsSettled"/>).</summary>
    private static (List<Diagnostic> Open, List<Diagnostic> Settled) Split(List<Diagnostic> visible, ItemIndex items)
    {
        var open = new List<Diagnostic>();
        var settled = new List<Diagnostic>();
        foreach (var diagnostic in visible) (items.Of(diagnostic)?.IsSettled == true ? settled : open).Add(diagnostic);
        return (open, settled);
    }

    /// <summary>Per owner or team: errors, warnings, suggestions and how many items they are on.</summary>
    private static MarkdownSection PartyTable(string heading, string column, List<Diagnostic> visible, Func<Diagnostic, IReadOnlyList<string>> keys, ItemIndex items)
    {
        var rows = new Dictionary<string, (int[] Counts, HashSet<string> Items)>(StringComparer.Ordinal);
        foreach (var diagnostic in visible)
        {
            foreach (var key in keys(diagnostic))
            {
                if (!rows.TryGetValue(key, out var row)) rows[key] = row = (new int[3], new HashSet<string>(StringComparer.Ordinal));
                row.Counts[SeverityColumn(diagnostic.Severity)]++;
                if (items.Of(diagnostic) is { } item) row.Items.Add(item.Path);
            }
        }

        var lines = rows
            .OrderByDescending(row => row.Value.Counts[0]).ThenByDescending(row => row.Value.Counts[1]).ThenByDescending(row => row.Value.Counts[2])
            .ThenBy(row => row.Key, StringComparer.Ordinal)
            .Select(row => $"| {MarkdownText.Escape(row.Key, 100)} | {Cells([.. row.Value.Counts, row.Value.Items.Count])} |\n")
            .ToList();
        var columns = $"| {column} | Errors | Warnings | Suggestions | Items |\n| --- |{Alignments(["", "", "", ""])}\n";
        var noun = "more " + column.ToLowerInvariant();
        var rest = lines.Count - TableRows;
        if (rest > 0)
        {
            // The rest folded under the table, as one entry (the last): a reader sees who has the most at a glance.
            lines = [.. lines.Take(TableRows), Invariant($"\n<details><summary>{Plural(rest, noun)}</summary>\n\n{columns}{string.Concat(lines.Skip(TableRows))}\n</details>\n")];
        }

        return new MarkdownSection(heading + columns, lines, n => Invariant($"| … {Plural(rest > 0 ? n - 1 + rest : n, noun)} |\n"), "\n");
    }

    /// <summary>One folded section per owner of open work, the owner with the most errors (then warnings, then
    /// suggestions) first; the first ones open until <see cref="OpenFindings"/> findings are shown.</summary>
    private static List<MarkdownSection> OwnerGroups(List<Diagnostic> open, ItemIndex items, LineLinks links)
    {
        var byOwner = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var diagnostic in open)
        {
            foreach (var owner in AnalysisReport.OwnersOf(diagnostic))
            {
                if (!byOwner.TryGetValue(owner, out var list)) byOwner[owner] = list = [];
                list.Add(diagnostic);
            }
        }

        var sections = new List<MarkdownSection>();
        var shown = 0;
        foreach (var (owner, findings) in byOwner
                     .Select(entry => (entry.Key, entry.Value, Counts: SeverityCounts(entry.Value)))
                     .OrderByDescending(entry => entry.Counts[0]).ThenByDescending(entry => entry.Counts[1]).ThenByDescending(entry => entry.Counts[2])
                     .ThenBy(entry => entry.Key, StringComparer.Ordinal)
                     .Select(entry => (entry.Key, entry.Value)))
        {
            var blocks = ItemBlocks(findings, items, links, withOwners: false);
            var openAttribute = shown == 0 || shown + findings.Count <= OpenFindings ? " open" : "";
            shown += findings.Count;
            sections.Add(new MarkdownSection(
                (sections.Count == 0 ? "### Open work by owner\n\n" : "") + $"<details{openAttribute}><summary><b>{MarkdownText.EscapeHtml(owner, 100)}</b>: {Describe(findings, blocks.Count)}</summary>\n\n",
                blocks,
                n => Invariant($"- … and {Plural(n, "more item")}\n"),
                "\n</details>\n\n"));
        }

        return sections;
    }

    /// <summary>"2 errors, 1 warning on 2 items".</summary>
    private static string Describe(List<Diagnostic> findings, int itemCount)
    {
        var counts = SeverityCounts(findings);
        var parts = new List<string>(3);
        if (counts[0] > 0) parts.Add(Plural(counts[0], "error"));
        if (counts[1] > 0) parts.Add(Plural(counts[1], "warning"));
        if (counts[2] > 0) parts.Add(Plural(counts[2], "suggestion"));
        return $"{string.Join(", ", parts)} on {Plural(itemCount, "item")}";
    }

    /// <summary>One list entry per item (or per finding about no item), the most severe first: the item's id linked to
    /// its first line, its title, status and team (and owners, where the list is not by owner), then its findings.</summary>
    private static List<string> ItemBlocks(List<Diagnostic> findings, ItemIndex items, LineLinks links, bool withOwners)
    {
        var blocks = new List<(Severity Worst, string Path, string Text)>();
        foreach (var group in findings.GroupBy(d => items.Of(d)?.Path ?? d.Path ?? "", StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(d => d.Severity).ThenBy(d => d, DiagnosticOrder.Instance).ToList();
            var first = ordered[0];
            var text = new StringBuilder();
            if (items.Of(first) is { } item)
            {
                text.Append("- **").Append(MarkdownText.Link(item.Id, links.Url(item.Path, SourceSpan.At(1)))).Append("**");
                if (!string.IsNullOrWhiteSpace(item.Title)) text.Append(' ').Append(MarkdownText.Escape(item.Title, 120));
                var facts = new List<string>(3);
                if (item.Status.Length > 0) facts.Add($"_{MarkdownText.Escape(item.Status, 60)}_");
                if (first.Team is { } team) facts.Add($"team {MarkdownText.Escape(team, 60)}");
                if (withOwners) facts.Add(first.Owners.Count > 0 ? string.Join(", ", first.Owners.Select(owner => MarkdownText.Escape(owner, 60))) : "unowned");
                if (facts.Count > 0) text.Append(" · ").Append(string.Join(" · ", facts));
                text.Append('\n');
                foreach (var diagnostic in ordered) text.Append("  ").Append(Finding(diagnostic, links, underItem: item.Path));
            }
            else
            {
                // About no item: the repository, the configuration, a file that could not be read.
                foreach (var diagnostic in ordered) text.Append(Finding(diagnostic, links));
            }

            blocks.Add((first.Severity, group.Key, text.ToString()));
        }

        return [.. blocks.OrderBy(block => block.Worst).ThenBy(block => block.Path, StringComparer.Ordinal).Select(block => block.Text)];
    }

    /// <summary><c>- 🛑 error [BL0001](page): message ([path:3](link))</c>; under its item, <c>([line 3](link))</c>
    /// when the finding is in the item's own file.</summary>
    private static string Finding(Diagnostic diagnostic, LineLinks links, string? underItem = null)
    {
        var where = diagnostic switch
        {
            { Path: null } => "",
            { Path: var path, Span: { } span } when path == underItem => $" ({MarkdownText.Link(Invariant($"line {span.Line}"), links.Url(path, span))})",
            _ => $" ({links.To(diagnostic)})",
        };
        return $"- {Icon(diagnostic.Severity)} {Noun(diagnostic.Severity)} {MarkdownText.Link(diagnostic.Id, diagnostic.Descriptor.HelpUri.AbsoluteUri)}: "
            + $"{MarkdownText.Escape(diagnostic.Message)}{where}\n";
    }

    private static int SeverityColumn(Severity severity) => severity switch
    {
        Severity.Error => 0,
        Severity.Warning => 1,
        _ => 2,
    };

    private static int[] SeverityCounts(List<Diagnostic> findings)
    {
        var counts = new int[3];
        foreach (var diagnostic in findings) counts[SeverityColumn(diagnostic.Severity)]++;
        return counts;
    }

    /// <summary>The item a finding is about, when the front end said (<see cref="AnalysisReport.Items"/>) and the
    /// finding names one.</summary>
    private sealed class ItemIndex(IReadOnlyDictionary<string, ReportedItem> items)
    {
        private readonly Dictionary<string, ReportedItem> _byId = items.Values
            .GroupBy(item => item.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

        public ReportedItem? Of(Diagnostic diagnostic) => diagnostic switch
        {
            { ItemId: null } => null,
            { Path: { } path } when items.TryGetValue(path, out var item) && item.Id == diagnostic.ItemId => item,
            { ItemId: { } id } => _byId.GetValueOrDefault(id),
        };
    }
}
