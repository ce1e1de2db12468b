using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BacklogLint.Testing;

namespace BacklogLint.Benchmarks;

/// <summary>The language server as an editor meets it, on a real process over stdio: time to the <c>initialize</c>
/// reply, to the first diagnostics (before history is read) and to those with history, then the time from each edit of one item's buffer to the
/// diagnostics published for that edit (an owner removed and put back, alternately), and the server's memory.</summary>
internal static class LanguageServerBenchmark
{
    public static async Task<int> RunAsync(string tool, string folder, int edits)
    {
        folder = Path.GetFullPath(folder);
        tool = Path.GetFullPath(tool);
        var item = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/.git/", StringComparison.Ordinal) && File.ReadAllText(path).Contains("owner:", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Skip(100)
            .First();
        var text = File.ReadAllText(item);
        var uri = LspClient.UriOf(item);

        var clock = Stopwatch.StartNew();
        await using var client = LspClient.Start(tool, folder);
        await client.InitializeAsync(folder, new JsonObject { ["window"] = new JsonObject { ["workDoneProgress"] = true } });
        var initialized = clock.Elapsed;

        // The first load publishes the findings of the rules that read no history, then reads history (a progress
        // from begin to end) and publishes every file whose findings changed.
        TimeSpan? first = null;
        TimeSpan? history = null;
        var files = 0;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (history is null)
        {
            var message = await client.Messages.ReadAsync(limit.Token);
            switch (message["method"]?.GetValue<string>())
            {
                case "textDocument/publishDiagnostics":
                    first ??= clock.Elapsed;
                    files++;
                    break;
                case "$/progress" when message["params"]!["value"]!["kind"]!.GetValue<string>() == "end":
                    history = clock.Elapsed;
                    break;
            }
        }

        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = text },
        });
        await Task.Delay(500);
        var withoutOwner = string.Join('\n', text.Split('\n').Where(line => !line.StartsWith("owner:", StringComparison.Ordinal)));
        var times = new List<double>();
        for (var version = 2; version < edits + 2; version++)
        {
            var edit = Stopwatch.StartNew();
            client.Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = version % 2 == 0 ? withoutOwner : text }),
            });
            while (true)
            {
                var message = await client.Messages.ReadAsync();
                if (message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
                    && message["params"]!["uri"]!.GetValue<string>() == uri
                    && message["params"]!["version"]?.GetValue<int>() == version)
                    break;
            }

            times.Add(edit.Elapsed.TotalMilliseconds);
        }

        var rss = ResidentMegabytes(client.ProcessId);
        await client.ShutdownAsync();
        times.Sort();
        var items = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Count(path => !path.Contains("/.git/", StringComparison.Ordinal));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | Markdown files | initialize reply | first diagnostics (no history yet) | with history ({files} publications) | edit → diagnostics, median | p90 | max | server RSS |
            |---:|---:|---:|---:|---:|---:|---:|---:|
            | {items:N0} | {initialized.TotalMilliseconds:F0} ms | {first?.TotalMilliseconds:F0} ms | {history?.TotalMilliseconds:F0} ms | {times[times.Count / 2]:F0} ms | {times[(int)(times.Count * 0.9)]:F0} ms | {times[^1]:F0} ms | {rss} MB |
            """));
        return 0;
    }

    private static long ResidentMegabytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status)) return -1;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
