using System.Text.RegularExpressions;
using BacklogLint.Core.Model;
using Microsoft.Extensions.FileSystemGlobbing;

namespace BacklogLint.Core.Dialects;

/// <summary>How a repository writes its items, mapped onto the one model (DESIGN §1): which keys mean which field,
/// where the keys are, which files are items and agreements, how ids are formed. A built-in dialect is one of these
/// written in YAML (<see cref="BuiltInDialects"/>); <c>format:</c> in <c>.backloglint.yml</c> changes it.</summary>
public sealed partial record ItemFormat
{
    /// <summary>The model's keys that <see cref="Fields"/> can map, and that <see cref="Values"/> can read.</summary>
    public static readonly IReadOnlyList<string> CanonicalKeys =
    [
        "id", "title", "type", "status", "owner", "owners", "team", "created", "updated", "due", "depends-on",
        "blocked-by", "parent", "parties", "agreed", "review-by", "review-every", "superseded-by", "see-also",
    ];

    /// <summary>The native format: the model's own keys in front matter.</summary>
    public static ItemFormat Native { get; } = new();

    /// <summary>Item globs used when <c>items:</c> is not configured.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Globs of files whose items are agreements unless they say otherwise (<c>type:</c>).</summary>
    public IReadOnlyList<string> Agreements { get; init; } = [];

    /// <summary>Globs of files whose items were set aside (Backlog.md's <c>backlog/archive/</c>): an unfinished one is read
    /// as dropped, a retired agreement, so nobody is asked to own or revisit it; references to it still resolve.</summary>
    public IReadOnlyList<string> Archived { get; init; } = [];

    /// <summary>Where the keys are, in order of precedence.</summary>
    public IReadOnlyList<MetadataSource> Metadata { get; init; } = [MetadataSource.FrontMatter];

    /// <summary>Canonical key → the keys the format writes for it, tried in order (the canonical key is read only when
    /// listed); a key not listed here is read under its own name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Canonical key → how its values are read, when not as plain text.</summary>
    public IReadOnlyDictionary<string, ValueReader> Values { get; init; } = new Dictionary<string, ValueReader>();

    /// <summary>Where an item's id comes from when it has no id key.</summary>
    public IdSource IdFrom { get; init; } = IdSource.FileName;

    /// <summary>Old id prefix → current prefix: references written with an old prefix resolve (Backlog.md's
    /// <c>task-24</c> → <c>BACK-24</c>). Compared ignoring case.</summary>
    public IReadOnlyDictionary<string, string> IdAliases { get; init; } = new Dictionary<string, string>();

    /// <summary>A repository file listing status words in workflow order (first open, last closed, the rest active),
    /// with the key of that list; null when the format has none.</summary>
    public StatusListFile? StatusList { get; init; }

    /// <summary>Normalized status word → what the format's process says of it (<see cref="StatusLifecycle"/>). Every
    /// format knows that a superseded record names its successor.</summary>
    public IReadOnlyDictionary<string, StatusLifecycle> Lifecycle { get; init; } = new Dictionary<string, StatusLifecycle>
    {
        [StatusVocabulary.Normalize("superseded")] = new() { Needs = "superseded-by" },
    };

    /// <summary>The status of an item that writes none (Rust's merged RFCs in <c>text/</c>: <c>merged</c>); null: the
    /// model's default (a task is open, an agreement in force).</summary>
    public string? DefaultStatus { get; init; }

    /// <summary>Whether every agreement of this format must name who agreed (BL0102): false where the parties key is
    /// optional (MADR's <c>decision-makers</c>) or absent.</summary>
    public bool PartiesRequired { get; init; } = true;

    /// <summary>Globs of Markdown files that are no items but belong to the item beside them, whose links are checked
    /// as the item's (a KEP's <c>README.md</c> beside its <c>kep.yaml</c>).</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Whether <see cref="Documents"/> names the file at <paramref name="path"/> (repository-relative).</summary>
    public bool IsDocumentFile(string path) => Matches(Documents, path);

    /// <summary>Globs of template files (<c>template/</c>, <c>0000-kep-template/</c>): never items, their placeholders
    /// are not findings, but links to them resolve.</summary>
    public IReadOnlyList<string> Templates { get; init; } = ["**/template/**", "**/templates/**", "**/*-template/**", "**/*-template.md", "**/*-template-*.md", "**/template.md", "**/adr-template*.md"];

    /// <summary>Links the repository's build rewrites: a relative link whose target matches a pattern is not a file of
    /// this repository (ERCs link <c>./eip-20.md</c>, which their build maps to the EIPs repository).</summary>
    public IReadOnlyList<Regex> ExternalLinks { get; init; } = [];

