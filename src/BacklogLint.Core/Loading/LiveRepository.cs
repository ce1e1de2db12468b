using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.History;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using LibGit2Sharp;

namespace BacklogLint.Core.Loading;

/// <summary>A planning repository kept current as an editor changes it: loaded once from the working tree (every file
/// parsed, history walked once for HEAD), then changed one file at a time. <see cref="With"/> re-parses only that file
/// (an unsaved buffer as it is, or the file as it now is on disk) and shares everything else; what is known of history
/// is reused until HEAD moves (then load again). Each version is immutable, so one can be analysed while the next is
/// made.</summary>
public sealed class LiveRepository
{
    private readonly State _state;
    private readonly List<RepositoryLoader.DiscoveredFile> _discovered;
    private readonly Dictionary<string, ParsedFile> _parsed; // by full path
    private readonly IReadOnlyDictionary<string, string> _buffers; // full path → text, the editor's unsaved buffers
    private readonly IReadOnlySet<string> _edited; // repository-relative: differ from HEAD since loading

    private LiveRepository(
        State state, List<RepositoryLoader.DiscoveredFile> discovered, Dictionary<string, ParsedFile> parsed,
        IReadOnlyDictionary<string, string> buffers, IReadOnlySet<string> edited, ItemSelection? selection, Shared? shared = null)
    {
        _state = state;
        _discovered = discovered;
        _parsed = parsed;
        _buffers = buffers;
        _edited = edited;
        Repository = Build(selection, shared);
    }

    /// <summary>What a version takes from the one it was made from, because the edit cannot have changed it.</summary>
    private sealed record Shared(IReadOnlySet<string>? MarkdownPaths, Roster? Roster);

    /// <summary>This version of the repository, for the rules.</summary>
    public PlanningRepository Repository { get; }

    /// <summary>The commit HEAD was at when history was read; null outside git or before the first commit.</summary>
    public string? Head => _state.Head;

    /// <summary>Link targets that are gone and that a rule asked about since the first version: where they went is not
    /// known until <see cref="ReadAskedMoves"/> walks history for them (seconds on a long history), and until then a
    /// finding about one says nothing of a move.</summary>
    public bool HasAskedMoves => _state.HasAsked;

    /// <summary>Walks history for the link targets asked about (<see cref="HasAskedMoves"/>); safe to call while another
    /// thread analyses. Analyse again afterwards without reusing findings: an item's links did not change, what is
    /// known of their targets did.</summary>
    public void ReadAskedMoves() => _state.ReadAsked();

    /// <summary>Whether history has been read (<see cref="WithHistory"/>); until then it is <see cref="HistoryIndex.Pending"/>.</summary>
    public bool HasHistory => !_state.History.IsPending;

    /// <summary>Loads the working tree as <c>check</c> does.</summary>
    public static LiveRepository Load(PlanningLocation location, BacklogLintConfig config, LoadOptions? options = null) =>
        LoadFiles(location, config, options).WithHistory(options);

    /// <summary>Loads the working tree's files, not its history (<see cref="HistoryIndex.Pending"/>): what the rules
    /// that read no history can be run on while <see cref="WithHistory"/> walks it, seconds on a large repository.</summary>
    public static LiveRepository LoadFiles(PlanningLocation location, BacklogLintConfig config, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        using var source = new WorkingTreeSource(location.Folder, config.Format.YamlFileNames(config.Items));
        var conventions = StatusListReader.Read(config, location, source.ReadText);
        var files = RepositoryLoader.Parse(location, config, source, conventions, reuse: null, options);
        var state = new State(location, config, RepositoryLoader.Parser(location, config, conventions), HistoryIndex.Pending, options.Today, HeadOf(location));
        var parsed = new Dictionary<string, ParsedFile>(StringComparer.Ordinal);
        for (var i = 0; i < files.Discovered.Count; i++) parsed[files.Discovered[i].FullPath] = files.Parsed[i];
        return new LiveRepository(state, files.Discovered, parsed, new Dictionary<string, string>(), new HashSet<string>(), selection: null);
    }

