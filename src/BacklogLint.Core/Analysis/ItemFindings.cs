using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Analysis;

/// <summary>What the item and agreement rules of one analysis found, by rule and item (the items with findings), kept
/// with the repository it was found in: the next analysis of an edited version of that repository (an editor's, after
/// a keystroke) keeps the findings of every item whose inputs (<see cref="RuleInputs"/>) did not change and visits only
/// the others, so that an edit of one item of 10,000 costs what that item costs. On another day (a report's samples of
/// history, each analysed as of its own date), the items whose analysis asked for today (<see cref="RuleContext.Today"/>)
/// are visited again too: what an analysis did not ask for cannot depend on it.</summary>
internal sealed class ItemFindings(PlanningRepository repository, BacklogLintConfig config, DateOnly today)
{
    private static readonly IEqualityComparer<WorkItem> Same = ReferenceEqualityComparer.Instance;

    private readonly Dictionary<Rule, Dictionary<WorkItem, Diagnostic[]>> _byRule = new(ReferenceEqualityComparer.Instance);

    /// <summary>By rule, the items whose analysis read today's date.</summary>
    private readonly Dictionary<Rule, HashSet<WorkItem>> _readToday = new(ReferenceEqualityComparer.Instance);

    /// <param name="readToday">The items whose analysis by <paramref name="rule"/> read today's date.</param>
    public void Add(Rule rule, Dictionary<WorkItem, Diagnostic[]> byItem, HashSet<WorkItem> readToday)
    {
        _byRule[rule] = byItem;
        _readToday[rule] = readToday;
    }

    /// <summary>What an analysis of <paramref name="next"/> as of <paramref name="nextToday"/> can take from this one;
    /// null when nothing (another configuration or format, or history that is unavailable in one of them only).</summary>
    public Reuse? For(PlanningRepository next, BacklogLintConfig nextConfig, DateOnly nextToday)
    {
        if (!ReferenceEquals(config, nextConfig) || repository.Format != next.Format) return null;
        return Changes.Between(repository, next) is { } changes ? new Reuse(this, next, changes, today != nextToday) : null;
    }

    /// <summary>The findings of this analysis that still hold in the next, rule by rule.</summary>
    /// <param name="otherDay">The next analysis is as of another day: what read today is analysed again.</param>
    internal sealed class Reuse(ItemFindings previous, PlanningRepository next, Changes changes, bool otherDay)
    {
        private Dictionary<string, List<WorkItem>>? _referring;

        /// <summary>The rule's findings that hold, by item, the items to analyse again (changed, reading what changed,
        /// or reading today on another day), and the items kept whose analysis read today; null when every item must be.</summary>
        public (Dictionary<WorkItem, Diagnostic[]> Kept, IEnumerable<WorkItem> Visit, HashSet<WorkItem> ReadToday)? For(Rule rule, RuleInputs reads)
        {
            if (!previous._byRule.TryGetValue(rule, out var before)
                || (reads.HasFlag(RuleInputs.Roster) && changes.Roster)
                || (reads.HasFlag(RuleInputs.AllItems) && changes.Ids.Count > 0)
                || (reads.HasFlag(RuleInputs.Files) && (changes.FileSet || changes.OtherHistory)))
                return null;

            var readToday = new HashSet<WorkItem>(previous._readToday[rule], Same);
            readToday.ExceptWith(changes.Removed); // gone, or changed: the new version is among those added
            var visit = new HashSet<WorkItem>(changes.Added, Same);
            if (otherDay) visit.UnionWith(readToday);
            foreach (var path in changes.Dated)
                if (next.ItemAt(path) is { } item) visit.Add(item);
            if (reads.HasFlag(RuleInputs.Files) && changes.DocumentFolders.Count > 0)
                visit.UnionWith(next.Items.Where(item => changes.DocumentFolders.Contains(Folder(item.Path))));
            if (reads.HasFlag(RuleInputs.ReferencedItems))
                foreach (var id in changes.Ids)
                    visit.UnionWith(Referring().GetValueOrDefault(id) ?? []);

            var kept = new Dictionary<WorkItem, Diagnostic[]>(before, Same);
            foreach (var item in changes.Removed.Concat(visit))
            {
                kept.Remove(item);
                readToday.Remove(item); // visited: it is added again if it reads today again
            }

            return (kept, visit, readToday);
        }

        /// <summary>The items by each id their references name (worked out once per analysis, when a rule first asks).</summary>
        private Dictionary<string, List<WorkItem>> Referring()
        {
            if (_referring is not null) return _referring;
            _referring = new Dictionary<string, List<WorkItem>>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in next.Items)
                foreach (var id in item.ReferencedIds)
                {
                    if (!_referring.TryGetValue(id, out var items)) _referring[id] = items = [];
                    items.Add(item);
                }

            return _referring;
        }
    }

    private static string Folder(string path) => path[..(path.LastIndexOf('/') + 1)];

    /// <summary>What differs between two versions of a repository, in the terms of <see cref="RuleInputs"/>. A file
    /// that is the same object in both is unchanged (a live repository shares what it did not parse again).</summary>
    internal sealed class Changes
    {
        /// <summary>The items of the files changed or added, as they are now.</summary>
        public List<WorkItem> Added { get; } = [];

        /// <summary>The items of the files changed or removed, as they were.</summary>
        public List<WorkItem> Removed { get; } = [];

        /// <summary>The ids of <see cref="Added"/> and <see cref="Removed"/>: a lookup by one of them may find another item now.</summary>
        public HashSet<string> Ids { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Files were added or removed.</summary>
        public bool FileSet { get; private set; }

        /// <summary>The folders (with a trailing '/') of the files that hold no item and changed: the documents of the
        /// items there may have.</summary>
        public HashSet<string> DocumentFolders { get; } = new(StringComparer.Ordinal);

        public bool Roster { get; private set; }

        /// <summary>History was read as of another commit (not only other files edited): where gone files went may differ.</summary>
        public bool OtherHistory { get; private set; }

        /// <summary>Files whose history dates differ (edited, or back as committed).</summary>
        public HashSet<string> Dated { get; } = new(StringComparer.Ordinal);

        /// <summary>Null when <paramref name="next"/> is not an edit of <paramref name="previous"/> (another history).</summary>
        public static Changes? Between(PlanningRepository previous, PlanningRepository next)
        {
            if (next.History.DatedOtherwiseThan(previous.History) is not { } dated) return null;
            var changes = new Changes
            {
                Roster = !previous.Roster.HasSamePartiesAs(next.Roster),
                OtherHistory = !next.History.IsSameReadingAs(previous.History),
            };
            changes.Dated.UnionWith(dated);
            var before = previous.Files.ToDictionary(file => file.Path, StringComparer.Ordinal);
            foreach (var file in next.Files)
            {
                if (before.Remove(file.Path, out var old))
                {
                    if (ReferenceEquals(old, file)) continue;
                    changes.Was(old);
                }
                else
                {
                    changes.FileSet = true;
                }

                changes.Is(file);
            }

            foreach (var removed in before.Values) changes.Was(removed);
            changes.FileSet |= before.Count > 0 || !previous.MarkdownPaths.SetEquals(next.MarkdownPaths);
            return changes;
        }

        private void Was(ParsedFile file)
        {
            if (file.Item is { } item) Removed.Add(item);
            Note(file);
        }

        private void Is(ParsedFile file)
        {
            if (file.Item is { } item) Added.Add(item);
            Note(file);
        }

        private void Note(ParsedFile file)
        {
            if (file.Item is { } item) Ids.Add(item.Id.Value.Trim());
            else DocumentFolders.Add(Folder(file.Path));
        }
    }
}