    /// <summary>References to ids that live in another repository (<c>EIP-\d+</c> from an ERC): not "missing".</summary>
    public IReadOnlyList<Regex> ExternalIds { get; init; } = [];

    /// <summary>Whether a bare <c>@name</c> value is read as Backlog.md reads it, as if quoted (YAML refuses it).</summary>
    public bool BareMentions { get; init; }

    /// <summary>What the format says of the status <paramref name="word"/> (as the vocabulary matched it).</summary>
    public StatusLifecycle LifecycleOf(string word) =>
        Lifecycle.GetValueOrDefault(StatusVocabulary.Normalize(word)) ?? StatusLifecycle.None;

    /// <summary>Whether <see cref="Templates"/> names the file at <paramref name="path"/> (repository-relative).</summary>
    public bool IsTemplateFile(string path) => Matches(Templates, path);

    /// <summary>Whether a link target is rewritten by the repository's build (<see cref="ExternalLinks"/>).</summary>
    public bool IsExternalLink(string target) => ExternalLinks.Any(pattern => pattern.IsMatch(target));

    /// <summary>Whether an id lives in another repository (<see cref="ExternalIds"/>).</summary>
    public bool IsExternalId(string id) => ExternalIds.Any(pattern => pattern.IsMatch(id));

    /// <summary>Where the checked folder is in the repository (<c>planning/</c>; empty at the root): globs are relative
    /// to the folder, item paths to the repository.</summary>
    public string FolderPrefix { get; init; } = "";

    /// <summary>Whether <see cref="Agreements"/> names the file at <paramref name="path"/> (repository-relative).</summary>
    public bool IsAgreementFile(string path) => Matches(Agreements, path);

    /// <summary>Whether <see cref="Archived"/> names the file at <paramref name="path"/> (repository-relative).</summary>
    public bool IsArchivedFile(string path) => Matches(Archived, path);

    private bool Matches(IReadOnlyList<string> globs, string path)
    {
        if (globs.Count == 0) return false;
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(globs);
        var inFolder = path.StartsWith(FolderPrefix, StringComparison.Ordinal) ? path[FolderPrefix.Length..] : path;
        try
        {
            return matcher.Match(inFolder).HasMatches;
        }
        catch (ArgumentException)
        {
            // A name no file system would accept (a NUL in it) matches no glob.
            return false;
        }
    }

