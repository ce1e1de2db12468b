namespace BacklogLint.Core.Loading;

/// <summary>The owners named in a <c>CODEOWNERS</c> file (GitHub's locations), which count as known parties.</summary>
internal static class CodeOwners
{
    private static readonly string[] Locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

    /// <param name="readText">Reads a file by full path; null when there is none.</param>
    public static IEnumerable<string> Read(PlanningLocation location, Func<string, string?> readText)
    {
        try
        {
            var text = new[] { location.Folder, location.PathBase }
                .Distinct()
                .SelectMany(root => Locations.Select(name => Path.Combine(root, name)))
                .Select(readText)
                .FirstOrDefault(content => content is not null);
            if (text is null) return [];
            return text.Split('\n')
                .Select(line => line.Split('#')[0])
                .SelectMany(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Skip(1))
                .Where(owner => owner.StartsWith('@'))
                .ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
