using System.Globalization;

namespace BacklogLint.Testing.Accuracy;

/// <summary>Status classes of DESIGN.md §1, as the oracle reads them.</summary>
internal enum PlannedClass
{
    /// <summary>No status key: a task is open, an agreement in force.</summary>
    Absent,
    Open,
    Active,
    Blocked,
    Closed,
    Proposed,
    InForce,
    Retired,

    /// <summary>A word the vocabulary does not know (a BL0502): no status rule checks the item.</summary>
    Unknown,
}

/// <summary>DESIGN.md's vocabulary, written down again here from the document (not taken from Core) so that the
/// oracle does not share the rules' reading of it: status words, placeholders, parties, "older than N days".</summary>
internal static class DesignTerms
{
    /// <summary>The fixed "now" of every accuracy run: 2026-11-23, noon UTC.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static DateTimeOffset Now { get; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, PlannedClass> WorkWords = Words(
        (PlannedClass.Open, ["todo", "ready", "backlog", "proposed"]),
        (PlannedClass.Active, ["in-progress", "doing", "review"]),
        (PlannedClass.Blocked, ["blocked", "on-hold"]),
        (PlannedClass.Closed, ["done", "resolved", "dropped", "wontfix", "cancelled"]));

    private static readonly HashSet<string> DroppedWords = ["dropped", "wontfix", "cancelled"];

    private static readonly Dictionary<string, PlannedClass> AgreementWords = Words(
        (PlannedClass.Proposed, ["proposed", "draft"]),
        (PlannedClass.InForce, ["active", "accepted", "agreed", "approved"]),
        (PlannedClass.Retired, ["superseded", "deprecated", "rejected", "withdrawn"]));

    private static readonly HashSet<string> Placeholders = ["", "tbd", "?", "none", "-", "unassigned"];

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DaysAgo(int days) => Today.AddDays(-days);

    /// <summary>"Older than N days": strictly more than N whole days between the date and today.</summary>
    public static bool OlderThan(DateOnly date, int days) => Today.DayNumber - date.DayNumber > days;

    /// <summary>Words compare case-insensitively with spaces, '_' and '-' alike (and an apostrophe ignored).</summary>
    public static string NormalizeWord(string word) =>
        string.Concat(word.ToLowerInvariant().Where(c => c is not (' ' or '_' or '-' or '\'')));

    public static (PlannedClass Class, bool Dropped) Classify(string kind, string? word)
    {
        if (word is null) return (PlannedClass.Absent, false);
        var key = NormalizeWord(word);
        var words = kind == "agreement" ? AgreementWords : WorkWords;
        if (!words.TryGetValue(key, out var status)) return (PlannedClass.Unknown, false);
        return (status, kind != "agreement" && DroppedWords.Contains(key));
    }

    public static (PlannedClass Class, bool Dropped) Classify(PlannedItem item) => Classify(item.Kind, item.StatusText);

    public static bool IsPlaceholder(string value) => Placeholders.Contains(value.Trim().ToLowerInvariant());

    /// <summary>A party as compared: case-insensitive, leading '@' optional, <c>@org/team</c> as <c>team</c>.</summary>
    public static string Party(string value)
    {
        var party = value.Trim().TrimStart('@').ToLowerInvariant();
        var slash = party.LastIndexOf('/');
        return slash >= 0 ? party[(slash + 1)..] : party;
    }

    public static bool SameParty(string left, string right) => Party(left) == Party(right);

    private static Dictionary<string, PlannedClass> Words(params (PlannedClass Class, string[] Words)[] groups) =>
        groups.SelectMany(group => group.Words.Select(word => (Key: NormalizeWord(word), group.Class)))
            .ToDictionary(entry => entry.Key, entry => entry.Class, StringComparer.Ordinal);
}

/// <summary>The roster the generated repository configures in <c>.backloglint.yml</c>.</summary>
internal static class PlannedRoster
{
    public static IReadOnlyList<string> Teams { get; } = ["payments", "sre", "platform", "growth", "data"];

    public static IReadOnlyDictionary<string, string[]> Members { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["payments"] = ["@alice", "@bob"],
        ["sre"] = ["@carol", "@dan"],
        ["platform"] = ["@erin", "@frank"],
        ["growth"] = ["@grace", "@heidi"],
        ["data"] = ["@ivan", "@judy"],
    };

    public static IReadOnlyList<string> People { get; } = ["@oscar", "@peggy"];

    /// <summary>Owners and receivers nobody configured.</summary>
    public static IReadOnlyList<string> Strangers { get; } = ["@zed", "@ghost", "legal", "@acme/legal", "@mallory", "sre-oncall"];

    public static string Prefix(string? team) => team switch
    {
        "payments" => "PAY",
        "sre" => "SRE",
        "platform" => "PLAT",
        "growth" => "GRO",
        "data" => "DATA",
        _ => "MISC",
    };

    public static string Yaml()
    {
        var lines = new List<string> { "# Written by the accuracy generator (tests/BacklogLint.Testing/Accuracy).", "roster:", "  teams:" };
        lines.AddRange(Teams.Select(team => $"    {team}: {{ members: [{string.Join(", ", Members[team].Select(m => $"\"{m}\""))}] }}"));
        lines.Add($"  people: [{string.Join(", ", People.Select(p => $"\"{p}\""))}]");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Owners named only in <c>.github/CODEOWNERS</c>, which count as known parties too.</summary>
    public static IReadOnlyList<string> CodeOwners { get; } = ["@acme/security", "@victor"];

    public static string CodeOwnersFile() => "# Written by the accuracy generator.\n*          @acme/security\n/backlog/  @victor\n";

    public static bool IsTeam(string party) => Members.ContainsKey(DesignTerms.Party(party));

    public static bool Knows(string party)
    {
        var name = DesignTerms.Party(party);
        return Members.ContainsKey(name)
            || Members.Values.Any(members => members.Any(member => DesignTerms.Party(member) == name))
            || People.Any(person => DesignTerms.Party(person) == name)
            || CodeOwners.Any(owner => DesignTerms.Party(owner) == name);
    }

    /// <summary>Whether <paramref name="person"/> is a member of the roster team <paramref name="team"/>.</summary>
    public static bool IsMember(string person, string team) =>
        Members.TryGetValue(DesignTerms.Party(team), out var members) && members.Any(member => DesignTerms.SameParty(member, person));

    public static string TeamOf(string person) =>
        Members.First(pair => pair.Value.Any(member => DesignTerms.SameParty(member, person))).Key;
}
