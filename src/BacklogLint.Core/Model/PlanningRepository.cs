using BacklogLint.Core.History;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Model;

/// <summary>Everything the rules see: the parsed files and items, who exists, and history. Immutable once loaded.</summary>
public sealed class PlanningRepository
{
    private readonly Dictionary<string, List<WorkItem>> _byId;
    private readonly Dictionary<string, WorkItem> _byPath;
    private readonly Lazy<PathIndex> _paths;

    public PlanningRepository(IReadOnlyList<ParsedFile> files, Roster roster, HistoryIndex history, IReadOnlySet<string> markdownPaths)
    {
        Files = files;
        Items = [.. files.Select(file => file.Item).OfType<WorkItem>()];
        roster.Seal();
        Roster = roster;
        History = history;
        MarkdownPaths = markdownPaths;
        // Loops, not LINQ's GroupBy: an editor builds these again after every keystroke (10,000 items).
        _byId = new Dictionary<string, List<WorkItem>>(Items.Count, StringComparer.OrdinalIgnoreCase);
        _byPath = new Dictionary<string, WorkItem>(Items.Count, StringComparer.Ordinal);
        foreach (var item in Items)
        {
            if (_byId.TryGetValue(item.Id.Value, out var same)) same.Add(item);
            else _byId[item.Id.Value] = [item];
            _byPath.Add(item.Path, item);
        }
        _paths = new(() => new PathIndex(this));
    }

    private PlanningRepository(PlanningRepository repository, Roster roster)
    {
        Files = repository.Files;
        Items = repository.Items;
        roster.Seal();
        Roster = roster;
        History = repository.History;
        MarkdownPaths = repository.MarkdownPaths;
        Format = repository.Format;
        Selection = repository.Selection;
        _moveOf = repository._moveOf;
        _byId = repository._byId;
        _byPath = repository._byPath;
        _paths = repository._paths;
    }

    /// <summary>The same files, items and history with another roster (e.g. the roster verified against an outside
    /// directory after loading).</summary>
    public PlanningRepository WithRoster(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return new PlanningRepository(this, roster);
    }

    private Func<string, PathMove?> _moveOf = _ => null;

    /// <summary>Where the Markdown file at <paramref name="path"/> (repository-relative; a link's target that is gone)
    /// went, as git history tells; null when it does not say, and always without history.</summary>
    public PathMove? MoveOf(string path) => _moveOf(path);

    /// <summary>How <see cref="MoveOf"/> is answered: <see cref="MovesWhenAsked"/> for the moves of every gone target in
    /// one walk of history, or a lookup of its own (a live repository asks for new targets one at a time).</summary>
    public Func<string, PathMove?> MoveOfFrom { init => _moveOf = value; }

    /// <summary>A <see cref="MoveOfFrom"/> that works out every move the first time one is asked (a walk of history):
    /// a run in which no rule asks, or no link is broken, pays nothing.</summary>
    public static Func<string, PathMove?> MovesWhenAsked(Func<IReadOnlyDictionary<string, PathMove>> moves)
    {
        var all = new Lazy<IReadOnlyDictionary<string, PathMove>>(moves);
        return path => all.Value.GetValueOrDefault(path);
    }

    /// <summary>What the configuration selected (for BL9002: never green on nothing).</summary>
    public ItemSelection Selection { get; init; } = ItemSelection.None;

    /// <summary>The documents that belong to <paramref name="item"/> (<see cref="Dialects.ItemFormat.Documents"/>): the
    /// files with links in the item's folder that hold no item.</summary>
    public IEnumerable<ParsedFile> DocumentsOf(WorkItem item) => _paths.Value.Documents[FolderOf(item.Path)];

    /// <summary>Whether a Markdown file was read directly in <paramref name="folder"/> (repository-relative, "" for the
    /// root, with or without a trailing '/'): a folder with none is out of sight (code, assets, left out of the checkout).</summary>
    public bool HasMarkdownIn(string folder) =>
        _paths.Value.Folders.Contains(folder.Length == 0 || folder.EndsWith('/') ? folder : folder + "/");

