using System.CommandLine;
using BacklogLint.Rules;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint explain BL0101</c>: the rule's page, shipped with the tool.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("rule") { Description = "A rule ID (BL0101) or alias (stale-agreement)." };
        var command = new Command("explain", "Show a rule's page: what it finds, why, how to fix it, its options.") { id };
        command.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(id)!.Trim();
            var rule = BuiltInRules.Descriptors.FirstOrDefault(r =>
                r.Id.Equals(name, StringComparison.OrdinalIgnoreCase) || r.Alias.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                Console.Error.WriteLine($"backloglint: unknown rule '{name}' (see 'backloglint rules')");
                return ExitCodes.UsageOrFailure;
            }

            var page = Path.Combine(AppContext.BaseDirectory, "rules", rule.Id + ".md");
            Console.Out.WriteLine(File.Exists(page)
                ? File.ReadAllText(page)
                : $"{rule.Id}: {rule.Title}\n\n{rule.HelpUri}");
            return ExitCodes.Success;
        });
        return command;
    }
}
