using System.Globalization;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Analysis;

/// <summary>What a rule is, independent of any run: its identity, wording, default severity and options.</summary>
/// <param name="Id">The stable ID: <c>BL</c> and four digits for a built-in rule, never reused; a pack's or a policy's
/// own prefix and digits (<c>ACME0001</c>).</param>
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

    /// <summary>Whether the rule attaches safe fixes (<see cref="Diagnostic.Fix"/>) to some of its findings: what
    /// <c>check --fix</c> applies. Its page says what the fix does, on a line starting with <c>Fix:</c>.</summary>
    public bool Fixable { get; init; }

    /// <summary>The rule's typed options, with their defaults.</summary>
    public IReadOnlyList<RuleOption> Options { get; init; } = [];

    /// <summary>Where the rule's page is: a built-in rule's under <see cref="HelpBaseUri"/>; a pack's or a policy's
    /// where its author says (<see cref="Help"/>).</summary>
    public Uri HelpUri => Help ?? new(OwnPage);

    /// <summary><see cref="HelpUri"/> as <see cref="Uri.ToString"/> writes it, without making a <see cref="Uri"/> for a
    /// page of the catalogue (the first one a process makes costs ~5 ms, and a JSON report names the page of every finding).</summary>
    public string HelpLink => Help?.ToString() ?? OwnPage;

    private string OwnPage => Id.StartsWith("BL", StringComparison.Ordinal) ? HelpBaseUri + Id + ".md" : OwnRulesUri;

    /// <summary>The form of a pack's or a policy's own ID: letters (never <c>BL</c>) then 3 or 4 digits, <c>ACME0001</c>.
    /// The loader and the configuration schema both use it.</summary>
    public const string OwnIdPattern = "^(?!BL)[A-Z]{2,10}[0-9]{3,4}$";

    /// <summary>Where a pack's or a policy's rule without a page of its own points: how such rules are written.</summary>
    public const string OwnRulesUri = "https://github.com/backloglint/backloglint/blob/main/README.md#rule-packs-and-policies";

    /// <summary>A page elsewhere than the catalogue's (a rule pack's documentation); null for built-in rules.</summary>
    public Uri? Help { get; init; }

    /// <summary>What <c>explain</c> shows for a rule with no page shipped with the tool (Markdown); null: title and link.</summary>
    public string? Page { get; init; }

    public string FormatMessage(IReadOnlyList<object?> arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments.Select(Render).ToArray());

    private static object? Render(object? argument) => argument switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        _ => argument,
    };
}
