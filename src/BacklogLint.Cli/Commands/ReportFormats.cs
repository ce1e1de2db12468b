using System.Text;
using BacklogLint.Reporting;

namespace BacklogLint.Cli.Commands;

/// <summary>The <c>--format</c> values and their writers.</summary>
internal static class ReportFormats
{
    public static string[] Names { get; } = ["text", "json"];

    public static void Write(string format, AnalysisReport report, Stream stream)
    {
        if (format == "json")
        {
            JsonReportWriter.Write(stream, report);
            stream.WriteByte((byte)'\n');
            stream.Flush();
            return;
        }

        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        TextReportWriter.Write(writer, report);
    }
}
