using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Suppressions;

namespace BacklogLint.Reporting;

/// <summary>SARIF 2.1.0 (DESIGN §3), as GitHub code scanning reads it: one run whose driver lists the rules that
/// appear in it, one result per visible finding (and per suppressed one, marked with its in-source suppression),
/// with repository-relative locations and the finding's fingerprint as a partial fingerprint.</summary>
/// <remarks>Written with <see cref="Utf8JsonWriter"/>, as <see cref="JsonReportWriter"/> is, rather than with the
/// Sarif.Sdk object model: the only Sarif.Sdk the package feed serves (5.8.0) does not restore (it depends on
/// Microsoft.Diagnostics.Tracing.EventRegister, which the feed does not have), and no older version is served.
/// The tests validate the output against the official OASIS schema.</remarks>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public const string InformationUri = "https://github.com/backloglint/backloglint";

    /// <summary>The key of the finding's fingerprint in <c>partialFingerprints</c>; bump the version if fingerprints
    /// ever change meaning, so that code scanning does not match old alerts with new results.</summary>
    public const string FingerprintKey = "backloglint/v1";

    /// <summary>The base that every artifact URI is relative to: the repository root, as code scanning expects.</summary>
    public const string SourceRoot = "%SRCROOT%";

    public static void Write(Stream stream, AnalysisReport report)
    {
        // Code scanning rejects a whole upload when a result has no location, so findings about the repository as a
        // whole (BL9001: no git history) are what SARIF calls tool execution notifications, not results.
        var notifications = report.Visible.Where(d => d.Path is null).ToList();
        var results = report.Visible.Where(d => d.Path is not null).Select(d => (Diagnostic: d, Suppression: (Suppression?)null))
            .Concat(report.Suppressed
                .Where(s => s.Diagnostic.Severity.IsShown())
                .Select(s => (s.Diagnostic, Suppression: (Suppression?)s.Suppression)))
            .ToList();
        // The rules that appear, not the whole catalogue: the report needs no reference to the rule pack, and a
        // third-party rule's descriptor is listed the same way as a built-in one.
        var rules = results.Select(r => r.Diagnostic.Descriptor)
            .Concat(notifications.Select(d => d.Descriptor))
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(e => e.Id, e => e.index, StringComparer.Ordinal);

        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Readable text; still valid JSON (the log is data, never embedded in HTML).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, report.ToolVersion, rules);
        WriteInvocation(json, notifications, ruleIndex);
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var (diagnostic, suppression) in results) WriteResult(json, diagnostic, suppression, ruleIndex[diagnostic.Id]);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The SARIF level of a severity: a suggestion is a <c>note</c>; silent and none are <c>none</c>.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "note",
        _ => "none",
    };

    /// <summary>A repository-relative path as a relative URI reference: each segment percent-encoded, so that
    /// spaces, <c>%</c>, <c>#</c> and <c>?</c> in file names stay part of the path.</summary>
    public static string RelativeUri(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Plain text as a SARIF message string: SARIF reads <c>[text](target)</c> in a message as an embedded
    /// link, so literal brackets, and literal backslashes with them, are escaped with a backslash (SARIF §3.11.6).</summary>
    public static string MessageText(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '[' or ']' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static void WriteTool(Utf8JsonWriter json, string version, List<RuleDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", AnalysisReport.ToolName);
        json.WriteString("version", version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Alias);
        WriteMultiformat(json, "shortDescription", rule.Title);
        WriteMultiformat(json, "fullDescription", FullDescription(rule));
        json.WriteString("helpUri", rule.HelpUri.AbsoluteUri);
        WriteMultiformat(json, "help", $"{rule.Title}. See {rule.HelpUri.AbsoluteUri}");
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue(rule.Category.ToString().ToLowerInvariant());
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The key code scanning documents for a result's place: <c>hash:occurrence</c>.</summary>
    public const string LineHashKey = "primaryLocationLineHash";

    /// <summary>"Title (category, warning by default). See …", for code scanning's rule page.</summary>
    private static string FullDescription(RuleDescriptor rule) =>
        $"{rule.Title} ({rule.Category.ToString().ToLowerInvariant()}, {rule.DefaultSeverity.ToName()} by default). See {rule.HelpUri.AbsoluteUri}";

    /// <summary>A hash of the rule and the finding's fingerprint (which survives edits elsewhere in the file), so that
    /// code scanning follows a finding as the lines around it move; upload-sarif would otherwise hash the source line.</summary>
    private static string LineHash(Diagnostic diagnostic)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(diagnostic.Id + "\n" + diagnostic.Fingerprint));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8)) + ":1";
    }

    private static void WriteMultiformat(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, Suppression? suppression, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", MessageText(diagnostic.Message));
        json.WriteEndObject();
        // A suppressed finding always has a file; those without one are notifications (see Write).
        if (diagnostic.Path is { } path)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysicalLocation(json, path, diagnostic.Span);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, diagnostic.Fingerprint);
        json.WriteString(LineHashKey, LineHash(diagnostic));
        json.WriteEndObject();
        if (suppression is not null) WriteSuppression(json, suppression, diagnostic.Path);
        if (diagnostic.ItemId is not null || diagnostic.Owner is not null)
        {
            json.WriteStartObject("properties");
            if (diagnostic.ItemId is { } itemId) json.WriteString("itemId", itemId);
            if (diagnostic.Owner is { } owner) json.WriteString("owner", owner);
            if (diagnostic.Owners.Count > 0)
            {
                json.WriteStartArray("owners");
                foreach (var each in diagnostic.Owners) json.WriteStringValue(each);
                json.WriteEndArray();
            }

            if (diagnostic.Team is { } team) json.WriteString("team", team);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The run's invocation, with the findings about the repository as a whole as notifications, each
    /// associated with its rule.</summary>
    private static void WriteInvocation(Utf8JsonWriter json, List<Diagnostic> notifications, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var diagnostic in notifications)
        {
            json.WriteStartObject();
            json.WriteString("level", Level(diagnostic.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", MessageText(diagnostic.Message));
            json.WriteEndObject();
            json.WriteStartObject("associatedRule");
            json.WriteString("id", diagnostic.Id);
            json.WriteNumber("index", ruleIndex[diagnostic.Id]);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, string path, SourceSpan? span)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(path));
        json.WriteString("uriBaseId", SourceRoot);
        json.WriteEndObject();
        if (span is { } region)
        {
            // SARIF lines and columns are 1-based; endColumn is the column after the region, as SourceSpan's is.
            var startLine = Math.Max(1, region.Line);
            json.WriteStartObject("region");
            json.WriteNumber("startLine", startLine);
            json.WriteNumber("startColumn", Math.Max(1, region.Column));
            json.WriteNumber("endLine", Math.Max(startLine, region.EndLine));
            json.WriteNumber("endColumn", Math.Max(1, region.EndColumn));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSuppression(Utf8JsonWriter json, Suppression suppression, string? path)
    {
        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", "inSource");
        if (suppression.Reason is { Length: > 0 } reason) json.WriteString("justification", reason);
        if (path is not null)
        {
            json.WriteStartObject("location");
            WritePhysicalLocation(json, path, suppression.Span);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }
}
