using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Reporting;
using BacklogLint.Reporting.Terminal;

namespace BacklogLint.Cli.Commands;

/// <summary>How <c>--format text</c> is written: plain (redirected, <c>--output</c>) exactly as it always was, or for a
/// terminal; everything, or with <c>--quiet</c> only what fails the run: the findings at or above
/// <paramref name="QuietThreshold"/>, and with <paramref name="StrictBaseline"/> the note that the baseline can shrink.</summary>
internal sealed record TextView(TerminalOutput Terminal, bool Quiet, Severity QuietThreshold, bool StrictBaseline)
{
    public void Write(TextWriter writer, AnalysisReport report, string pathBase)
    {
        var shown = report.Visible.Where(d => !Quiet || d.Severity.IsAtLeast(QuietThreshold)).ToList();
        if (Terminal.Rich) TerminalReportWriter.Write(writer, report, shown, Terminal.Style, new SourceFiles(pathBase).Lines, Quiet);
        else if (Quiet) TextReportWriter.WriteLines(writer, shown);
        else TextReportWriter.Write(writer, report);
        if (Quiet && StrictBaseline && TextReportWriter.ShrinkableBaseline(report) is { } shrink) writer.WriteLine(shrink);
    }

    /// <summary>The lines of the files findings point at, read once each, for quoting (<see cref="LocalFile"/>). Only
    /// regular files inside the repository and at most 1 MiB: a quote is a courtesy, never a reason to read something huge or outside.</summary>
    private sealed class SourceFiles(string pathBase)
    {
        private const long MaxBytes = 1024 * 1024;
        private readonly Dictionary<string, IReadOnlyList<string>?> read = new(StringComparer.Ordinal);

        public IReadOnlyList<string>? Lines(string path)
        {
            if (read.TryGetValue(path, out var lines)) return lines;
            return read[path] = Read(path);
        }

        private string[]? Read(string path)
        {
            var root = Path.GetFullPath(pathBase);
            var full = Path.GetFullPath(Path.Combine(root, path));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
            if (new FileInfo(full).LinkTarget is not null) return null;
            return LocalFile.ReadText(full, MaxBytes) is { } text ? [.. Enumerable.Range(1, text.LineCount).Select(text.Line)] : null;
        }
    }
}
