using Microsoft.Extensions.FileSystemGlobbing;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Configuration;

/// <summary>The settings of one run, from <c>.backloglint.yml</c> (DESIGN §3) or the defaults.</summary>
public sealed record BacklogLintConfig
{
    public const string FileName = ".backloglint.yml";

    /// <summary>The names a configuration file is looked for under, in this order.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [FileName, ".backloglint.yaml"];

    /// <summary>Where the settings came from; null for the defaults.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Globs of the item files, relative to the checked folder. Empty: every Markdown file whose front
    /// matter makes it an item.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Where each glob of <see cref="Items"/> is written in <see cref="SourcePath"/>, in order; empty when
    /// the globs are the dialect's own.</summary>
    public IReadOnlyList<SourceSpan> ItemSpans { get; init; } = [];

    /// <summary>Globs of files never read.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    public string Dialect { get; init; } = Dialects.BuiltInDialects.Native;

    /// <summary>How the items are written: the dialect's format with the <c>format:</c> section applied.</summary>
    public Dialects.ItemFormat Format { get; init; } = Dialects.ItemFormat.Native;

    /// <summary>Teams (by name) with their members, from configuration; null when no roster is configured.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? RosterTeams { get; init; }

    public IReadOnlyList<string> RosterPeople { get; init; } = [];

    /// <summary>Whether <c>roster:</c> names anyone: else the roster is gathered from the items (an empty one configures nothing).</summary>
    public bool HasRoster => RosterTeams is { Count: > 0 } || RosterPeople.Count > 0;

    public StatusVocabulary Statuses { get; init; } = StatusVocabulary.CreateDefault();

    /// <summary>Per rule ID: severity and option values that override the descriptor's defaults.</summary>
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } = new Dictionary<string, RuleSettings>();

    /// <summary>Rule settings for some files (<c>overrides:</c>), in order: a later one that matches a file wins over an
    /// earlier one, and every one over <see cref="Rules"/>.</summary>
    public IReadOnlyList<RuleOverride> Overrides { get; init; } = [];

    /// <summary>Files larger than this are not read; a declared item that large, or one whose first KB look like an
    /// item, is reported (BL0501). <c>limits.max-file-size</c>.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Front matter nested deeper than this is refused. <c>limits.max-yaml-depth</c>.</summary>
    public int MaxYamlDepth { get; init; } = Parsing.YamlReader.MaxDepth;

    /// <summary>More work items than this stop the run with one error line and exit code 2. <c>limits.max-items</c>.</summary>
    public int MaxItems { get; init; } = DefaultMaxItems;

    public const int DefaultMaxItems = 100_000;

    /// <summary>The file of commits that are no change (<c>history.ignore-revs-file</c>, absolute); "" for none;
    /// null: git's own, <c>blame.ignoreRevsFile</c> or <c>.git-blame-ignore-revs</c> (<see cref="History.IgnoreRevs"/>).</summary>
    public string? IgnoreRevsFile { get; init; }

    /// <summary>The rules of the configuration's rule packs and policies, run beside the built-in ones.</summary>
    public IReadOnlyList<Analysis.Rule> ExtraRules { get; init; } = [];
}

/// <summary>One entry of <c>overrides:</c>: the severities and options of <paramref name="Rules"/> (by rule ID) for the
/// findings in the files <paramref name="Files"/> match (globs relative to the configuration's folder).</summary>
public sealed record RuleOverride(IReadOnlyList<string> Files, IReadOnlyDictionary<string, RuleSettings> Rules)
{
    private readonly Matcher _matcher = Matcher(Files);

    /// <summary>Whether the file at <paramref name="folderRelativePath"/> (relative to the configuration's folder) is one
    /// of <see cref="Files"/>.</summary>
    public bool Matches(string folderRelativePath)
    {
        try
        {
            return _matcher.Match(folderRelativePath).HasMatches;
        }
        catch (ArgumentException)
        {
            // A name no file system would accept matches no glob.
            return false;
        }
    }

    private static Matcher Matcher(IReadOnlyList<string> files)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(files);
        return matcher;
    }
}

/// <summary>A rule's configured severity and options; what is not configured keeps the descriptor's default.</summary>
public sealed record RuleSettings(Severity? Severity, IReadOnlyDictionary<string, object> Options);
