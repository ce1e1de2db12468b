using System.CommandLine;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Rules;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint rules</c>: the catalogue with default severities and options.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List the rules with their default severities and options.");
        command.SetAction(_ =>
        {
            foreach (var rule in BuiltInRules.Descriptors)
            {
                var options = rule.Options.Count == 0 ? "" : "  [" + string.Join(", ", rule.Options.Select(o => $"{o.Name}: {o.FormatDefault()}")) + "]";
                Console.Out.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToName(),-10}  {rule.Alias,-26}  {rule.Title}{options}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
