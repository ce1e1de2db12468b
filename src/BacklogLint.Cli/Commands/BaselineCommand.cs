using System.CommandLine;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint baseline [PATH]</c>: accept today's findings, so that only new ones fail.</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var path = CommonOptions.PlanningFolder();
        var config = CommonOptions.Config();
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it (default: .backloglint-baseline.json in PATH)." };
        var now = CommonOptions.Now();
        var command = new Command("baseline", "Write today's findings to .backloglint-baseline.json; 'check' then reports only new ones.")
        {
            path, config, output, now,
        };
        command.SetAction(async (parseResult, _) =>
        {
            if (!Clock.TryCreate(parseResult.GetValue(now), out var time)) return ExitCodes.UsageOrFailure;
            using var host = CliHost.Build(parseResult.GetValue(CommandLine.Verbose), time);
            return await host.CheckRunner()
                .WriteBaselineAsync(parseResult.GetValue(path)!, parseResult.GetValue(config), parseResult.GetValue(output));
        });
        return command;
    }
}
