namespace BacklogLint.Core.Model;

/// <summary>Comparison of parties as DESIGN.md says: case-insensitive, leading '@' optional, and
/// <c>@org/team</c> the same as <c>team</c>.</summary>
public static class Party
{
    private static readonly HashSet<string> Placeholders =
        new(["", "tbd", "tba", "todo", "?", "??", "none", "-", "--", "unassigned", "nobody", "n/a", "na", "null", "~"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The form parties are compared in: lower case, no '@', no organisation.</summary>
    public static string Normalize(string name)
    {
        var text = name.Trim().TrimStart('@').Trim();
        var slash = text.LastIndexOf('/');
        if (slash >= 0) text = text[(slash + 1)..];
        return text.ToLowerInvariant();
    }

    public static bool AreSame(string a, string b) => Normalize(a) == Normalize(b);

    /// <summary>True for values that stand for nobody (<c>TBD</c>, <c>?</c>, <c>none</c>, …).</summary>
    public static bool IsPlaceholder(string? name) => name is null || Placeholders.Contains(name.Trim().TrimStart('@').Trim());
}
