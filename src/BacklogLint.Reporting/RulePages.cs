using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting;

/// <summary>A rule's page as Markdown, for <c>explain</c> and the language server's hover: a built-in rule's page from
/// the <c>rules/</c> folder shipped with the tool; a rule pack's or policy's from its descriptor (its page, alias,
/// severity, options and link).</summary>
public static class RulePages
{
    /// <summary>The folder of the built-in rules' pages, beside the tool.</summary>
    public static string ShippedFolder { get; } = Path.Combine(AppContext.BaseDirectory, "rules");

    public static string Markdown(RuleDescriptor rule, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var page = Path.Combine(folder ?? ShippedFolder, rule.Id + ".md");
        return rule.Help is null && File.Exists(page)
            ? File.ReadAllText(page)
            : $"{rule.Page ?? $"# {rule.Id}: {rule.Title}\n"}\n| Alias | Default severity |\n|---|---|\n| `{rule.Alias}` | {rule.DefaultSeverity.ToName()} |\n\n"
                + string.Concat(rule.Options.Select(o => $"- `{o.Name}` ({o.ValueKind}, default {o.FormatDefault()}): {o.Description}\n"))
                + $"\nMore: {rule.HelpUri}\n";
    }
}