    /// <summary>This repository with git history read for its items as they now are (buffers included); itself when
    /// history was read already.</summary>
    public LiveRepository WithHistory(LoadOptions? options = null)
    {
        if (HasHistory) return this;
        options ??= LoadOptions.Default with { Today = _state.Today };
        var history = RepositoryLoader.ReadHistories(_state.Location, _state.Config, [([.. Repository.Items], null)], options)[0];
        return new LiveRepository(_state.With(history), _discovered, _parsed, _buffers, _edited, Repository.Selection);
    }

    /// <summary>This repository with the file at <paramref name="fullPath"/> as <paramref name="buffer"/> has it (an
    /// editor's buffer, saved or not), or, when <paramref name="buffer"/> is null, as the disk now has it (a closed
    /// buffer, or a file changed, created or deleted outside the editor). A file that is no item or document of the
    /// configuration is read for nothing and changes nothing.</summary>
    public LiveRepository With(string fullPath, string? buffer)
    {
        fullPath = Path.GetFullPath(fullPath);
        var buffers = new Dictionary<string, string>(_buffers, StringComparer.Ordinal);
        if (buffer is null) buffers.Remove(fullPath);
        else buffers[fullPath] = buffer;

        var discovered = _discovered;
        var known = _parsed.ContainsKey(fullPath);
        var exists = buffer is not null || File.Exists(fullPath);
        if (!known && exists)
        {
            if (!IsUnder(fullPath) || RepositoryLoader.Discover(_state.Location.Folder, [fullPath], _state.Config) is not [var file])
                return new LiveRepository(_state, _discovered, _parsed, buffers, _edited, Repository.Selection);
            discovered = [.. _discovered, file];
            discovered.Sort((a, b) => string.CompareOrdinal(a.FullPath, b.FullPath));
        }
        else if (known && !exists)
        {
            discovered = [.. _discovered.Where(f => f.FullPath != fullPath)];
        }

        var parsed = new Dictionary<string, ParsedFile>(_parsed, StringComparer.Ordinal);
        var relative = _state.Location.RelativePath(fullPath);
        var edited = new HashSet<string>(_edited, StringComparer.Ordinal);
        if (exists)
        {
            using var source = _state.Source(buffers);
            var entry = discovered.First(f => f.FullPath == fullPath);
            parsed[fullPath] = RepositoryLoader.ReadFile(_state.Location, entry, _state.Parser, _state.Config, source);
            if (_state.DiffersFromHead(relative, source, fullPath)) edited.Add(relative);
            else edited.Remove(relative);
        }
        else
        {
            parsed.Remove(fullPath);
            edited.Remove(relative);
        }

        var was = _parsed.GetValueOrDefault(fullPath)?.Item;
        var now = parsed.GetValueOrDefault(fullPath)?.Item;
        var shared = new Shared(
            ReferenceEquals(discovered, _discovered) ? Repository.MarkdownPaths : null,
            _state.Config.HasRoster || RepositoryLoader.PartiesNamedBy(was).SequenceEqual(RepositoryLoader.PartiesNamedBy(now)) ? Repository.Roster : null);
        return new LiveRepository(_state, discovered, parsed, buffers, edited, (was is null) == (now is null) ? Repository.Selection : null, shared);
    }

    /// <summary>Whether a file is one this repository reads (an item, a document or another Markdown file).</summary>
    public bool Contains(string fullPath) => _parsed.ContainsKey(Path.GetFullPath(fullPath));

    private bool IsUnder(string fullPath)
    {
        var relative = Path.GetRelativePath(_state.Location.Folder, fullPath).Replace('\\', '/');
        return !relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && !Path.IsPathRooted(relative)
            && !WorkingTreeSource.IsToolFolder(relative);
    }

    /// <param name="shared">Null for the first version: everything is worked out, and the moves of every link target
    /// that is gone in one walk of history; later versions ask history only for targets not asked before.</param>
    private PlanningRepository Build(ItemSelection? selection, Shared? shared)
    {
        var files = _discovered.Select(file => _parsed[file.FullPath]).ToList();
        var items = files.Select(file => file.Item).OfType<WorkItem>().ToList();
        var markdown = shared?.MarkdownPaths ?? _discovered.Select(file => _state.Location.RelativePath(file.FullPath)).ToHashSet(StringComparer.Ordinal);
        var history = _state.History.WithEdited(_edited, _state.Today);
        Roster roster;
        if (shared?.Roster is { } same)
        {
            roster = same;
        }
        else
        {
            using var source = _state.Source(_buffers);
            roster = RepositoryLoader.BuildRoster(_state.Location, _state.Config, items, source);
        }

        var state = _state;
        return new PlanningRepository(files, roster, history, markdown)
        {
            Format = _state.Config.Format,
            Selection = selection ?? RepositoryLoader.Selection(_state.Location, _state.Config, new RepositoryLoader.ParsedFiles(_discovered, [.. files], items)),
            MoveOfFrom = shared is null ? PlanningRepository.MovesWhenAsked(() => state.Moves(LinkTargets.Missing(files, markdown))) : state.MoveOrAsk,
        };
    }

