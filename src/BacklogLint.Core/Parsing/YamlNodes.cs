using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Parsing;

/// <summary>A YAML value with its position in the file; the small tree front matter and configuration are read into.</summary>
public abstract record YamlNode(SourceSpan Span)
{
    /// <summary>A short name of the node's kind for messages ("a list", "a map", "a value").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar. YAML gives every scalar as text; <see cref="IsPlain"/> tells an unquoted one.</summary>
public sealed record YamlScalar(string Value, bool IsPlain, SourceSpan Span) : YamlNode(Span)
{
    public override string KindName => "a value";

    /// <summary>An unquoted empty, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Read from Markdown prose (a <c>Key: value</c> line or a <c>## Status</c> section), not from YAML: people
    /// write dates there as they speak them (<c>Last updated: August 14, 2026</c>).</summary>
    public bool IsProse { get; init; }
}

/// <summary>A YAML sequence.</summary>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourceSpan Span) : YamlNode(Span)
{
    public override string KindName => "a list";
}

/// <summary>A YAML mapping, keys in document order.</summary>
public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, SourceSpan Span) : YamlNode(Span)
{
    public override string KindName => "a map";

    /// <summary>The entry whose key is <paramref name="key"/>; keys compare ignoring case, '_' and '-' alike.</summary>
    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
            if (KeysEqual(entry.Key.Value, key)) return entry;
        return null;
    }

    public static string NormalizeKey(string key) => key.Trim().Replace('_', '-').ToLowerInvariant();

    private static bool KeysEqual(string a, string b) => NormalizeKey(a) == NormalizeKey(b);
}

/// <summary>One key and value of a <see cref="YamlMapping"/>.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);
