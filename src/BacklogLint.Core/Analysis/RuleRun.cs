using System.Text;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Core.Analysis;

/// <summary>One rule applied to one repository: its effective severity and options, and what it reported.</summary>
internal sealed class RuleRun(
    RuleDescriptor descriptor,
    Severity severity,
    IReadOnlyDictionary<string, object> options,
    PlanningRepository repository,
    DateOnly today)
{
    public PlanningRepository Repository => repository;

    /// <summary>Today's date; reading it sets <see cref="TodayRead"/>.</summary>
    public DateOnly Today
    {
        get
        {
            TodayRead = true;
            return today;
        }
    }

    /// <summary>Whether the analysis read <see cref="Today"/> since this was last cleared: its findings on an item can
    /// then differ on another day, and are not reused then (<see cref="ItemFindings"/>).</summary>
    public bool TodayRead { get; set; }

    public List<Diagnostic> Diagnostics { get; } = [];

    private readonly Dictionary<System.Reflection.MethodInfo, object> _computed = [];

    /// <summary>One value per computing method and run (<see cref="RuleContext.Computed{T}"/>).</summary>
    public T Computed<T>(Func<PlanningRepository, T> compute)
        where T : class
    {
        if (_computed.TryGetValue(compute.Method, out var value)) return (T)value;
        var computed = compute(repository);
        _computed[compute.Method] = computed;
        return computed;
    }

    public T Option<T>(RuleOption<T> option)
        where T : notnull => options.TryGetValue(option.Name, out var value) && value is T typed ? typed : option.Default;

    public void Report(WorkItem? item, string? path, SourceSpan? span, string anchor, object?[] arguments, Fix? fix = null) =>
        Diagnostics.Add(new Diagnostic(
            descriptor,
            severity,
            descriptor.FormatMessage(arguments),
            path,
            span,
            item?.Id.Value,
            item?.AccountableParties ?? [],
            item?.Team?.Value,
            Fingerprint(descriptor.Id, path, item?.Id.Value, anchor)) { Fix = fix });

    /// <summary>Rule, file, item and anchor, never the line: the fingerprint survives edits elsewhere in the file. The
    /// first 8 bytes of their SHA-256, in lowercase hex.</summary>
    internal static string Fingerprint(string ruleId, string? path, string? itemId, string anchor)
    {
        var digest = Sha256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{path}\n{itemId}\n{anchor}"));
        // By hand: Convert.ToHexStringLower's vectorised path is compiled at run time, for 16 characters.
        Span<char> hex = stackalloc char[16];
        for (var i = 0; i < 8; i++)
        {
            hex[2 * i] = HexDigits[digest[i] >> 4];
            hex[(2 * i) + 1] = HexDigits[digest[i] & 0xF];
        }

        return new string(hex);
    }

    private const string HexDigits = "0123456789abcdef";
}
