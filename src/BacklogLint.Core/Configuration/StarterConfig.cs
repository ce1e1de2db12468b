using System.Text;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Configuration;

/// <summary>Writes a starter <c>.backloglint.yml</c> for a repository as it is: the folders its items live in, and a
/// roster gathered from the teams and owners its items name (each person under the team of the items they own).</summary>
public static class StarterConfig
{
    /// <param name="dialect">The repository's dialect (<see cref="Dialects.DialectDetector"/>): its own item folders are
    /// the default, so none are written.</param>
    /// <param name="items">Item globs to write when the items are not where the dialect looks (null: its own).</param>
    public static string Generate(PlanningRepository repository, Func<string, string> relativeToFolder, string dialect = Dialects.BuiltInDialects.Native, IReadOnlyList<string>? items = null)
    {
        var text = new StringBuilder();
        text.Append("# yaml-language-server: $schema=").Append(ConfigSchema.Id).Append('\n');
        text.Append("# BacklogLint configuration, written by `backloglint init` from ")
            .Append(repository.Items.Count).Append(" items. Rules and options: `backloglint rules`.\n\n");

        var folders = repository.Items
            .Select(item => relativeToFolder(item.Path))
            .Select(path => path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)] : "")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (items is not null)
            text.Append("items: [").Append(string.Join(", ", items.Select(Quote))).Append("]\n");
        else if (dialect != Dialects.BuiltInDialects.Native)
            text.Append("# items: the dialect's own folders (README, Dialects); list globs here to check others\n");
        else if (folders.Count is > 0 and <= 5 && !folders.Contains(""))
            text.Append("items: [").Append(string.Join(", ", folders.Select(f => Quote($"{f}/**/*.md")))).Append("]\n");
        else
            text.Append("# items: [\"backlog/**/*.md\"]   # default: every Markdown file whose front matter makes it an item\n");
        text.Append("dialect: ").Append(dialect).Append("\n\n");

        AppendRoster(text, repository);
        text.Append("\nrules:\n");
        text.Append("  # BL0101: { severity: error, max-age: 90d }\n");
        text.Append("  # BL0301: { days: 21 }\n");
        return text.ToString();
    }

    private static void AppendRoster(StringBuilder text, PlanningRepository repository)
    {
        var teams = new SortedDictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        var people = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in repository.Items)
        {
            var team = item.Team?.Value;
            if (team is not null && !teams.ContainsKey(team)) teams[team] = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var owner in item.Owners.Select(o => o.Value).Where(IsPerson))
                if (team is not null) teams[team].Add(owner);
                else people.Add(owner);
        }

        people.ExceptWith(teams.Values.SelectMany(members => members));
        if (teams.Count == 0 && people.Count == 0)
        {
            text.Append("# roster:\n#   teams:\n#     payments: { members: [\"@alice\"] }\n");
            return;
        }

        text.Append("# Who exists. Check it: everybody who owns an item is listed under the team of that item.\n");
        text.Append("roster:\n");
        if (teams.Count > 0)
        {
            text.Append("  teams:\n");
            foreach (var (team, members) in teams)
                text.Append("    ").Append(Quote(team)).Append(": { members: [").Append(string.Join(", ", members.Select(Quote))).Append("] }\n");
        }

        if (people.Count > 0) text.Append("  people: [").Append(string.Join(", ", people.Select(Quote))).Append("]\n");
    }

    /// <summary>A person as the repository writes them: <c>@alice</c>, and an author written without '@' (<c>Jane Doe</c>,
    /// <c>jane@example.org</c>) too, so the roster knows everybody its items name; a team (<c>@org/team</c>) is not one.</summary>
    private static bool IsPerson(string owner) => !owner.Contains('/', StringComparison.Ordinal) && owner.Trim().Length > 0;

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
