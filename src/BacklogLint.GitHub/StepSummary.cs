using System.Text;

namespace BacklogLint.GitHub;

/// <summary>The job summary: Markdown appended to the file <c>GITHUB_STEP_SUMMARY</c> names. GitHub refuses a step's
/// summary over 1 MiB, so what is appended keeps the file within that.</summary>
public static class StepSummary
{
    /// <summary>GitHub's limit on one step's summary (bytes).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How often a summary that is too big in bytes is rendered again, smaller.</summary>
    private const int MaxRenders = 24;

    /// <summary>Less room than this is not worth a summary.</summary>
    private const int MinimumRoom = 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Appends <paramref name="render"/>'s Markdown, rendered no longer than the room left in the file allows.</summary>
    /// <param name="render">Renders the summary in at most the given number of characters.</param>
    /// <returns>False when there was no room.</returns>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static bool Append(string path, Func<int, string> render) => TryAppend(path, render, out _);

    /// <summary><see cref="Append"/>, and the text appended (null when nothing was).</summary>
    public static bool TryAppend(string path, Func<int, string> render, out string? appended)
    {
        appended = null;
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        var room = MaxBytes - existing - 2;
        if (room < MinimumRoom) return false;

        // Characters are not bytes, and a report does not shrink in proportion to the room it is given (whole entries,
        // shares per section): search for the largest rendering whose UTF-8 fits.
        var text = render((int)Math.Min(room, int.MaxValue));
        var bytes = Utf8.GetByteCount(text);
        if (bytes > room)
        {
            string? best = null;
            long fits = MinimumRoom - 1, tooBig = Math.Min(room, text.Length);
            var guess = (long)(tooBig * (double)room / bytes);
            for (var attempt = 0; attempt < MaxRenders && tooBig - fits > 256; attempt++)
            {
                var size = Math.Clamp(attempt == 0 ? guess : fits + (tooBig - fits) / 2, fits + 1, tooBig - 1);
                var candidate = render((int)size);
                var candidateBytes = Utf8.GetByteCount(candidate);
                if (candidateBytes <= room)
                {
                    (best, fits) = (candidate, size);
                    if (room - candidateBytes < room / 50) break;
                }
                else
                {
                    tooBig = size;
                }
            }

            if (best is null) return false;
            text = best;
        }

        appended = text;
        var separator = existing > 0 ? "\n" : "";
        File.AppendAllText(path, separator + text + (text.EndsWith('\n') ? "" : "\n"), Utf8);
        return true;
    }
}
