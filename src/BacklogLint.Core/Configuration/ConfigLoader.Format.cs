using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Dialects;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Configuration;

/// <summary>The <c>format:</c> section: how the items are written (a built-in dialect is one such section).</summary>
public sealed partial class ConfigLoader
{
    internal static readonly Dictionary<string, MetadataSource> MetadataNames = new(StringComparer.Ordinal)
    {
        ["front-matter"] = MetadataSource.FrontMatter,
        ["header"] = MetadataSource.Header,
        ["sections"] = MetadataSource.Sections,
        ["yaml-file"] = MetadataSource.YamlFile,
    };

    internal static readonly Dictionary<string, IdSource> IdSourceNames = new(StringComparer.Ordinal)
    {
        ["file-name"] = IdSource.FileName,
        ["file-number"] = IdSource.FileNumber,
        ["folder-number"] = IdSource.FolderNumber,
    };

    internal static readonly Dictionary<string, ValueReader> ValueReaderNames = new(StringComparer.Ordinal)
    {
        ["text"] = ValueReader.Text,
        ["people"] = ValueReader.People,
        ["number"] = ValueReader.Number,
    };

    /// <summary>A built-in dialect's format; its status words are added to <paramref name="statuses"/>.</summary>
    private static ItemFormat ReadDialect(string dialect, StatusVocabulary statuses)
    {
        var origin = $"built-in dialect '{dialect}'";
        var (root, problem) = YamlReader.Read(BuiltInDialects.Formats[dialect], firstLine: 1);
        if (problem is not null) throw new ConfigurationException(origin, problem.Span, problem.Message);
        return ReadFormat(origin, (YamlMapping)root!, ItemFormat.Native, statuses);
    }

    /// <summary>Applies a <c>format:</c> section over <paramref name="format"/>: lists replace, maps add or replace
    /// by key, status words are added to <paramref name="statuses"/>.</summary>
    private static ItemFormat ReadFormat(string path, YamlMapping map, ItemFormat format, StatusVocabulary statuses)
    {
        RefuseUnknown(path, map, ConfigKeys.Format, "format");
        foreach (var entry in map.Entries)
        {
            // A section or list with nothing under it is not set, as the schema allows.
            if (entry.Value is YamlScalar { IsNull: true } && ConfigKeys.Format[YamlMapping.NormalizeKey(entry.Key.Value)] is SectionValue or MapValue or ListValue) continue;
            switch (YamlMapping.NormalizeKey(entry.Key.Value))
            {
                case "items":
                    format = format with { Items = StringList(path, entry) };
                    break;
                case "agreements":
                    format = format with { Agreements = StringList(path, entry) };
                    break;
                case "archived":
                    format = format with { Archived = StringList(path, entry) };
                    break;
                case "metadata":
                    format = format with { Metadata = [.. StringList(path, entry).Select(name => Named(path, entry, name, MetadataNames))] };
                    break;
                case "fields":
                    format = format with { Fields = ReadFields(path, entry, format.Fields) };
                    break;
                case "values":
                    var values = new Dictionary<string, ValueReader>(format.Values, StringComparer.Ordinal);
                    foreach (var value in CanonicalEntries(path, entry))
                        values[YamlMapping.NormalizeKey(value.Key.Value)] = Named(path, value, Scalar(path, value)?.Value ?? "", ValueReaderNames);
                    format = format with { Values = values };
                    break;
                case "id-from":
                    format = format with { IdFrom = Named(path, entry, Scalar(path, entry)?.Value ?? "", IdSourceNames) };
                    break;
                case "id-aliases":
                    format = format with { IdAliases = ReadIdAliases(path, entry, format.IdAliases) };
                    break;
                case "statuses":
                    ReadStatuses(path, entry, statuses);
                    break;
                case "status-list":
                    format = format with { StatusList = ReadStatusList(path, entry) };
                    break;
                case "documents":
                    format = format with { Documents = StringList(path, entry) };
                    break;
                case "templates":
                    format = format with { Templates = StringList(path, entry) };
                    break;
                case "lifecycle":
                    format = format with { Lifecycle = ReadLifecycle(path, entry, format.Lifecycle) };
                    break;
                case "default-status":
                    format = format with { DefaultStatus = Scalar(path, entry)?.Value is { Length: > 0 } word ? word : null };
                    break;
                case "parties-required":
                    format = format with { PartiesRequired = Flag(path, entry) };
                    break;
                case "bare-mentions":
                    format = format with { BareMentions = Flag(path, entry) };
                    break;
                case "external-links":
                    format = format with { ExternalLinks = Patterns(path, entry) };
                    break;
                case "external-ids":
                    format = format with { ExternalIds = Patterns(path, entry) };
                    break;
                default:
                    throw Unknown(path, entry, ConfigKeys.Format, "format");
            }
        }

        return format;
    }

