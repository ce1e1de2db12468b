using System.CommandLine;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint rules</c>: the catalogue with default severities and options, then the configuration's own
/// rules (rule packs, policies).</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(" Its rule packs and policies are listed after the built-in rules.");
        var command = new Command("rules", "List the rules with their default severities and options.") { config };
        command.SetAction(parseResult =>
        {
            if (Catalogue.Load(parseResult.GetValue(config)) is not { } rules) return ExitCodes.UsageOrFailure;
            foreach (var rule in rules.Select(r => r.Descriptor))
            {
                var options = rule.Options.Count == 0 ? "" : "  [" + string.Join(", ", rule.Options.Select(o => $"{o.Name}: {o.FormatDefault()}")) + "]";
                var fixable = rule.Fixable ? "  (--fix)" : "";
                Console.Out.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToName(),-10}  {rule.Alias,-26}  {rule.Title}{fixable}{options}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
