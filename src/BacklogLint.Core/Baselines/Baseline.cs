using System.Text.Encodings.Web;
using System.Text.Json;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Baselines;

/// <summary>Findings accepted as they are today, so that only new ones fail (<c>backloglint baseline</c>). Entries
/// are keyed on structure — rule and fingerprint (which comes from the file, item and what the finding is about) —
/// never on line numbers, so an edit elsewhere in a file keeps its findings baselined.</summary>
public sealed class Baseline
{
    public const string FileName = ".backloglint-baseline.json";
    private const int FormatVersion = 1;

    private Baseline(IReadOnlyList<BaselineEntry> entries) => Entries = entries;

    /// <summary>In path, rule and fingerprint order, so that the file diffs well.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    public static Baseline From(IEnumerable<Diagnostic> diagnostics) =>
        new([.. diagnostics
            .Select(d => new BaselineEntry(d.Id, d.ItemId, d.Path, d.Fingerprint, d.Message))
            .DistinctBy(e => (e.Rule, e.Fingerprint))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)]);

    /// <summary>Reads a baseline file; a file that is not one is a <see cref="ConfigurationException"/> (exit 2).</summary>
    public static Baseline Load(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            if (!root.TryGetProperty("version", out var version) || version.GetInt32() != FormatVersion)
                throw new ConfigurationException(path, null, $"not a baseline of format version {FormatVersion}");
            return new([.. root.GetProperty("findings").EnumerateArray().Select(e => new BaselineEntry(
                e.GetProperty("rule").GetString()!,
                e.TryGetProperty("itemId", out var item) ? item.GetString() : null,
                e.TryGetProperty("path", out var file) ? file.GetString() : null,
                e.GetProperty("fingerprint").GetString()!,
                e.TryGetProperty("message", out var message) ? message.GetString() ?? "" : ""))]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ConfigurationException(path, null, $"the baseline cannot be read: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, null, $"the baseline cannot be read: {e.Message}");
        }
    }

    public void Save(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteStartArray("findings");
        foreach (var entry in Entries)
        {
            json.WriteStartObject();
            json.WriteString("rule", entry.Rule);
            json.WriteString("itemId", entry.ItemId);
            json.WriteString("path", entry.Path);
            json.WriteString("fingerprint", entry.Fingerprint);
            json.WriteString("message", entry.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Splits findings into new ones and baselined ones, and lists the entries no finding matched any more.</summary>
    public BaselineComparison Compare(IReadOnlyList<Diagnostic> diagnostics)
    {
        var keys = Entries.Select(e => (e.Rule, e.Fingerprint)).ToHashSet();
        var found = new HashSet<(string, string)>();
        var fresh = new List<Diagnostic>();
        var baselined = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var key = (diagnostic.Id, diagnostic.Fingerprint);
            if (keys.Contains(key))
            {
                baselined.Add(diagnostic);
                found.Add(key);
            }
            else
            {
                fresh.Add(diagnostic);
            }
        }

        return new BaselineComparison(fresh, baselined, [.. Entries.Where(e => !found.Contains((e.Rule, e.Fingerprint)))]);
    }
}

/// <summary>One accepted finding. The message is for people reading the file; matching ignores it.</summary>
public sealed record BaselineEntry(string Rule, string? ItemId, string? Path, string Fingerprint, string Message);

/// <summary>Findings against a baseline: new ones, baselined ones, and entries whose finding is gone (fixed).</summary>
public sealed record BaselineComparison(IReadOnlyList<Diagnostic> New, IReadOnlyList<Diagnostic> Baselined, IReadOnlyList<BaselineEntry> Gone);
