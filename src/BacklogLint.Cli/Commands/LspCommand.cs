using System.CommandLine;
using BacklogLint.LanguageServer;
using Microsoft.Extensions.Logging;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint lsp</c>: the language server over stdin and stdout, for editors.</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        // Editors' clients add their own flags (vscode-languageclient: --stdio, --clientProcessId=N): stdio is the only
        // transport, so they are accepted and change nothing.
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin and stdout (the only transport; accepted for editors that pass it)." };
        var command = new Command("lsp", "Run the language server over stdin and stdout: diagnostics while typing, hover, quick fixes.") { stdio };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, _) =>
        {
            // stdout carries the protocol and nothing else: whatever else prints goes to stderr.
            var protocol = Console.OpenStandardOutput();
            Console.SetOut(Console.Error);
            var level = parseResult.GetValue(CommandLine.Verbose) ? LogLevel.Debug : LogLevel.Information;
            return await LanguageServerHost.RunAsync(Console.OpenStandardInput(), protocol, level);
        });
        return command;
    }
}
