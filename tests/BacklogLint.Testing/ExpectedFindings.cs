using System.Text.RegularExpressions;

namespace BacklogLint.Testing;

/// <summary>Expected findings written inside fixture files, as markdownlint does: <c>{BL0001}</c> on the line the
/// finding points at, or <c>{BL0001:+1}</c> / <c>{BL0001:-2}</c> relative to the marker's line. Put markers in YAML
/// comments (<c># {BL0001}</c>) or HTML comments (<c>&lt;!-- {BL0402} --&gt;</c>).</summary>
public static partial class ExpectedFindings
{
    /// <summary>One finding as the harness compares it: rule, path and line (null path and line: repository-wide).</summary>
    public static string Key(string rule, string? path, int? line) => path is null ? $"{rule} (repository)" : $"{rule} {path}:{line}";

    public static IEnumerable<string> InFile(string relativePath, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match marker in Marker().Matches(lines[i]))
            {
                var offset = marker.Groups[2].Success ? int.Parse(marker.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                yield return Key(marker.Groups[1].Value, relativePath, i + 1 + offset);
            }
        }
    }

    [GeneratedRegex(@"\{(BL\d{4})(?::([+-]\d+))?\}")]
    private static partial Regex Marker();
}
