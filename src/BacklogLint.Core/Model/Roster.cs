namespace BacklogLint.Core.Model;

/// <summary>Who exists: teams with their members, and people. Names are compared with <see cref="Party"/>.</summary>
public sealed class Roster
{
    private readonly Dictionary<string, HashSet<string>> _members = [];
    private readonly HashSet<string> _known = [];

    /// <summary>True when the roster came from configuration, false when it was gathered from the items.</summary>
    public bool IsConfigured { get; init; }

    public IEnumerable<string> Teams => _members.Keys;

    public void AddTeam(string team, IEnumerable<string> members)
    {
        var key = Party.Normalize(team);
        if (!_members.TryGetValue(key, out var set)) _members[key] = set = [];
        _known.Add(key);
        foreach (var member in members)
        {
            var person = Party.Normalize(member);
            set.Add(person);
            _known.Add(person);
        }
    }

    public void AddParty(string party)
    {
        if (!Party.IsPlaceholder(party)) _known.Add(Party.Normalize(party));
    }

    public bool IsKnown(string party) => _known.Contains(Party.Normalize(party));

    /// <summary>True when <paramref name="person"/> is a member of <paramref name="team"/>.</summary>
    public bool IsMember(string person, string team) =>
        _members.TryGetValue(Party.Normalize(team), out var set) && set.Contains(Party.Normalize(person));
}
