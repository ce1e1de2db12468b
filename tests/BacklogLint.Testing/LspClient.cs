using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace BacklogLint.Testing;

/// <summary>A minimal Language Server Protocol client over a real <c>backloglint lsp</c> process (stdio, LSP headers),
/// for tests and the benchmark: requests and notifications as JSON, every message the server sends kept in order, its
/// requests to the client (<c>client/registerCapability</c>) answered with null, and stderr collected.</summary>
public sealed class LspClient : IAsyncDisposable
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "backloglint.dll");

    private readonly Process _process;
    private readonly Channel<JsonObject> _notifications = Channel.CreateUnbounded<JsonObject>();
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _requests = [];
    private readonly Lock _gate = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _reader;
    private readonly Task _errors;
    private int _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
        _errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
                lock (_gate) _stderr.AppendLine(line);
        });
    }

    /// <summary>What the server wrote to stderr so far (its log).</summary>
    public string Stderr
    {
        get
        {
            lock (_gate) return _stderr.ToString();
        }
    }

    /// <summary>Every notification and request the server sent, in order, as they come.</summary>
    public ChannelReader<JsonObject> Messages => _notifications.Reader;

    /// <summary>The server process's id (for its memory, in the benchmark).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Non-protocol bytes the server wrote to stdout: must stay empty.</summary>
    public List<string> Garbage { get; } = [];

    /// <summary>Starts the built tool's server, or with <c>BACKLOGLINT_TOOL</c> the executable named there (the installed
    /// tool's native launcher, which hands <c>lsp</c> to its JIT-compiled build), as <see cref="BackloglintProcess"/> does.</summary>
    public static LspClient Start(string workingDirectory, params string[] arguments) => Start(BackloglintProcess.NativeTool ?? Tool, workingDirectory, arguments);

    /// <param name="tool">The tool's <c>backloglint.dll</c> (a Release build, for the benchmark), or an executable.</param>
    public static LspClient Start(string tool, string workingDirectory, params string[] arguments)
    {
        var isAssembly = tool.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isAssembly ? "dotnet" : tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (isAssembly) start.ArgumentList.Add(tool);
        start.ArgumentList.Add("lsp");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        return new LspClient(Process.Start(start)!);
    }

    /// <summary>Sends <c>initialize</c> (with <paramref name="capabilities"/>) and <c>initialized</c>; returns the result.</summary>
    public async Task<JsonObject> InitializeAsync(string root, JsonObject? capabilities = null)
    {
        var result = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = UriOf(root),
            ["capabilities"] = capabilities ?? new JsonObject(),
        });
        Notify("initialized", new JsonObject());
        return result;
    }

    public static string UriOf(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _requests[id] = reply;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var message = await reply.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        if (message["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}\n{Stderr}");
        return message["result"] as JsonObject ?? new JsonObject { ["value"] = message["result"]?.DeepClone() };
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>The next <c>publishDiagnostics</c> for <paramref name="uri"/> that satisfies <paramref name="accept"/>
    /// (other messages are skipped).</summary>
    public async Task<JsonArray> WaitForDiagnosticsAsync(string uri, Func<JsonArray, bool>? accept = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var message = await _notifications.Reader.ReadAsync(cancel.Token);
                if (message["method"]?.GetValue<string>() != "textDocument/publishDiagnostics") continue;
                if (message["params"]!["uri"]!.GetValue<string>() != uri) continue;
                var diagnostics = message["params"]!["diagnostics"]!.AsArray();
                if (accept is null || accept(diagnostics)) return diagnostics;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching diagnostics for {uri}\n--- server log\n{Stderr}");
        }
    }

    /// <summary>Sends <c>shutdown</c> and <c>exit</c>; the server's exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        await RequestAsync("shutdown", null);
        Notify("exit", null);
        return await WaitForExitAsync();
    }

    /// <summary>The server's exit code, once it has exited.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await Task.WhenAny(Task.WhenAll(_reader, _errors), Task.Delay(TimeSpan.FromSeconds(5)));
        _process.Dispose();
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var stream = _process.StandardInput.BaseStream;
        lock (_gate)
        {
            stream.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            stream.Write(body);
            stream.Flush();
        }
    }

    private async Task ReadAsync()
    {
        var stream = _process.StandardOutput.BaseStream;
        try
        {
            while (await ReadMessageAsync(stream) is { } message)
            {
                if (message["id"] is { } id && message["method"] is null)
                {
                    TaskCompletionSource<JsonObject>? reply;
                    lock (_gate) _requests.Remove(id.GetValue<int>(), out reply);
                    reply?.TrySetResult(message);
                    continue;
                }

                if (message["id"] is { } requestId) // a request of the server's: accepted
                    Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = null });
                await _notifications.Writer.WriteAsync(message);
            }
        }
        finally
        {
            _notifications.Writer.TryComplete();
        }
    }

    private async Task<JsonObject?> ReadMessageAsync(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadLineAsync(stream);
            if (line is null) return null;
            if (line.Length == 0) break;
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            else if (!line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)) Garbage.Add(line);
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) return bytes.Count == 0 ? null : Encoding.ASCII.GetString([.. bytes]);
            if (one[0] == '\n') return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            bytes.Add(one[0]);
        }
    }
}
