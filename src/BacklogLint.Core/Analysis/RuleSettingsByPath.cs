using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Analysis;

/// <summary>A rule's severity and options file by file: the configuration's <c>rules</c>, then each of its
/// <c>overrides</c> that matches the file and names the rule, in order (a later one wins). Files with the same
/// overrides share one <see cref="Profile"/>, so a rule runs once per profile, not once per file.</summary>
internal sealed class RuleSettingsByPath
{
    private readonly RuleDescriptor _rule;
    private readonly RuleSettings? _settings;
    private readonly IReadOnlyList<RuleOverride> _overrides;
    private readonly OverrideHits _hits;
    private readonly Dictionary<string, Profile> _profiles = new(StringComparer.Ordinal);

    public RuleSettingsByPath(RuleDescriptor rule, BacklogLintConfig config, OverrideHits hits)
    {
        _rule = rule;
        _settings = config.Rules.GetValueOrDefault(rule.Id);
        _overrides = config.Overrides;
        _hits = hits;
        Base = ProfileOf([]);
    }

    /// <summary>The settings of files no override names this rule for, and of findings about no file.</summary>
    public Profile Base { get; }

    /// <summary>The settings of the rule for the file at <paramref name="path"/> (repository-relative); the base for null.</summary>
    public Profile At(string? path) =>
        path is null || !_hits.Any ? Base : ProfileOf([.. _hits.At(path).Where(index => _overrides[index].Rules.ContainsKey(_rule.Id))]);

    /// <summary>Whether every file has the base settings (no override names this rule).</summary>
    public bool IsUniform => !_hits.Any || _overrides.All(entry => !entry.Rules.ContainsKey(_rule.Id));

    private Profile ProfileOf(int[] overrides)
    {
        var key = string.Join(',', overrides);
        if (_profiles.TryGetValue(key, out var known)) return known;
        var severity = _settings?.Severity ?? _rule.DefaultSeverity;
        var options = new Dictionary<string, object>(_settings?.Options ?? new Dictionary<string, object>(), StringComparer.Ordinal);
        foreach (var index in overrides)
        {
            var settings = _overrides[index].Rules[_rule.Id];
            severity = settings.Severity ?? severity;
            foreach (var (name, value) in settings.Options) options[name] = value;
        }

        return _profiles[key] = new Profile(key, severity, options);
    }

    /// <summary>One set of settings: its <paramref name="Key"/> names the overrides that make it.</summary>
    public sealed record Profile(string Key, Severity Severity, IReadOnlyDictionary<string, object> Options);
}

/// <summary>Which overrides match each file of a run (by index, in order), worked out once per file for all rules.</summary>
internal sealed class OverrideHits(IReadOnlyList<RuleOverride> overrides, string folderPrefix)
{
    private readonly Dictionary<string, int[]> _hits = new(StringComparer.Ordinal);

    public bool Any => overrides.Count > 0;

    public int[] At(string path)
    {
        if (overrides.Count == 0) return [];
        if (_hits.TryGetValue(path, out var hits)) return hits;
        // Globs are relative to the configuration's folder: a file outside it matches none.
        hits = !path.StartsWith(folderPrefix, StringComparison.Ordinal) ? []
            : [.. Enumerable.Range(0, overrides.Count).Where(i => overrides[i].Matches(path[folderPrefix.Length..]))];
        return _hits[path] = hits;
    }
}
