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
    public static PlanningRepository Load(PlanningLocation location, BacklogLintConfig config)
    {
        using var source = new WorkingTreeSource(location.Folder, config.Format.YamlFileNames(config.Items));
        return Load(location, config, source);
    }

    /// <summary>Loads the folder as <paramref name="commitish"/> has it, from git objects (no checkout); history is
    /// walked from that commit. Throws <see cref="NotFoundException"/> when the commit is not in the clone.</summary>
    public static PlanningRepository LoadCommit(PlanningLocation location, BacklogLintConfig config, string commitish)
    {
        using var source = new CommitSource(location, commitish, config.Format.YamlFileNames(config.Items));
        return Load(location, config, source);
    }

    private static PlanningRepository Load(PlanningLocation location, BacklogLintConfig config, FileSource source)
    {
        var files = Discover(location.Folder, source.MarkdownFiles(), config);
        var folder = location.RelativePath(location.Folder);
        var format = config.Format with { FolderPrefix = folder is "." ? "" : folder + "/" };
        var parser = new WorkItemParser(StatusListReader.Extend(config, location, source.ReadText), config.MaxYamlDepth, format);
        var parsed = new ParsedFile[files.Count];
        Parallel.For(0, files.Count, i => parsed[i] = ReadFile(location, files[i], parser, config, source));

        var items = parsed.Select(file => file.Item).OfType<WorkItem>().ToList();
        if (items.Count > config.MaxItems)
            throw new LimitExceededException(
                $"{items.Count:N0} work items found, over the limit of {config.MaxItems:N0}; raise limits.max-items in {BacklogLintConfig.FileName} to check them all");
        var history = ReadHistory(location, items, source.Commit);
        var roster = BuildRoster(location, config, items, source);
        var markdown = files.Select(file => location.RelativePath(file.FullPath)).ToHashSet(StringComparer.Ordinal);
        return new PlanningRepository(parsed, roster, history, markdown);
    }

    private static List<DiscoveredFile> Discover(string folder, IReadOnlyList<string> all, BacklogLintConfig config)
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

    private static ParsedFile ReadFile(PlanningLocation location, DiscoveredFile file, WorkItemParser parser, BacklogLintConfig config, FileSource source)
    {
        var path = location.RelativePath(file.FullPath);
        // With `items` configured only the declared files are items; the rest are read for links alone.
        if (file.IsDeclared == false) return new ParsedFile(path, null, []);
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
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

    private static HistoryIndex ReadHistory(PlanningLocation location, List<WorkItem> items, string? commit)
    {
        if (location.GitDirectory is null) return HistoryIndex.Unavailable("the folder is not in a git repository, so file dates from git are unknown");
        try
        {
            using var repository = new Repository(location.GitDirectory);
            var lines = items
                .Select(item => (item.Path, Lines: item.Agreements.Select(a => a.SourceLine).OfType<string>().ToList()))
                .Where(entry => entry.Lines.Count > 0)
                .ToDictionary(entry => entry.Path, entry => (IReadOnlyCollection<string>)entry.Lines, StringComparer.Ordinal);
            return GitHistoryReader.Read(repository, [.. items.Select(item => item.Path)], lines, commit);
        }
        catch (LibGit2SharpException e)
        {
            return HistoryIndex.Unavailable($"git history cannot be read ({e.Message})");
        }
    }

    private static Roster BuildRoster(PlanningLocation location, BacklogLintConfig config, List<WorkItem> items, FileSource source)
    {
        // An empty `roster:` configures nothing: treating it as "nobody exists" would orphan every handoff.
        var roster = new Roster { IsConfigured = config.RosterTeams is { Count: > 0 } || config.RosterPeople.Count > 0 };
        if (roster.IsConfigured)
        {
            foreach (var (team, members) in config.RosterTeams ?? new Dictionary<string, IReadOnlyList<string>>())
                roster.AddTeam(team, members);
            foreach (var person in config.RosterPeople) roster.AddParty(person);
        }
        else
        {
            foreach (var item in items)
            {
                foreach (var owner in item.Owners) roster.AddParty(owner.Value);
                if (item.Team is { } team) roster.AddParty(team.Value);
                foreach (var party in item.Agreements.SelectMany(agreement => agreement.Parties)) roster.AddParty(party.Value);
                foreach (var handoff in item.Handoffs)
                    if (handoff.From is { } from) roster.AddParty(from.Value);
            }
        }

        foreach (var owner in CodeOwners.Read(location, source.ReadText)) roster.AddParty(owner);
        return roster;
    }

    private sealed record DiscoveredFile(string FullPath, bool? IsDeclared);
}
