using System.CommandLine;
using BacklogLint.GitHub;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint github [PATH]</c>: inside GitHub Actions, compare a pull request's head with its base and
/// deliver the findings as annotations, one PR comment, an optional check run and the job summary (DESIGN §4).</summary>
internal static class GitHubCommand
{
    public static Command Create()
    {
        var path = CommonOptions.PlanningFolder();
        var config = CommonOptions.Config(" Used for the base and the head alike.");
        var now = CommonOptions.Now();
        var failOn = CommonOptions.FailOn("Exit 1 when a new finding (on a push: any finding) is at least this severe.");
        var token = new Option<string?>("--token") { Description = "The GitHub token (default: the GITHUB_TOKEN environment variable). Never printed." };
        var comment = new Option<bool>("--comment") { Description = "Keep one pull request comment with the findings up to date (the default)." };
        var noComment = new Option<bool>("--no-comment") { Description = "Write no pull request comment." };
        var checkRun = new Option<bool>("--check-run") { Description = "Also create a check run on the head commit with every finding as an annotation." };
        var failOnExisting = new Option<bool>("--fail-on-existing") { Description = "On a pull request, fail on findings it did not bring as well (the strict view)." };
        var verifyOwners = OwnerOptions.VerifyOwners();
        var organization = OwnerOptions.Organization();

        var command = new Command("github", "Inside GitHub Actions: annotations, one pull request comment, an optional check run and the job summary; on a pull request only new findings fail.")
        {
            path, config, now, failOn, token, comment, noComment, checkRun, failOnExisting, verifyOwners, organization,
        };
        OwnerOptions.Validate(command, verifyOwners, organization);
        command.Validators.Add(result =>
        {
            if (result.GetValue(comment) && result.GetValue(noComment)) result.AddError("--comment and --no-comment cannot both be given");
        });
        command.SetAction(async (parseResult, cancellation) =>
        {
            if (!Clock.TryCreate(parseResult.GetValue(now), out var time)) return ExitCodes.UsageOrFailure;
            ActionsContext context;
            try
            {
                context = ActionsContext.FromEnvironment(parseResult.GetValue(token));
            }
            catch (ActionsContextException e)
            {
                await Console.Error.WriteLineAsync($"backloglint: error: {e.Message}");
                return ExitCodes.UsageOrFailure;
            }

            var settings = new GitHubSettings(
                parseResult.GetValue(path)!,
                parseResult.GetValue(config),
                parseResult.GetValue(failOn)!,
                Comment: !parseResult.GetValue(noComment),
                CheckRun: parseResult.GetValue(checkRun),
                FailOnExisting: parseResult.GetValue(failOnExisting),
                VerifyOwners: parseResult.GetValue(verifyOwners),
                Organization: parseResult.GetValue(organization));
            using var host = CliHost.Build(parseResult.GetValue(CommandLine.Verbose), time);
            return await host.Services.GetRequiredService<GitHubRunner>().RunAsync(settings, context, Console.Out);
        });
        return command;
    }
}

/// <summary>The options of one <c>github</c> run.</summary>
/// <param name="Organization">The organisation for <paramref name="VerifyOwners"/>; null: the owner of GITHUB_REPOSITORY.</param>
internal sealed record GitHubSettings(
    string Path, string? ConfigPath, string FailOn, bool Comment, bool CheckRun, bool FailOnExisting, bool VerifyOwners = false, string? Organization = null);
