using System.CommandLine;
using BacklogLint.Reporting.Terminal;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint explain BL0101</c>: the rule's page, shipped with the tool.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("rule") { Description = "A rule ID (BL0101) or alias (stale-agreement)." };
        var color = CommonOptions.Color();
        var config = CommonOptions.Config(" Its rule packs and policies can be explained too.");
        var command = new Command("explain", "Show a rule's page: what it finds, why, how to fix it, its options.") { id, color, config };
        command.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(id)!.Trim();
            if (Catalogue.Load(parseResult.GetValue(config)) is not { } rules) return ExitCodes.UsageOrFailure;
            var rule = rules.Select(r => r.Descriptor).FirstOrDefault(r =>
                r.Id.Equals(name, StringComparison.OrdinalIgnoreCase) || r.Alias.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                Console.Error.WriteLine($"backloglint: unknown rule '{name}' (see 'backloglint rules')");
                return ExitCodes.UsageOrFailure;
            }

            var page = Path.Combine(AppContext.BaseDirectory, "rules", rule.Id + ".md");
            var markdown = rule.Help is null && File.Exists(page)
                ? File.ReadAllText(page)
                : $"{rule.Page ?? $"# {rule.Id}: {rule.Title}\n"}\n| Alias | Default severity |\n|---|---|\n| `{rule.Alias}` | {rule.DefaultSeverity.ToName()} |\n\n"
                    + string.Concat(rule.Options.Select(o => $"- `{o.Name}` ({o.ValueKind}, default {o.FormatDefault()}): {o.Description}\n"))
                    + $"\nMore: {rule.HelpUri}\n";
            // Redirected, the page is the Markdown it is (for a file, a pager or another tool); in a terminal, rendered.
            var terminal = TerminalOutput.ForConsole(parseResult.GetValue(color)!);
            if (terminal.Rich) Console.Out.Write(TerminalMarkdown.Render(markdown, terminal.Style));
            else Console.Out.WriteLine(markdown);
            return ExitCodes.Success;
        });
        return command;
    }
}
