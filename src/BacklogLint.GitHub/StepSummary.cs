using System.Text;

namespace BacklogLint.GitHub;

/// <summary>The job summary: Markdown appended to the file <c>GITHUB_STEP_SUMMARY</c> names. GitHub refuses a step's
/// summary over 1 MiB, so what is appended keeps the file within that.</summary>
public static class StepSummary
{
    /// <summary>GitHub's limit on one step's summary (bytes).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Less room than this is not worth a summary.</summary>
    private const int MinimumRoom = 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Appends <paramref name="render"/>'s Markdown, rendered no longer than the room left in the file allows.</summary>
    /// <param name="render">Renders the summary in at most the given number of characters.</param>
    /// <returns>False when there was no room.</returns>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static bool Append(string path, Func<int, string> render)
    {
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        var room = MaxBytes - existing - 2;
        if (room < MinimumRoom) return false;

        // Characters are not bytes: render, measure in UTF-8, and shrink until it fits.
        var maxChars = (int)room;
        var text = render(maxChars);
        for (var attempt = 0; Utf8.GetByteCount(text) > room; attempt++)
        {
            if (attempt == 8) return false;
            maxChars = (int)(maxChars * (double)room / Utf8.GetByteCount(text)) - 64;
            if (maxChars < MinimumRoom) return false;
            text = render(maxChars);
        }

        var separator = existing > 0 ? "\n" : "";
        File.AppendAllText(path, separator + text + (text.EndsWith('\n') ? "" : "\n"), Utf8);
        return true;
    }
}
