using System.CommandLine;
using System.Runtime.CompilerServices;
using BacklogLint.Core.Policies;
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
        // StreamJsonRpc dispatches by reflection: the native build hands the command over. The constant is false there, so
        // the server is not compiled into that build at all.
        command.SetAction((parseResult, _) =>
            RuntimeFeature.IsDynamicCodeSupported ? Run(parseResult) : throw new JitRuntimeRequiredException("lsp runs in the JIT-compiled build"));
        return command;
    }

    private static Task<int> Run(ParseResult parseResult)
    {
        // stdout carries the protocol and nothing else: whatever else prints goes to stderr.
        var protocol = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        var level = parseResult.GetValue(CommandLine.Verbose) ? LogLevel.Debug : LogLevel.Information;
        return LanguageServerHost.RunAsync(Console.OpenStandardInput(), protocol, level);
    }
}
