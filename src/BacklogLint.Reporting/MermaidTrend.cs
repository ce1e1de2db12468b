using System.Globalization;
using System.Text;

namespace BacklogLint.Reporting;

/// <summary>A small chart of open findings over the last samples of history, as a Mermaid <c>xychart-beta</c> block that
/// GitHub draws in a comment or a job summary (no image to host). Only dates and counts go into it: no item text.</summary>
public static class MermaidTrend
{
    /// <summary>The most points drawn (the newest).</summary>
    public const int MaxPoints = 26;

    /// <summary>The fenced block, with a title naming the span; empty for fewer than two points (no trend to show).</summary>
    public static string Render(IReadOnlyList<TrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2) return "";
        var shown = points.Skip(Math.Max(0, points.Count - MaxPoints)).ToList();
        var top = Math.Max(1, shown.Max(point => point.Open));
        var text = new StringBuilder("```mermaid\nxychart-beta\n");
        text.Append(Invariant($"    title \"Open findings, {shown[0].Day:yyyy-MM-dd} to {shown[^1].Day:yyyy-MM-dd}\"\n"))
            .Append("    x-axis [").AppendJoin(", ", shown.Select(point => Invariant($"\"{point.Day:MMM d}\""))).Append("]\n")
            .Append(Invariant($"    y-axis \"findings\" 0 --> {top + Math.Max(1, top / 10)}\n"))
            .Append("    line [").AppendJoin(", ", shown.Select(point => point.Open.ToString(CultureInfo.InvariantCulture))).Append("]\n```\n\n");
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How many findings were open on one sampled day (<c>backloglint github --trend</c>).</summary>
public sealed record TrendPoint(DateOnly Day, int Open);
