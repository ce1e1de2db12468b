using System.CommandLine;
using BacklogLint.Cli.Commands;

namespace BacklogLint.Cli;

/// <summary>The command tree: <c>check</c>, <c>baseline</c>, <c>init</c>, <c>rules</c>, <c>explain</c>, <c>github</c>, <c>lsp</c>, <c>report</c>. Parse errors exit 2, not System.CommandLine's 1.</summary>
internal sealed class CommandLine(RootCommand root)
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log what the tool does to stderr, and show stack traces of internal failures.",
        Recursive = true,
    };

    public static CommandLine Build()
    {
        var root = new RootCommand("BacklogLint: lint the Markdown work items of a planning repository.")
        {
            CheckCommand.Create(),
            BaselineCommand.Create(),
            InitCommand.Create(),
            RulesCommand.Create(),
            ExplainCommand.Create(),
            GitHubCommand.Create(),
            LspCommand.Create(),
            ReportCommand.Create(),
        };
        root.Options.Add(Verbose);
        return new CommandLine(root);
    }

    public async Task<int> RunAsync(string[] args)
    {
        var result = root.Parse(args);
        // One line, naming what was mistyped and what was probably meant: a misspelt option would otherwise be taken
        // for PATH, and System.CommandLine says nothing of the nearest name.
        if (Typos.Find(root, result) is { } typo) return ExitCodes.Fail(typo);
        if (result.Errors.Count > 0)
        {
            var command = result.CommandResult.Command == root ? "backloglint" : $"backloglint {result.CommandResult.Command.Name}";
            return ExitCodes.Fail($"{result.Errors[0].Message.Split('\n')[0].TrimEnd('.', ':', ' ')} (see '{command} --help')");
        }

        try
        {
            // System.CommandLine's own handler would print "Unhandled exception:" with the stack and exit 1.
            return await result.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Core.Policies.JitRuntimeRequiredException)
        {
            // Thrown before anything was written (github, lsp, --verify-owners, a rule pack): the JIT-compiled build runs it.
            return ManagedBuild.Run(args);
        }
        catch (Core.Loading.LimitExceededException e)
        {
            return ExitCodes.Fail(e.Message);
        }
        catch (Exception e)
        {
            // Last resort: an internal failure is one line and exit 2, never a stack trace unless asked for.
            await Console.Error.WriteLineAsync(result.GetValue(Verbose)
                ? $"backloglint: internal error: {e}"
                : $"backloglint: internal error: {e.Message} (run with --verbose for details)");
            return ExitCodes.UsageOrFailure;
        }
    }
}