    private static bool Flag(string path, YamlEntry entry) => Scalar(path, entry)?.Value switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error(path, entry.Value, $"'{entry.Key.Value}' takes true or false, not '{other}'"),
    };

    /// <summary>Regular expressions (.NET syntax, matched with a time-out so that a pattern cannot stall the run).</summary>
    private static List<Regex> Patterns(string path, YamlEntry entry)
    {
        var patterns = new List<Regex>();
        foreach (var pattern in StringList(path, entry))
        {
            try
            {
                patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100)));
            }
            catch (ArgumentException e)
            {
                throw Error(path, entry.Value, $"'{entry.Key.Value}' has a pattern that is not a regular expression: '{pattern}' ({e.Message})");
            }
        }

        return patterns;
    }

    /// <summary><c>lifecycle:</c> the words that are final, the time limits, deadlines and needed keys of statuses, and
    /// the statuses that need no owner; each adds to what the format already says of a word.</summary>
    private static Dictionary<string, StatusLifecycle> ReadLifecycle(string path, YamlEntry section, IReadOnlyDictionary<string, StatusLifecycle> lifecycle)
    {
        var result = new Dictionary<string, StatusLifecycle>(lifecycle, StringComparer.Ordinal);
        if (section.Value is YamlScalar { IsNull: true }) return result;
        void Update(string word, Func<StatusLifecycle, StatusLifecycle> change)
        {
            var key = StatusVocabulary.Normalize(word);
            result[key] = change(result.GetValueOrDefault(key) ?? StatusLifecycle.None);
        }

        RefuseUnknown(path, Map(path, section), ConfigKeys.Lifecycle, "format.lifecycle");
        foreach (var entry in Map(path, section).Entries)
        {
            switch (YamlMapping.NormalizeKey(entry.Key.Value))
            {
                case "final":
                    foreach (var word in StringList(path, entry)) Update(word, l => l with { IsFinal = true });
                    break;
                case "owner-optional":
                    foreach (var word in StringList(path, entry)) Update(word, l => l with { NeedsOwner = false });
                    break;
                case "parties-optional":
                    foreach (var word in StringList(path, entry)) Update(word, l => l with { NeedsParties = false });
                    break;
                case "limits":
                    foreach (var limit in WordMap(path, entry))
                    {
                        var text = Scalar(path, limit)?.Value;
                        if (!Period.TryParse(text, out var period))
                            throw Error(path, limit.Value, $"the time limit of '{limit.Key.Value}' is not a period: '{text}' (write 90d, 12w, 6m or 1y)");
                        Update(limit.Key.Value, l => l with { Limit = period });
                    }

                    break;
                case "deadlines":
                    foreach (var deadline in WordMap(path, entry))
                    {
                        var key = Scalar(path, deadline)?.Value is { Length: > 0 } value ? value
                            : throw Error(path, deadline.Value, $"the deadline of '{deadline.Key.Value}' needs the key that holds it, or 'status' for dates written in the status");
                        Update(deadline.Key.Value, l => l with { Deadline = key });
                    }

                    break;
                case "needs":
                    foreach (var need in WordMap(path, entry))
                    {
                        var key = Scalar(path, need)?.Value is { Length: > 0 } value ? value
                            : throw Error(path, need.Value, $"'{need.Key.Value}' needs the key a record in that status must have");
                        Update(need.Key.Value, l => l with { Needs = key });
                    }

                    break;
                default:
                    throw Unknown(path, entry, ConfigKeys.Lifecycle, "format.lifecycle");
            }
        }

        return result;
    }

    private static IEnumerable<YamlEntry> WordMap(string path, YamlEntry section) =>
        section.Value is YamlScalar { IsNull: true } ? [] : Map(path, section).Entries;

    private static Dictionary<string, string> ReadIdAliases(string path, YamlEntry section, IReadOnlyDictionary<string, string> aliases)
    {
        var result = new Dictionary<string, string>(aliases, StringComparer.OrdinalIgnoreCase);
        if (section.Value is YamlScalar { IsNull: true }) return result;
        foreach (var alias in Map(path, section).Entries)
        {
            // An empty old prefix would match every id.
            if (alias.Key.Value.Length == 0) throw Error(path, alias.Key, "an id alias needs the old prefix it replaces");
            result[alias.Key.Value] = Scalar(path, alias)?.Value
                ?? throw Error(path, alias.Value, $"id alias '{alias.Key.Value}' needs the prefix it stands for");
        }

        return result;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadFields(string path, YamlEntry section, IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(fields, StringComparer.Ordinal);
        foreach (var field in CanonicalEntries(path, section))
            result[YamlMapping.NormalizeKey(field.Key.Value)] = StringList(path, field);
        return result;
    }

    /// <summary>The entries of a map keyed by the model's keys; any other key is an error.</summary>
    private static IEnumerable<YamlEntry> CanonicalEntries(string path, YamlEntry section)
    {
        if (section.Value is YamlScalar { IsNull: true }) yield break;
        foreach (var entry in Map(path, section).Entries)
        {
            if (!ItemFormat.CanonicalKeys.Contains(YamlMapping.NormalizeKey(entry.Key.Value)))
                throw Error(path, entry.Key, $"unknown field '{entry.Key.Value}' in format.{section.Key.Value} (known: {string.Join(", ", ItemFormat.CanonicalKeys)})");
            yield return entry;
        }
    }

    private static StatusListFile ReadStatusList(string path, YamlEntry section)
    {
        string? file = null, key = null, prefixKey = null, prefix = null;
        RefuseUnknown(path, Map(path, section), ConfigKeys.StatusList, "format.status-list");
        foreach (var entry in Map(path, section).Entries)
        {
            switch (YamlMapping.NormalizeKey(entry.Key.Value))
            {
                case "path": file = Scalar(path, entry)?.Value; break;
                case "key": key = Scalar(path, entry)?.Value; break;
                case "prefix-key": prefixKey = Scalar(path, entry)?.Value; break;
                case "prefix": prefix = Scalar(path, entry)?.Value; break;
                default: throw Unknown(path, entry, ConfigKeys.StatusList, "format.status-list");
            }
        }

        if (file is null) throw Error(path, section.Value, "format.status-list needs 'path', the file that lists the status words");
        // The file is read from the checked folder, and from git objects in a pull request: a path out of it means nothing there.
        var segments = file.Replace('\\', '/').Split('/');
        if (file.Trim().Length == 0 || Path.IsPathRooted(file) || file.StartsWith('/') || segments.Contains(".."))
            throw Error(path, Map(path, section).Find("path")!.Value, $"format.status-list path '{file}' should be a file inside the checked folder, relative to it (backlog/config.yml)");
        return new StatusListFile(file, key ?? "statuses") { PrefixKey = prefixKey, DefaultPrefix = prefix };
    }

    private static T Named<T>(string path, YamlEntry entry, string name, Dictionary<string, T> known) =>
        known.TryGetValue(name.Trim().ToLowerInvariant(), out var value)
            ? value
            : throw Error(path, entry.Value, $"unknown value '{name}' for '{entry.Key.Value}' (known: {string.Join(", ", known.Keys)})");
}
