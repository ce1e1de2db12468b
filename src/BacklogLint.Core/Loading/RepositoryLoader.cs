using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.History;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using LibGit2Sharp;
using Microsoft.Extensions.FileSystemGlobbing;

namespace BacklogLint.Core.Loading;

/// <summary>Builds the <see cref="PlanningRepository"/> for a folder: discover files, parse them in parallel, date
/// them from git, gather the roster. Paths are relative to the git work tree when there is one, else to the folder.</summary>
public static class RepositoryLoader
{
    /// <summary>Loads the folder as it is in the working tree.</summary>
    public static PlanningRepository Load(PlanningLocation location, BacklogLintConfig config, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var overlay = options.Overlay?.ToDictionary(entry => Path.GetFullPath(Path.Combine(location.PathBase, entry.Key)), entry => entry.Value, StringComparer.Ordinal);
        using var source = new WorkingTreeSource(location.Folder, config.Format.YamlFileNames(config.Items), overlay);
        return Load(location, config, source, options);
    }

    /// <summary>How many work items the configuration reads in the working tree, without history (for <c>init</c>,
    /// which tries each built-in format).</summary>
    public static int CountItems(PlanningLocation location, BacklogLintConfig config)
    {
        using var source = new WorkingTreeSource(location.Folder, config.Format.YamlFileNames(config.Items));
        return Parse(location, config, source, StatusListReader.Read(config, location, source.ReadText), reuse: null, LoadOptions.Default).Items.Count;
    }

    /// <summary>Loads the folder as <paramref name="commitish"/> has it, from git objects (no checkout); history is
    /// walked from that commit. Throws <see cref="NotFoundException"/> when the commit is not in the clone.</summary>
    public static PlanningRepository LoadCommit(PlanningLocation location, BacklogLintConfig config, string commitish, LoadOptions? options = null)
    {
        using var source = new CommitSource(location, commitish, config.Format.YamlFileNames(config.Items));
        return Load(location, config, source, options ?? LoadOptions.Default);
    }

    /// <summary>Loads a pull request's base and head commits from git objects: a file whose blob is the same on both
    /// sides is parsed once, and history is walked once for both (below the commit where their first-parent lines meet,
    /// it is the same history). Throws <see cref="NotFoundException"/> when a commit is not in the clone.</summary>
    public static (PlanningRepository Base, PlanningRepository Head) LoadPair(
        PlanningLocation location, BacklogLintConfig config, string baseCommit, string headCommit, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var yamlFileNames = config.Format.YamlFileNames(config.Items);
        using var head = new CommitSource(location, headCommit, yamlFileNames);
        using var @base = new CommitSource(location, baseCommit, yamlFileNames);
        var headStatuses = StatusListReader.Read(config, location, head.ReadText);
        var baseStatuses = StatusListReader.Read(config, location, @base.ReadText);
        var headFiles = Parse(location, config, head, headStatuses, reuse: null, options);
        // A file is parsed alike on both sides unless the repository's own status list differs between them.
        var reuse = headStatuses.SameAs(baseStatuses) ? (head, headFiles) : ((FileSource, ParsedFiles)?)null;
        var baseFiles = Parse(location, config, @base, baseStatuses, reuse, options);
        var histories = ReadHistories(location, config, [(baseFiles.Items, @base.Commit), (headFiles.Items, head.Commit)], options);
        return (Build(location, config, @base, baseFiles, histories[0]), Build(location, config, head, headFiles, histories[1]));
    }

