using System.Text;
using BacklogLint.Reporting;

namespace BacklogLint.Cli.Commands;

/// <summary>The <c>--format</c> values and their writers.</summary>
internal static class ReportFormats
{
    public static string[] Names { get; } = ["text", "json", "sarif", "github", "markdown"];

    /// <param name="text">How <c>text</c> is written; <paramref name="pathBase"/> is what finding paths are relative to.</param>
    public static void Write(string format, AnalysisReport report, Stream stream, TextView text, string pathBase)
    {
        switch (format)
        {
            case "json":
                JsonReportWriter.Write(stream, report);
                EndWithNewLine(stream);
                return;
            case "sarif":
                SarifReportWriter.Write(stream, report);
                EndWithNewLine(stream);
                return;
        }

        var trust = ConsoleStreams.TrustFor(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        switch (format)
        {
            case "github":
                foreach (var diagnostic in report.Visible) writer.WriteLine(trust(WorkflowCommandWriter.Format(diagnostic)));
                break;
            case "markdown":
                writer.Write(LeadReportWriter.Write(report));
                break;
            default:
                text.Write(writer, report, pathBase);
                break;
        }
    }

    private static void EndWithNewLine(Stream stream)
    {
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }
}
