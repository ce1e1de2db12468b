namespace BacklogLint.Core.Diagnostics;

/// <summary>The one order diagnostics are reported in: repository-wide first, then by path, position and rule.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static DiagnosticOrder Instance { get; } = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Path, y.Path);
        if (c != 0) return c;
        c = (x.Span?.Line ?? 0).CompareTo(y.Span?.Line ?? 0);
        if (c != 0) return c;
        c = (x.Span?.Column ?? 0).CompareTo(y.Span?.Column ?? 0);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