    private static string? HeadOf(PlanningLocation location)
    {
        if (location.GitDirectory is null) return null;
        try
        {
            using var repository = new Repository(location.GitDirectory);
            return repository.Head.Tip?.Sha;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>What every version shares: where, how it parses, history as of HEAD, and where moved files went.</summary>
    private sealed class State(PlanningLocation location, BacklogLintConfig config, WorkItemParser parser, HistoryIndex history, DateOnly today, string? head)
    {
        private readonly ConcurrentDictionary<string, PathMove?> _moves = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string?> _headBlobs = new(StringComparer.Ordinal);

        public PlanningLocation Location => location;

        public BacklogLintConfig Config => config;

        public WorkItemParser Parser => parser;

        public HistoryIndex History => history;

        public DateOnly Today => today;

        public string? Head => head;

        /// <summary>The same with <paramref name="read"/> as its history (moves are looked up in it afresh).</summary>
        public State With(HistoryIndex read) => new(location, config, parser, read, today, head);

        /// <summary>The working tree with the editor's buffers over it (as UTF-8, the way an editor saves them).</summary>
        public WorkingTreeSource Source(IReadOnlyDictionary<string, string> buffers) =>
            new WorkingTreeSource(location.Folder, config.Format.YamlFileNames(config.Items), buffers);

        /// <summary>Where the missing link targets went; each path is looked up in history once per HEAD.</summary>
        private readonly ConcurrentDictionary<string, bool> _asked = new(StringComparer.Ordinal);

        public bool HasAsked => !_asked.IsEmpty;

        /// <summary>Where <paramref name="path"/> went, when known; else null, and it is asked for (<see cref="ReadAsked"/>).</summary>
        public PathMove? MoveOrAsk(string path)
        {
            if (_moves.TryGetValue(path, out var move)) return move;
            _asked.TryAdd(path, true);
            return null;
        }

        public void ReadAsked()
        {
            var asked = _asked.Keys.ToHashSet(StringComparer.Ordinal);
            Moves(asked);
            foreach (var path in asked) _asked.TryRemove(path, out _);
        }

        public Dictionary<string, PathMove> Moves(HashSet<string> missing)
        {
            var unknown = missing.Where(path => !_moves.ContainsKey(path)).ToHashSet(StringComparer.Ordinal);
            if (unknown.Count > 0)
            {
                var found = RepositoryLoader.Moves(location, head, history, unknown);
                foreach (var path in unknown) _moves[path] = found.GetValueOrDefault(path);
            }

            return missing.Select(path => (path, move: _moves.GetValueOrDefault(path)))
                .Where(entry => entry.move is not null)
                .ToDictionary(entry => entry.path, entry => entry.move!, StringComparer.Ordinal);
        }

        /// <summary>Whether the file's bytes now are other than HEAD's (git's blob id of them against HEAD's entry).</summary>
        public bool DiffersFromHead(string relative, FileSource source, string fullPath)
        {
            if (head is null || location.GitDirectory is null) return true;
            var committed = _headBlobs.GetOrAdd(relative, path =>
            {
                try
                {
                    using var repository = new Repository(location.GitDirectory);
                    return repository.Lookup<LibGit2Sharp.Commit>(head)?[path]?.Target.Sha;
                }
                catch (LibGit2SharpException)
                {
                    return null;
                }
            });
            if (committed is null) return true;
            try
            {
                var bytes = source.Read(fullPath);
                var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
#pragma warning disable CA5350 // git names a blob by the SHA-1 of its bytes: an id to compare, not a security measure
                var id = Convert.ToHexStringLower(SHA1.HashData([.. header, .. bytes]));
#pragma warning restore CA5350
                return !string.Equals(id, committed, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return true;
            }
        }
    }
}
