using System.CommandLine;
using System.Runtime.CompilerServices;
using BacklogLint.Core;
using BacklogLint.Core.Policies;
using BacklogLint.GitHub;
using BacklogLint.Reporting;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint check [PATH]</c>: the options of DESIGN §3, parsed and handed to <see cref="CheckRunner"/>.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var path = CommonOptions.PlanningFolder();
        var config = CommonOptions.Config();
        var format = new Option<string>("--format", "-f") { Description = "How to write findings.", DefaultValueFactory = _ => "text" };
        format.AcceptOnly(ReportFormats.Names);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var now = CommonOptions.Now();
        var failOn = CommonOptions.FailOn("Exit 1 when a finding is at least this severe.");
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings not in this baseline (default: .backloglint-baseline.json in PATH or at the repository root, if there is one)." };
        var strictBaseline = new Option<bool>("--strict-baseline") { Description = "Also exit 1 when baselined findings are gone, so that the baseline shrinks." };
        var verifyOwners = OwnerOptions.VerifyOwners();
        var organization = OwnerOptions.Organization();
        var changed = new Option<bool>("--changed")
        {
            Description = "Report only findings in files changed against the merge base with the default branch (origin/HEAD, else main or master), "
                + "plus uncommitted and untracked files: a fast pre-push check. Every item is still read, so cross-item rules see them all.",
        };
        var fix = new Option<bool>("--fix")
        {
            Description = "Apply the safe fixes (those that cannot change what an item means: a status typo, a date in YYYY-MM-DD, a quoted @mention, "
                + "a link to where git says its file went, an unused suppression removed) to the files under PATH, then report what remains.",
        };
        var fixDryRun = new Option<bool>("--fix-dry-run") { Description = "Print the unified diff that --fix would apply, and write nothing." };
        var color = CommonOptions.Color();
        var token = new Option<string?>("--token") { Description = "The GitHub token for --verify-owners (default: the GITHUB_TOKEN environment variable). Never printed." };

        var command = new Command("check", "Check the work items of a planning folder and report findings.")
        {
            path, config, format, output, now, failOn, baseline, strictBaseline, verifyOwners, organization, token, changed, fix, fixDryRun, color, CommonOptions.Quiet,
        };
        OwnerOptions.Validate(command, verifyOwners, organization);
        command.Validators.Add(result =>
        {
            if (result.GetValue(fix) && result.GetValue(fixDryRun)) result.AddError("--fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write");
        });
        command.SetAction(async (parseResult, _) =>
        {
            if (!Clock.TryCreate(parseResult.GetValue(now), out var time)) return ExitCodes.UsageOrFailure;
            OrganizationDirectory? owners = null;
            if (parseResult.GetValue(verifyOwners))
            {
                // Octokit serialises by reflection: the native build hands the command over.
                if (!RuntimeFeature.IsDynamicCodeSupported) throw new JitRuntimeRequiredException("--verify-owners runs in the JIT-compiled build");
                // Nothing printed on either stream carries the token, in any form.
                ConsoleStreams.Protect(new SecretRedactor([parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable("GITHUB_TOKEN")]));
                try
                {
                    owners = OrganizationDirectory.Connect(
                        ActionsContext.ApiUrlFrom(Environment.GetEnvironmentVariable("GITHUB_API_URL")),
                        parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable("GITHUB_TOKEN"),
                        parseResult.GetValue(organization) ?? ActionsContext.OwnerOf(Environment.GetEnvironmentVariable("GITHUB_REPOSITORY")),
                        ToolInfo.Version);
                }
                catch (ActionsContextException e)
                {
                    await Console.Error.WriteLineAsync($"backloglint: error: {e.Message}");
                    return ExitCodes.UsageOrFailure;
                }
            }

            var settings = new CheckSettings(
                parseResult.GetValue(path)!,
                parseResult.GetValue(config),
                parseResult.GetValue(format)!,
                parseResult.GetValue(output),
                parseResult.GetValue(failOn)!,
                parseResult.GetValue(baseline),
                parseResult.GetValue(strictBaseline),
                owners)
            {
                Terminal = parseResult.GetValue(output) is null ? TerminalOutput.ForConsole(parseResult.GetValue(color)!) : TerminalOutput.Redirected,
                Quiet = parseResult.GetValue(CommonOptions.Quiet),
                ChangedOnly = parseResult.GetValue(changed),
                Fix = parseResult.GetValue(fix) ? FixMode.Apply : parseResult.GetValue(fixDryRun) ? FixMode.DryRun : FixMode.None,
                Verbose = parseResult.GetValue(CommandLine.Verbose),
            };
            using var host = CliHost.Build(parseResult.GetValue(CommandLine.Verbose), time);
            return await host.CheckRunner().RunAsync(settings);
        });
        return command;
    }
}

/// <summary>The options of one <c>check</c>.</summary>
/// <param name="Owners">With <c>--verify-owners</c>: the organisation the roster is verified against.</param>
internal sealed record CheckSettings(
    string Path, string? ConfigPath, string Format, string? OutputPath, string FailOn, string? BaselinePath = null, bool StrictBaseline = false,
    OrganizationDirectory? Owners = null)
{
    /// <summary>Where a text report goes: a terminal, or a file or pipe (the plain format).</summary>
    public TerminalOutput Terminal { get; init; } = TerminalOutput.Redirected;

    /// <summary><c>--quiet</c>: the text report shows only the findings that fail the run, and no summary.</summary>
    public bool Quiet { get; init; }

    /// <summary><c>--changed</c>: report only findings in the files the branch changed.</summary>
    public bool ChangedOnly { get; init; }

    /// <summary><c>--verbose</c>: say on stderr what was chosen and read, and where the time went.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>--fix</c> or <c>--fix-dry-run</c>.</summary>
    public FixMode Fix { get; init; }
}

/// <summary>What <c>check</c> does with safe fixes.</summary>
internal enum FixMode
{
    None,

    /// <summary><c>--fix</c>: write them, then report what remains.</summary>
    Apply,

    /// <summary><c>--fix-dry-run</c>: print their diff instead of the report, write nothing.</summary>
    DryRun,
}
