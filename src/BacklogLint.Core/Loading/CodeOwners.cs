namespace BacklogLint.Core.Loading;

/// <summary>The owners named in a <c>CODEOWNERS</c> file (GitHub's locations), which count as known parties.</summary>
internal static class CodeOwners
{
    private static readonly string[] Locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

    public static IEnumerable<string> Read(PlanningLocation location)
    {
        var file = new[] { location.Folder, location.PathBase }
            .SelectMany(root => Locations.Select(name => Path.Combine(root, name)))
            .FirstOrDefault(File.Exists);
        if (file is null) return [];
        try
        {
            return File.ReadLines(file)
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
