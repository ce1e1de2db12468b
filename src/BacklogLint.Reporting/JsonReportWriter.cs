using System.Text.Encodings.Web;
using System.Text.Json;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting;

/// <summary>The JSON format of DESIGN §3: <c>tool</c>, <c>diagnostics</c> (one object per finding, with its
/// fingerprint and help link) and <c>summary</c>. Keys and order are a contract for other tools.</summary>
public static class JsonReportWriter
{
    public static void Write(Stream stream, AnalysisReport report)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Readable quotes and non-ASCII text; still valid JSON (the report is data, never embedded in HTML).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteString("name", AnalysisReport.ToolName);
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();

        var visible = report.Visible.ToList();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in visible) WriteDiagnostic(json, diagnostic);
        json.WriteEndArray();

        json.WriteStartObject("summary");
        json.WriteNumber("items", report.ItemCount);
        json.WriteNumber("files", report.FileCount);
        json.WriteNumber("total", visible.Count);
        json.WriteNumber("suppressed", report.SuppressedCount);
        json.WriteNumber("baselined", report.BaselinedCount);
        json.WriteNumber("fixedSinceBaseline", report.FixedSinceBaselineCount);
        WriteCounts(json, "bySeverity", AnalysisReport.CountBy(visible, d => d.Severity.ToName()));
        WriteCounts(json, "byRule", AnalysisReport.CountBy(visible, d => d.Id));
        // A finding counts for each of its owners, so byOwner may add up to more than total.
        WriteCounts(json, "byOwner", AnalysisReport.CountByEach(visible, AnalysisReport.OwnersOf));
        WriteCounts(json, "byTeam", AnalysisReport.CountBy(visible, AnalysisReport.TeamOf));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("id", diagnostic.Id);
        json.WriteString("severity", diagnostic.Severity.ToName());
        json.WriteString("message", diagnostic.Message);
        json.WriteString("path", diagnostic.Path);
        WriteNumberOrNull(json, "line", diagnostic.Span?.Line);
        WriteNumberOrNull(json, "column", diagnostic.Span?.Column);
        WriteNumberOrNull(json, "endLine", diagnostic.Span?.EndLine);
        WriteNumberOrNull(json, "endColumn", diagnostic.Span?.EndColumn);
        json.WriteString("itemId", diagnostic.ItemId);
        json.WriteString("owner", diagnostic.Owner); // the owners as one text, else the team: as it was before "owners"
        json.WriteString("fingerprint", diagnostic.Fingerprint);
        json.WriteString("helpUri", diagnostic.Descriptor.HelpLink);
        // After the keys of DESIGN §3, so that a reader of the first ones finds them where they were.
        json.WriteStartArray("owners");
        foreach (var owner in diagnostic.Owners) json.WriteStringValue(owner);
        json.WriteEndArray();
        json.WriteString("team", diagnostic.Team);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<KeyCount> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts) json.WriteNumber(key, count);
        json.WriteEndObject();
    }
}
