using System.Globalization;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Analysis;

/// <summary>What a rule is, independent of any run: its identity, wording, default severity and options.</summary>
/// <param name="Id">The stable ID, <c>BL</c> and four digits. Never reused.</param>
/// <param name="Alias">A kebab-case name that configuration may use instead of the ID.</param>
/// <param name="MessageFormat">A composite format string; the arguments come from the analysis.</param>
public sealed record RuleDescriptor(
    string Id,
    string Alias,
    string Title,
    string MessageFormat,
    RuleCategory Category,
    Severity DefaultSeverity)
{
    /// <summary>Where every rule's page lives; a rule's page is this plus <c>BLxxxx.md</c>.</summary>
    public const string HelpBaseUri = "https://github.com/backloglint/backloglint/blob/main/rules/";

    /// <summary>The rule's typed options, with their defaults.</summary>
    public IReadOnlyList<RuleOption> Options { get; init; } = [];

    public Uri HelpUri => new(HelpBaseUri + Id + ".md");

    public string FormatMessage(IReadOnlyList<object?> arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments.Select(Render).ToArray());

    private static object? Render(object? argument) => argument switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        _ => argument,
    };
}
