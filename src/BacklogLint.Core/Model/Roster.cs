namespace BacklogLint.Core.Model;

/// <summary>Who exists: teams with their members, and people. Names are compared with <see cref="Party"/>. A roster
/// may also carry a verification against an outside directory (<see cref="WithVerification"/>): then
/// <see cref="Verification"/> says whether a party exists there. It is filled while the repository loads and sealed
/// when a <see cref="PlanningRepository"/> takes it: no rule can change who exists for the rules after it.</summary>
public sealed class Roster
{
    private readonly Dictionary<string, HashSet<string>> _members;
    private readonly HashSet<string> _known;
    private readonly HashSet<string> _teamNames;
    private readonly Func<string, PartyKind, bool?>? _exists;
    private bool _sealed;

    public Roster()
    {
        _members = [];
        _known = [];
        _teamNames = [];
    }

    private Roster(Roster roster, string directory, Func<string, PartyKind, bool?> exists)
    {
        _members = roster._members.ToDictionary(entry => entry.Key, entry => new HashSet<string>(entry.Value));
        _known = [.. roster._known];
        _teamNames = [.. roster._teamNames];
        IsConfigured = roster.IsConfigured;
        VerifiedAgainst = directory;
        _exists = exists;
    }

    /// <summary>True when the roster came from configuration, false when it was gathered from the items.</summary>
    public bool IsConfigured { get; init; }

    public IEnumerable<string> Teams => _members.Keys;

    /// <summary>What the roster was verified against, as a phrase for messages (e.g. <c>the GitHub organisation
    /// 'acme'</c>); null when it was not verified.</summary>
    public string? VerifiedAgainst { get; }

    /// <summary>No more parties can be added (<see cref="PlanningRepository"/> seals the roster it is given).</summary>
    internal void Seal() => _sealed = true;

    private void ThrowIfSealed()
    {
        if (_sealed) throw new InvalidOperationException("the roster of a loaded repository cannot change: build a new one and use PlanningRepository.WithRoster");
    }

    public void AddTeam(string team, IEnumerable<string> members)
    {
        ThrowIfSealed();
        var key = Party.Normalize(team);
        if (!_members.TryGetValue(key, out var set)) _members[key] = set = [];
        _known.Add(key);
        _teamNames.Add(key);
        foreach (var member in members)
        {
            var person = Party.Normalize(member);
            set.Add(person);
            _known.Add(person);
        }
    }

    public void AddParty(string party)
    {
        ThrowIfSealed();
        if (Party.IsPlaceholder(party)) return;
        var key = Party.Normalize(party);
        _known.Add(key);
        // '@org/team' (CODEOWNERS, items) names a team even where the roster has no members for it.
        if (party.Contains('/', StringComparison.Ordinal)) _teamNames.Add(key);
    }

    public bool IsKnown(string party) => _known.Contains(Party.Normalize(party));

    /// <summary>True when <paramref name="person"/> is a member of <paramref name="team"/>.</summary>
    public bool IsMember(string person, string team) =>
        _members.TryGetValue(Party.Normalize(team), out var set) && set.Contains(Party.Normalize(person));

    /// <summary>Whether <paramref name="party"/> names a team or a person: <c>@org/team</c> and the roster's teams
    /// (configured, or named as <c>@org/team</c> anywhere) are teams; another <c>@name</c> is a person (a mention);
    /// a bare name that is no roster team may be either.</summary>
    public PartyKind KindOf(string party)
    {
        var text = party.Trim();
        if (text.Contains('/', StringComparison.Ordinal) || _teamNames.Contains(Party.Normalize(text))) return PartyKind.Team;
        return text.StartsWith('@') ? PartyKind.Person : PartyKind.PersonOrTeam;
    }

    /// <summary>Whether <paramref name="other"/> knows the same parties, teams and members, unverified as this is.</summary>
    internal bool HasSamePartiesAs(Roster other) =>
        ReferenceEquals(this, other)
        || (_exists is null && other._exists is null && IsConfigured == other.IsConfigured
            && _known.SetEquals(other._known) && _teamNames.SetEquals(other._teamNames)
            && _members.Count == other._members.Count
            && _members.All(team => other._members.TryGetValue(team.Key, out var members) && members.SetEquals(team.Value)));

    /// <summary>A copy of this roster that knows the same parties and is verified against a directory.</summary>
    /// <param name="directory">The directory as a phrase for messages, e.g. <c>the GitHub organisation 'acme'</c>.</param>
    /// <param name="exists">Given a party as written and its <see cref="KindOf"/>: true when the directory has it,
    /// false when it has not, null when the directory cannot tell (e.g. another organisation's team).</param>
    public Roster WithVerification(string directory, Func<string, PartyKind, bool?> exists)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(exists);
        return new Roster(this, directory, exists);
    }

    /// <summary>Whether the verified directory has <paramref name="party"/>; <see cref="Existence.Unknown"/> without a
    /// verification, for a placeholder, or when the directory cannot tell.</summary>
    public Existence Verification(string party)
    {
        if (_exists is null || Party.IsPlaceholder(party)) return Existence.Unknown;
        return _exists(party.Trim(), KindOf(party)) switch
        {
            true => Existence.Exists,
            false => Existence.Missing,
            null => Existence.Unknown,
        };
    }
}

/// <summary>What a party name stands for, as far as the roster can tell.</summary>
public enum PartyKind
{
    Person,
    Team,

    /// <summary>A bare name that is no roster team: a login or a team's name.</summary>
    PersonOrTeam,
}

/// <summary>What a verified directory says of a party.</summary>
public enum Existence
{
    /// <summary>Not verified, or the directory cannot tell.</summary>
    Unknown,
    Exists,

    /// <summary>The directory was read in full and has no such party.</summary>
    Missing,
}
