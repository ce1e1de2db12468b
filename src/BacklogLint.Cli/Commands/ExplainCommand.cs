using System.CommandLine;
using BacklogLint.Reporting;
using BacklogLint.Reporting.Terminal;

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

            var markdown = RulePages.Markdown(rule);
            // Redirected, the page is the Markdown it is (for a file, a pager or another tool); in a terminal, rendered.
            var terminal = TerminalOutput.ForConsole(parseResult.GetValue(color)!);
            if (terminal.Rich) Console.Out.Write(TerminalMarkdown.Render(markdown, terminal.Style));
            else Console.Out.WriteLine(markdown);
            return ExitCodes.Success;
        });
        return command;
    }
}
