using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Interop;
using BacklogLint.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace BacklogLint.LanguageServer;

/// <summary><c>backloglint lsp</c>: the language server on the generic host (lifetime and graceful shutdown on
/// SIGTERM or Ctrl+C, logging to stderr), speaking JSON-RPC with LSP's headers on the given streams (stdin and stdout:
/// stdout carries nothing but the protocol).</summary>
public static partial class LanguageServerHost
{
    /// <returns>0 after <c>shutdown</c> and <c>exit</c>; 1 when the client exits without <c>shutdown</c> or the
    /// connection ends first (as the protocol says).</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, LogLevel logLevel = LogLevel.Warning, TimeProvider? time = null)
    {
        NativeSettings.Initialize();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "backloglint-lsp" });
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning); // the host's "Application started" lines
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        var connection = new Connection(input, output);
        builder.Services.AddSingleton(connection);
        builder.Services.AddHostedService<Service>();
        using var host = builder.Build();
        await host.RunAsync(); // disposes the host's services when stopped
        return connection.ExitCode;
    }

    private sealed record Connection(Stream Input, Stream Output)
    {
        public int ExitCode { get; set; } = 1;
    }

    /// <summary>Runs the connection until the client exits, then stops the host.</summary>
    private sealed partial class Service(Connection connection, TimeProvider time, IHostApplicationLifetime lifetime, ILoggerFactory loggers) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var formatter = new SystemTextJsonFormatter();
            formatter.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, LspJson.Default);
            formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            formatter.JsonSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            // StreamJsonRpc's own types (the data of an error reply) are not in LspJson: without this fallback every
            // error reply failed to serialize and the connection ended.
            formatter.JsonSerializerOptions.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
            var logger = loggers.CreateLogger("backloglint.lsp");
            using var server = new LanguageServer(new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), time, logger);
            using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(connection.Output, connection.Input, formatter));
            // A connection that breaks (a message that cannot be read or answered) says why on stderr, where the
            // editor's log shows it: otherwise the server just disappears with exit code 1.
            rpc.Disconnected += (_, e) =>
            {
                if (e.Reason is not (DisconnectedReason.RemotePartyTerminated or DisconnectedReason.LocallyDisposed))
                    LogDisconnected(logger, e.Reason, e.Description, e.Exception);
            };
            rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { AllowNonPublicInvocation = false, UseSingleObjectParameterDeserialization = true });
            server.Attach(rpc);
            rpc.StartListening();
            await Task.WhenAny(server.Exited, rpc.Completion, Task.Delay(Timeout.Infinite, stoppingToken));
            connection.ExitCode = server.Exited.IsCompleted && server.ShutdownRequested ? 0 : 1;
            lifetime.StopApplication();
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "the connection ended ({Reason}): {Description}")]
        private static partial void LogDisconnected(ILogger logger, DisconnectedReason reason, string description, Exception? exception);
    }
}