    /// <summary>Loads the folder as each of <paramref name="commits"/> has it, from git objects (no checkout): samples of
    /// one branch's history, newest first, each on the first-parent line of the first. A file whose blob is the same as
    /// in the sample before is not parsed again (the same <see cref="ParsedFile"/>, so an analysis of one sample reuses
    /// the findings of the one before), a commit sampled twice is loaded once (the same repository), and history is
    /// walked once for all (<see cref="GitHistoryReader.ReadAlongLine"/>). Throws <see cref="NotFoundException"/> when a
    /// commit is not in the clone.</summary>
    public static IReadOnlyList<PlanningRepository> LoadSamples(
        PlanningLocation location, BacklogLintConfig config, IReadOnlyList<string> commits, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var yamlFileNames = config.Format.YamlFileNames(config.Items);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var distinct = commits.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return [];
        var sources = new List<CommitSource>(distinct.Count);
        try
        {
            var parsed = new List<ParsedFiles>(distinct.Count);
            RepositoryConventions? previousConventions = null;
            foreach (var commit in distinct)
            {
                var source = new CommitSource(location, commit, yamlFileNames);
                sources.Add(source);
                var conventions = StatusListReader.Read(config, location, source.ReadText);
                // A file is parsed alike in two samples unless the repository's own status list differs between them.
                var reuse = parsed.Count > 0 && conventions.SameAs(previousConventions!) ? (sources[^2], parsed[^1]) : ((FileSource, ParsedFiles)?)null;
                parsed.Add(Parse(location, config, source, conventions, reuse, options with { Progress = null }));
                previousConventions = conventions;
                options.Progress?.Report(new LoadProgress(LoadStage.Samples, parsed.Count, distinct.Count));
            }

            var read = System.Diagnostics.Stopwatch.GetTimestamp();
            var histories = ReadHistories(location, config, [.. parsed.Select((files, i) => (files.Items, (string?)sources[i].Commit))], options, alongLine: true);
            if (options.Timings is { } timings)
            {
                timings.Parsing = System.Diagnostics.Stopwatch.GetElapsedTime(started, read);
                timings.History = System.Diagnostics.Stopwatch.GetElapsedTime(read);
            }

            // Where gone link targets went, per sample: a target no commit below the newest sample ever deleted was not
            // deleted below an older one either, so the older samples' walks look only for the others (a link to a file
            // that never existed would otherwise walk all of history once per sample).
            var built = new PlanningRepository[distinct.Count];
            var newestCommit = sources[0].Commit;
            var newest = new Lazy<(IReadOnlyDictionary<string, PathMove> Moves, IReadOnlySet<string> NeverDeleted)>(() =>
                SampleMoves(location, built[0], newestCommit, histories[0], null));
            for (var i = 0; i < built.Length; i++)
            {
                var (index, commit, history) = (i, sources[i].Commit, histories[i]);
                built[i] = Build(location, config, sources[i], parsed[i], history, PlanningRepository.MovesWhenAsked(index == 0
                    ? () => newest.Value.Moves
                    : () => SampleMoves(location, built[index], commit, history, newest.Value.NeverDeleted).Moves));
            }

            var byCommit = distinct.Select((commit, i) => (commit, built[i])).ToDictionary(entry => entry.commit, entry => entry.Item2, StringComparer.Ordinal);
            return [.. commits.Select(commit => byCommit[commit])];
        }
        finally
        {
            foreach (var source in sources) source.Dispose();
        }
    }

    private static PlanningRepository Load(PlanningLocation location, BacklogLintConfig config, FileSource source, LoadOptions options)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var files = Parse(location, config, source, StatusListReader.Read(config, location, source.ReadText), reuse: null, options);
        var parsed = System.Diagnostics.Stopwatch.GetTimestamp();
        var history = ReadHistories(location, config, [(files.Items, source.Commit)], options)[0];
        if (options.Timings is { } timings)
        {
            timings.Parsing = System.Diagnostics.Stopwatch.GetElapsedTime(started, parsed);
            timings.History = System.Diagnostics.Stopwatch.GetElapsedTime(parsed);
        }