    /// <summary>The Markdown files read whose path is <paramref name="path"/> but for case, in path order.</summary>
    public IEnumerable<string> MarkdownPathsIgnoringCase(string path) => _paths.Value.IgnoringCase[path];

    /// <summary>Whether <paramref name="path"/> (repository-relative) is a file read (Markdown or an item's) or a folder
    /// that holds one at any depth.</summary>
    public bool IsFileOrFolder(string path) => _paths.Value.FilesAndFolders.Contains(path);

    private static string FolderOf(string path) => path[..(path.LastIndexOf('/') + 1)];

    /// <summary>The repository's paths indexed once, when a rule first asks, so that a lookup per link is not a scan of
    /// every file (10,000 items with a link each).</summary>
    private sealed class PathIndex
    {
        public PathIndex(PlanningRepository repository)
        {
            Documents = repository.Files.Where(file => file.Item is null && file.Links.Count > 0).ToLookup(file => FolderOf(file.Path), StringComparer.Ordinal);
            Folders = repository.MarkdownPaths.Select(FolderOf).ToHashSet(StringComparer.Ordinal);
            IgnoringCase = repository.MarkdownPaths.Order(StringComparer.Ordinal).ToLookup(path => path, StringComparer.OrdinalIgnoreCase);
            foreach (var path in repository.MarkdownPaths.Concat(repository.Items.Select(item => item.Path)))
            {
                FilesAndFolders.Add(path);
                for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                    if (!FilesAndFolders.Add(path[..slash])) break;
            }
        }

        public ILookup<string, ParsedFile> Documents { get; }

        public HashSet<string> Folders { get; }

        public ILookup<string, string> IgnoringCase { get; }

        public HashSet<string> FilesAndFolders { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>How the items are written: rules ask it what the repository's build and neighbours resolve (links its
    /// build rewrites, ids that live in another repository).</summary>
    public Dialects.ItemFormat Format { get; init; } = Dialects.ItemFormat.Native;

    /// <summary>Every Markdown file read, item or not, in path order.</summary>
    public IReadOnlyList<ParsedFile> Files { get; }

    /// <summary>The work items, in path order.</summary>
    public IReadOnlyList<WorkItem> Items { get; }

    public Roster Roster { get; }

    public HistoryIndex History { get; }

    /// <summary>Repository-relative paths of all Markdown files, items or not (links to them resolve).</summary>
    public IReadOnlySet<string> MarkdownPaths { get; }

    /// <summary>The item in the file at <paramref name="path"/> (repository-relative), if the file holds one.</summary>
    public WorkItem? ItemAt(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The item with <paramref name="id"/> (case-insensitive); the first by path when the id is duplicated.</summary>
    public WorkItem? Find(string id) => _byId.TryGetValue(id.Trim(), out var items) ? items[0] : null;

    /// <summary>Every item with <paramref name="id"/>: more than one is a duplicate.</summary>
    public IReadOnlyList<WorkItem> FindAll(string id) => _byId.TryGetValue(id.Trim(), out var items) ? items : [];

    /// <summary>The items <paramref name="item"/> depends on that exist (the dependency graph's edges).</summary>
    public IEnumerable<WorkItem> DependenciesOf(WorkItem item) =>
        item.DependsOn.Select(dependency => Find(dependency.Value)).OfType<WorkItem>();

    /// <summary>The newest of the item's last commit and its <c>updated:</c> date; null when neither is known.</summary>
    public DateOnly? LastTouched(WorkItem item) => Newest(History.LastChanged(item.Path), item.Updated?.Value);

    /// <summary>When the agreement was last revisited (DESIGN §1): for a whole item the newest of <c>agreed</c>,
    /// <c>updated</c> and its file's last commit; inline, the newest of its own date and its line's last commit.</summary>
    public DateOnly? LastRevisited(WorkItem item, Agreement agreement) => agreement.Kind == AgreementKind.WholeItem
        ? Newest(Newest(agreement.Agreed?.Value, agreement.Updated?.Value), History.LastChanged(item.Path))
        : Newest(agreement.Agreed?.Value, agreement.SourceLine is { } line ? History.LastChanged(item.Path, line) : null);

    private static DateOnly? Newest(DateOnly? a, DateOnly? b) => a > b || b is null ? a : b;
}