    /// <summary>The file names, besides Markdown, that <paramref name="itemGlobs"/> name when the format reads whole-YAML
    /// files (<c>keps/**/kep.yaml</c> → <c>kep.yaml</c>): the loader lists these too.</summary>
    public IReadOnlyList<string> YamlFileNames(IEnumerable<string> itemGlobs) =>
        !Metadata.Contains(MetadataSource.YamlFile) ? []
        : [.. itemGlobs.Select(glob => glob[(glob.LastIndexOf('/') + 1)..])
            .Where(name => name.Length > 0 && !name.Contains('*', StringComparison.Ordinal) && !name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The keys that mean <paramref name="canonical"/>: the ones <see cref="Fields"/> lists for it (none: the
    /// format has no such field, e.g. EIP's <c>type: Standards Track</c> is not an item type), else itself.</summary>
    public IEnumerable<string> KeysFor(string canonical) =>
        Fields.TryGetValue(canonical, out var keys) ? keys : [canonical];

    /// <summary>Whether <paramref name="key"/> is a key of this format (canonical or alias).</summary>
    public bool IsKnownKey(string key) =>
        CanonicalKeys.Any(canonical => KeysFor(canonical).Any(candidate => SameKey(candidate, key)));

    /// <summary>Keys compare by their letters and digits only, ignoring case: <c>created_date</c> = <c>created-date</c>,
    /// <c>Author(s)</c> = <c>authors</c>, <c>Last updated</c> = <c>last-updated</c>.</summary>
    /// <remarks>Compared in place, character by character: parsing asks this for every key of every item against each
    /// alias of each model key (tens of times per item), and building the loose form of both keys each time was ~10% of
    /// the CPU time of a check of 10,000 items. A letter or digit is never half of a surrogate pair, so lower-casing
    /// each one alone is what lower-casing the string of them did.</remarks>
    public static bool SameKey(string a, string b)
    {
        var (i, j) = (0, 0);
        while (true)
        {
            while (i < a.Length && !char.IsLetterOrDigit(a[i])) i++;
            while (j < b.Length && !char.IsLetterOrDigit(b[j])) j++;
            if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
            if (char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j])) return false;
            i++;
            j++;
        }
    }

    /// <summary>The id an item in <paramref name="path"/> has when it names none; null when the file cannot be an item
    /// of this format (a README beside numbered decisions).</summary>
    public string? IdOfFile(string path)
    {
        var stem = FileStem(path);
        switch (IdFrom)
        {
            case IdSource.FileNumber:
                return NumberOf(stem);
            case IdSource.FolderNumber:
                var slash = path.LastIndexOf('/');
                var folder = slash < 0 ? "" : FileStem(path[..slash]);
                // KEP keys in a Markdown proposal's front matter: the file carries the number, not a folder.
                return NumberOf(folder) ?? NumberOf(stem);
            default:
                return stem;
        }

        // A name that starts with a date (log4brains' 20200101-use-x.md, 2024-05-01-y.md) is numbered by day, not by
        // record: two records of one day are two ids, so the whole name is the id.
        string? NumberOf(string name)
        {
            var match = LeadingNumber().Match(name);
            if (!match.Success) return null;
            return DatedName().IsMatch(name) ? name : match.Value;
        }
    }

    /// <summary>The prefix a bare number stands for (<c>345</c> → <c>BACK-345</c>); null when bare numbers are ids.</summary>
    public string? BareNumberPrefix { get; init; }

    /// <summary>This format in a repository whose own configuration gives its ids <paramref name="prefix"/> (Backlog.md's
    /// <c>task_prefix</c>): <c>BACK-1</c>, referred to as <c>1</c> or, from before the prefix was chosen, <c>task-1</c>.</summary>
    public ItemFormat WithIdPrefix(string? prefix)
    {
        if (prefix is null) return this;
        var current = prefix.TrimEnd('-').ToUpperInvariant() + "-";
        var aliases = new Dictionary<string, string>(IdAliases, StringComparer.OrdinalIgnoreCase);
        if (!current.Equals("TASK-", StringComparison.OrdinalIgnoreCase)) aliases.TryAdd("task-", current);
        return this with { IdAliases = aliases, BareNumberPrefix = current };
    }

    /// <summary><paramref name="id"/> with an old prefix replaced by the current one.</summary>
    public string CanonicalId(string id)
    {
        if (BareNumberPrefix is not null && id.Length is > 0 and < 20 && id.All(c => char.IsAsciiDigit(c) || c == '.') && char.IsAsciiDigit(id[0]))
            return BareNumberPrefix + id;
        foreach (var (old, current) in IdAliases)
            if (id.StartsWith(old, StringComparison.OrdinalIgnoreCase) && id.Length > old.Length)
                return current + id[old.Length..];
        return id;
    }

    /// <summary>The file name without its extension.</summary>
    internal static string FileStem(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^(?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:19|20)\d{2}-\d{2}-\d{2})(?:\D|$)")]
    private static partial Regex DatedName();
}

/// <summary>Where an item's keys are written.</summary>
public enum MetadataSource
{
    /// <summary>YAML front matter between <c>---</c> lines.</summary>
    FrontMatter,

    /// <summary><c>Key: value</c> lines (or list items) at the top of the Markdown body.</summary>
    Header,

    /// <summary>A heading named after the key (<c>## Status</c>) whose first line is the value.</summary>
    Sections,

    /// <summary>The whole file is YAML (KEP's <c>kep.yaml</c>).</summary>
    YamlFile,
}

/// <summary>Where an item's id comes from when it has no id key.</summary>
public enum IdSource
{
    /// <summary>The file name without extension.</summary>
    FileName,

    /// <summary>The number the file name starts with (<c>0012-use-postgres.md</c> → <c>0012</c>).</summary>
    FileNumber,

    /// <summary>The number the file's folder starts with (<c>keps/sig-node/2033-cgroups/kep.yaml</c> → <c>2033</c>).</summary>
    FolderNumber,
}

/// <summary>How a field's values are read when not as plain text.</summary>
public enum ValueReader
{
    /// <summary>Plain values (a list, or one value with commas between several).</summary>
    Text,

    /// <summary>The number a path's last segment starts with: <c>keps/sig-node/2033-cgroups</c> → <c>2033</c>.</summary>
    Number,

    /// <summary>People as written in author lines: <c>Name (@handle)</c> → <c>@handle</c>, <c>Name &lt;mail&gt;</c> → the
    /// mail, a bare name or <c>@handle</c> as it is.</summary>
    People,
}

/// <summary>A repository file that lists status words in workflow order (Backlog.md's <c>backlog/config.yml</c>).</summary>
public sealed record StatusListFile(string Path, string Key)
{
    /// <summary>The key of the repository's id prefix in the same file (Backlog.md's <c>task_prefix</c>); null when none.</summary>
    public string? PrefixKey { get; init; }

    /// <summary>The prefix when the file is there but does not set one (Backlog.md's default, <c>task</c>).</summary>
    public string? DefaultPrefix { get; init; }
}