        return Build(location, config, source, files, history);
    }

    /// <summary>Discovers and parses a source's files in parallel; with <paramref name="reuse"/>, a file whose content
    /// is the same there (the same blob) is taken from it as it was parsed.</summary>
    /// <param name="conventions">The source's own status list and id prefix (<see cref="StatusListReader.Read"/>).</param>
    internal static ParsedFiles Parse(
        PlanningLocation location, BacklogLintConfig config, FileSource source, RepositoryConventions conventions,
        (FileSource Source, ParsedFiles Files)? reuse, LoadOptions options)
    {
        var files = Discover(location.Folder, source.ItemCandidates(), config);
        var parser = Parser(location, config, conventions);
        var parsed = new ParsedFile[files.Count];
        var done = 0;
        options.For(files.Count, i =>
        {
            parsed[i] = Reused(files[i].FullPath) ?? ReadFile(location, files[i], parser, config, source);
            options.Progress?.Report(new LoadProgress(LoadStage.Parsing, Interlocked.Increment(ref done), files.Count));
        });

        var items = parsed.Select(file => file.Item).OfType<WorkItem>().ToList();
        if (items.Count > config.MaxItems)
            throw new LimitExceededException(
                $"{items.Count:N0} work items found, over the limit of {config.MaxItems:N0}; raise limits.max-items in {BacklogLintConfig.FileName} to check them all");
        return new ParsedFiles(files, parsed, items);

        ParsedFile? Reused(string fullPath) =>
            reuse is var (other, otherFiles) && source.ContentId(fullPath) is { } id && other.ContentId(fullPath) == id
                ? otherFiles.ByFullPath.GetValueOrDefault(fullPath)
                : null;
    }

    /// <summary>How the folder's files are parsed: the configuration's format with the repository's own status words and
    /// id prefix.</summary>
    internal static WorkItemParser Parser(PlanningLocation location, BacklogLintConfig config, RepositoryConventions conventions)
    {
        var folder = location.RelativePath(location.Folder);
        var format = (config.Format with { FolderPrefix = folder is "." ? "" : folder + "/" }).WithIdPrefix(conventions.IdPrefix);
        return new WorkItemParser(StatusListReader.Extend(config, conventions.Words), config.MaxYamlDepth, format);
    }

    /// <param name="moveOf">Where gone files went (<see cref="PlanningRepository.MoveOfFrom"/>); null: from the history of
    /// the source's commit, when first asked.</param>
    internal static PlanningRepository Build(PlanningLocation location, BacklogLintConfig config, FileSource source, ParsedFiles files, HistoryIndex history, Func<string, PathMove?>? moveOf = null)
    {
        var roster = BuildRoster(location, config, files.Items, source);
        var markdown = files.Discovered.Select(file => location.RelativePath(file.FullPath)).ToHashSet(StringComparer.Ordinal);
        var commit = source.Commit; // read now: the source is closed when the moves are asked for
        var folder = location.RelativePath(location.Folder);
        return new PlanningRepository(files.Parsed, roster, history, markdown)
        {
            // Where the configuration's folder is: its globs (format, overrides) are relative to it.
            Format = config.Format with { FolderPrefix = folder is "." ? "" : folder + "/" },
            Selection = Selection(location, config, files),
            MoveOfFrom = moveOf ?? PlanningRepository.MovesWhenAsked(() => Moves(location, commit, history, LinkTargets.Missing(files.Parsed, markdown))),
        };
    }

    /// <summary>Where the files that links point at and that are gone went, from the history of the source's commit
    /// (HEAD for the working tree); nothing without history.</summary>
    internal static IReadOnlyDictionary<string, PathMove> Moves(PlanningLocation location, string? commit, HistoryIndex history, HashSet<string> missing)
    {
        if (missing.Count == 0 || history.UnavailableReason is not null || location.GitDirectory is null) return new Dictionary<string, PathMove>();
        try
        {
            using var repository = new Repository(location.GitDirectory);
            return RenameFinder.Find(repository, missing, commit);
        }
        catch (LibGit2SharpException)
        {
            return new Dictionary<string, PathMove>();
        }
    }

    /// <summary><see cref="Moves"/> of a report's sample, leaving out the targets in <paramref name="neverDeleted"/>, and
    /// the targets no commit below this one deleted.</summary>
    private static (IReadOnlyDictionary<string, PathMove> Moves, IReadOnlySet<string> NeverDeleted) SampleMoves(
        PlanningLocation location, PlanningRepository repository, string commit, HistoryIndex history, IReadOnlySet<string>? neverDeleted)
    {
        var missing = LinkTargets.Missing(repository.Files, repository.MarkdownPaths);
        if (neverDeleted is not null) missing.ExceptWith(neverDeleted);
        if (missing.Count == 0 || history.UnavailableReason is not null || location.GitDirectory is null) return (new Dictionary<string, PathMove>(), new HashSet<string>());
        try
        {
            using var git = new Repository(location.GitDirectory);
            var moves = RenameFinder.Find(git, missing, commit, out var never);
            return (moves, never);
        }
        catch (LibGit2SharpException)
        {
            return (new Dictionary<string, PathMove>(), new HashSet<string>());
        }
    }

    /// <summary>How many items each glob found and, when none was found, which built-in format would read the files
    /// (tried on the working tree, only then).</summary>
    internal static ItemSelection Selection(PlanningLocation location, BacklogLintConfig config, ParsedFiles files)
    {
        var folderRelative = files.Items.Select(item => Path.GetRelativePath(location.Folder, Path.Combine(location.PathBase, item.Path)).Replace('\\', '/')).ToList();
        var globs = config.Items.Select((glob, i) =>
        {
            var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
            matcher.AddInclude(glob);
            var count = folderRelative.Count(path => Matches(matcher, path));
            return new GlobSelection(glob, i < config.ItemSpans.Count ? config.ItemSpans[i] : null, count);
        }).ToList();
        var markdown = files.Discovered.Count(file => file.FullPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
        (string, int)? proposal = null;
        if (files.Items.Count == 0 && markdown > 0)
        {
            var (guess, counts) = Dialects.DialectDetector.Propose(location);
            if (counts[guess.Dialect] > 0) proposal = (guess.Dialect, counts[guess.Dialect]);
        }

        return new ItemSelection(config.SourcePath is null ? null : location.RelativePath(config.SourcePath), globs, markdown, proposal);
    }

    private static bool Matches(Matcher matcher, string path)
    {
        try
        {
            return matcher.Match(path).HasMatches;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static List<DiscoveredFile> Discover(string folder, IReadOnlyList<string> all, BacklogLintConfig config)
    {
        var ignore = new Matcher(StringComparison.OrdinalIgnoreCase);
        ignore.AddInclude("**/*");
        ignore.AddExcludePatterns(config.Ignore);
        var kept = ignore.Match(folder, all).Files.Select(match => Path.GetFullPath(Path.Combine(folder, match.Path))).ToHashSet();
        HashSet<string>? declared = null;
        if (config.Items.Count > 0)
        {
            var items = new Matcher(StringComparison.OrdinalIgnoreCase);
            items.AddIncludePatterns(config.Items);
            declared = items.Match(folder, all).Files.Select(match => Path.GetFullPath(Path.Combine(folder, match.Path))).ToHashSet();
        }

        return [.. all.Where(kept.Contains).Select(path => new DiscoveredFile(path, declared?.Contains(path)))];
    }

    internal static ParsedFile ReadFile(PlanningLocation location, DiscoveredFile file, WorkItemParser parser, BacklogLintConfig config, FileSource source)
    {
        var path = location.RelativePath(file.FullPath);
        // With `items` configured only the declared files are items; of the rest, only the format's documents (a KEP's
        // README.md) are read, for their links.
        if (file.IsDeclared == false && !parser.IsDocument(path)) return new ParsedFile(path, null, []);
        var declared = file.IsDeclared == true;
        try
        {
            // The size is checked before anything is read: a file over the limit is never read whole.
            var size = source.Size(file.FullPath);
            if (size > config.MaxFileBytes)
            {
                var isItem = declared || WorkItemParser.StartLooksLikeItem(
                    System.Text.Encoding.UTF8.GetString(source.ReadStart(file.FullPath, LookAheadBytes)));
                return isItem
                    ? Unreadable(path, $"the file is {size:N0} bytes, over the limit of {config.MaxFileBytes:N0} (limits.max-file-size); it was not read")
                    : new ParsedFile(path, null, []);
            }

            var text = SourceText.Decode(source.Read(file.FullPath), out var problem);
            if (text is null) return Unreadable(path, problem!);
            var result = parser.Parse(path, text, declared);
            return problem is null || result.Item is null ? result : result with { Problems = [.. result.Problems, Problem(problem)] };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LibGit2SharpException)
        {
            // LibGit2SharpException: a blob a commit names is not in the clone (a partial clone) or cannot be read.
            return Unreadable(path, $"the file cannot be read: {e.Message}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            // A backstop: the parser reports what it knows to go wrong (deep Markdown included); whatever else one file
            // makes a library throw, that file is reported and the others are still checked.
            return Unreadable(path, $"the file cannot be parsed: {e.Message}");
        }
    }

    /// <summary>How much of a file over the size limit is read to tell whether it is an item.</summary>
    private const int LookAheadBytes = 8 * 1024;

    private static ParseProblem Problem(string message) => new(ParseProblemKind.Syntax, message, SourceSpan.At(1), "file");

    private static ParsedFile Unreadable(string path, string message) => new(path, null, [Problem(message)]);

    /// <summary>Dates each set of items as of its commit (the working tree's: HEAD, with what is not committed
    /// touched today), in one walk, leaving out the commits the repository's ignore-revs file lists.</summary>
    /// <param name="alongLine">The commits are samples of one first-parent line, newest first
    /// (<see cref="GitHistoryReader.ReadAlongLine"/>).</param>
    internal static IReadOnlyList<HistoryIndex> ReadHistories(
        PlanningLocation location, BacklogLintConfig config, IReadOnlyList<(List<WorkItem> Items, string? Commit)> sides, LoadOptions options, bool alongLine = false)
    {
        if (location.GitDirectory is null)
            return [.. sides.Select(_ => HistoryIndex.Unavailable("the folder is not in a git repository, so file dates from git are unknown"))];
        try
        {
            using var repository = new Repository(location.GitDirectory);
            Action<int>? walked = options.Progress is { } progress ? commits => progress.Report(new LoadProgress(LoadStage.History, commits, null)) : null;
            // Without commits there is no history to walk, and git's configuration (blame.ignoreRevsFile) is not read.
            var unborn = repository.Info.IsHeadUnborn && sides.All(side => side.Commit is null);
            var requests = sides.Select(side => Request(side.Items, side.Commit)).ToList();
            IReadOnlyCollection<string> ignored = unborn ? [] : IgnoreRevs.Read(repository, location, config.IgnoreRevsFile);
            var histories = alongLine
                ? GitHistoryReader.ReadAlongLine(repository, requests, walked, config.MaxFileBytes, ignored)
                : GitHistoryReader.Read(repository, requests, walked, config.MaxFileBytes, ignored);
            return [.. histories.Select((history, i) => sides[i].Commit is null
                ? history.WithUncommitted(Uncommitted(repository, location, sides[i].Items, options.Overlay), options.Today)
                : history)];
        }
        catch (LibGit2SharpException e)
        {
            return [.. sides.Select(_ => HistoryIndex.Unavailable($"git history cannot be read ({e.Message})"))];
        }
    }

    /// <summary>The items whose file is changed in the working tree or the index, or not tracked yet.</summary>
    private static HashSet<string> Uncommitted(Repository repository, PlanningLocation location, List<WorkItem> items, IReadOnlyDictionary<string, string>? overlay)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (items.Count == 0) return result;
        // A text not written yet is a change, as it will be once written.
        foreach (var item in items.Where(item => overlay?.ContainsKey(item.Path) == true)) result.Add(item.Path);
        var folder = location.RelativePath(location.Folder);
        var options = new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false, DetectRenamesInIndex = false, DetectRenamesInWorkDir = false };
        if (folder != ".") options.PathSpec = [folder];
        var paths = items.Select(item => item.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in repository.RetrieveStatus(options))
        {
            if (entry.State is FileStatus.Unaltered or FileStatus.Ignored) continue;
            var path = entry.FilePath.Replace('\\', '/');
            if (paths.Contains(path)) result.Add(path);
        }

        return result;
    }

    private static HistoryRequest Request(List<WorkItem> items, string? commit)
    {
        var lines = items
            .Select(item => (item.Path, Lines: item.Agreements.Select(a => a.SourceLine).OfType<string>().ToList()))
            .Where(entry => entry.Lines.Count > 0)
            .ToDictionary(entry => entry.Path, entry => (IReadOnlyCollection<string>)entry.Lines, StringComparer.Ordinal);
        return new HistoryRequest(commit, [.. items.Select(item => item.Path)], lines);
    }

    internal static Roster BuildRoster(PlanningLocation location, BacklogLintConfig config, List<WorkItem> items, FileSource source)
    {
        // An empty `roster:` configures nothing: treating it as "nobody exists" would orphan every handoff.
        var roster = new Roster { IsConfigured = config.HasRoster };
        if (roster.IsConfigured)
        {
            foreach (var (team, members) in config.RosterTeams ?? new Dictionary<string, IReadOnlyList<string>>())
                roster.AddTeam(team, members);
            foreach (var person in config.RosterPeople) roster.AddParty(person);
        }
        else
        {
            foreach (var party in items.SelectMany(PartiesNamedBy)) roster.AddParty(party);
        }

        foreach (var owner in CodeOwners.Read(location, source.ReadText)) roster.AddParty(owner);
        return roster;
    }

    /// <summary>Who an item names, for a roster gathered from the items: its owners and team, its agreements' parties
    /// and its handoffs' senders. Nothing for no item.</summary>
    internal static IEnumerable<string> PartiesNamedBy(WorkItem? item)
    {
        if (item is null) yield break;
        foreach (var owner in item.Owners) yield return owner.Value;
        if (item.Team is { } team) yield return team.Value;
        foreach (var party in item.Agreements.SelectMany(agreement => agreement.Parties)) yield return party.Value;
        foreach (var handoff in item.Handoffs)
            if (handoff.From is { } from) yield return from.Value;
    }

    internal sealed record DiscoveredFile(string FullPath, bool? IsDeclared);

    /// <summary>A source's files as discovered and as parsed (in the same order), and the items among them.</summary>
    internal sealed record ParsedFiles(List<DiscoveredFile> Discovered, ParsedFile[] Parsed, List<WorkItem> Items)
    {
        public Dictionary<string, ParsedFile> ByFullPath { get; } =
            Discovered.Select((file, i) => (file.FullPath, Parsed[i])).ToDictionary(entry => entry.FullPath, entry => entry.Item2, StringComparer.Ordinal);
    }
}
