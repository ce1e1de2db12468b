using BacklogLint.Core.Dialects;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Configuration;

/// <summary>The <c>format:</c> section: how the items are written (a built-in dialect is one such section).</summary>
public sealed partial class ConfigLoader
{
    internal static readonly string[] FormatKeys = ["items", "agreements", "archived", "metadata", "fields", "values", "id-from", "id-aliases", "statuses", "status-list"];

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
        foreach (var entry in map.Entries)
        {
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
                default:
                    throw Error(path, entry.Key, $"unknown key '{entry.Key.Value}' in format (known: {string.Join(", ", FormatKeys)})");
            }
        }

        return format;
    }

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
        string? file = null, key = null;
        foreach (var entry in Map(path, section).Entries)
        {
            switch (YamlMapping.NormalizeKey(entry.Key.Value))
            {
                case "path": file = Scalar(path, entry)?.Value; break;
                case "key": key = Scalar(path, entry)?.Value; break;
                default: throw Error(path, entry.Key, $"unknown key '{entry.Key.Value}' in format.status-list (known: path, key)");
            }
        }

        if (file is null) throw Error(path, section.Value, "format.status-list needs 'path', the file that lists the status words");
        // The file is read from the checked folder, and from git objects in a pull request: a path out of it means nothing there.
        var segments = file.Replace('\\', '/').Split('/');
        if (file.Trim().Length == 0 || Path.IsPathRooted(file) || file.StartsWith('/') || segments.Contains(".."))
            throw Error(path, Map(path, section).Find("path")!.Value, $"format.status-list path '{file}' should be a file inside the checked folder, relative to it (backlog/config.yml)");
        return new StatusListFile(file, key ?? "statuses");
    }

    private static T Named<T>(string path, YamlEntry entry, string name, Dictionary<string, T> known) =>
        known.TryGetValue(name.Trim().ToLowerInvariant(), out var value)
            ? value
            : throw Error(path, entry.Value, $"unknown value '{name}' for '{entry.Key.Value}' (known: {string.Join(", ", known.Keys)})");
}
