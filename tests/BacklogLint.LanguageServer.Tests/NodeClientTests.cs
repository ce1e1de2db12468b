using System.Text.Json.Nodes;
using BacklogLint.Testing;

namespace BacklogLint.LanguageServer.Tests;

/// <summary>VS Code's protocol layer (<c>vscode-languageserver-protocol</c> on <c>vscode-jsonrpc</c>, in Node) as the
/// client of the real <c>backloglint lsp</c>, saying in <c>initialize</c> what VS Code says: the server serves pull
/// diagnostics, registers file watchers, asks for refreshes, and offers quick fixes as workspace edits
/// (node-client/client.mjs drives it and prints what it saw as JSON).</summary>
public sealed class NodeClientTests : IDisposable
{
    private const string Typo = EditorItems.Typo;

    private const string Unowned = EditorItems.Unowned;

    private static readonly string ClientFolder = SourceTree.PathOf("tests", "BacklogLint.LanguageServer.Tests", "node-client");

    private readonly TestRepository _repository = TestRepository.Create();

    public NodeClientTests()
    {
        _repository.Write(".backloglint.yml", "items: [\"backlog/**/*.md\"]\n")
            .Write("backlog/PAY-1.md", Typo)
            .Write("backlog/PAY-2.md", Unowned);
        _repository.Commit("2026-11-20");
    }

    public void Dispose() => _repository.Dispose();

    private string Uri(string relative) => LspClient.UriOf(_repository.FullPath(relative));

    [Fact]
    public async Task Vscodes_protocol_client_pulls_diagnostics_edits_and_gets_quick_fixes_as_workspace_edits()
    {
        var node = EditorProcess.Require("node", "apt-get install nodejs npm");
        await InstallClientAsync();

        var run = await EditorProcess.RunAsync(
            node, [Path.Combine(ClientFolder, "client.mjs")], ClientFolder,
            new Dictionary<string, string>
            {
                ["BACKLOGLINT_DLL"] = Path.Combine(AppContext.BaseDirectory, "backloglint.dll"),
                ["BACKLOGLINT_REPO"] = _repository.Path,
                ["BACKLOGLINT_TIMEOUT_MS"] = "30000",
            },
            TimeSpan.FromSeconds(90));

        var context = run.Describe("node (the server's stderr is in node's)");
        var json = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "{}";
        var result = JsonNode.Parse(json)!.AsObject();
        result["error"]?.GetValue<string>().ShouldBeNull(context);
        run.TimedOut.ShouldBeFalse(context);
        run.ExitCode.ShouldBe(0, context);

        var capabilities = result["initialize"]!["capabilities"]!;
        capabilities["positionEncoding"]!.GetValue<string>().ShouldBe("utf-16", context);
        capabilities["diagnosticProvider"]!["identifier"]!.GetValue<string>().ShouldBe("backloglint", context);
        capabilities["diagnosticProvider"]!["workspaceDiagnostics"]!.GetValue<bool>().ShouldBeTrue(context);
        var watchers = result["registrations"]!.AsArray().ShouldHaveSingleItem(context)!;
        watchers["method"]!.GetValue<string>().ShouldBe("workspace/didChangeWatchedFiles", context);
        watchers["watchers"]!.GetValue<int>().ShouldBeGreaterThan(0, context);
        result["refreshes"]!.GetValue<int>().ShouldBeGreaterThan(0, context);
        result["pushes"]!.GetValue<int>().ShouldBe(0, "a client that pulls gets nothing pushed: " + context);

        var first = result["first"]!;
        first["kind"]!.GetValue<string>().ShouldBe("full", context);
        Codes(first).ShouldBe(["BL0001"], context);
        var again = result["again"]!;
        again["kind"]!.GetValue<string>().ShouldBe("unchanged", context);
        again["resultId"]!.GetValue<string>().ShouldBe(first["resultId"]!.GetValue<string>(), context);
        again["items"].ShouldBeNull(context);
        var edited = result["edited"]!;
        edited["kind"]!.GetValue<string>().ShouldBe("full", "the buffer got an owner: " + context);
        Codes(edited).ShouldBeEmpty(context);
        edited["resultId"]!.GetValue<string>().ShouldNotBe(first["resultId"]!.GetValue<string>(), context);

        var workspace = result["workspace"]!.AsArray();
        workspace.Select(item => item!["uri"]!.GetValue<string>()).ShouldNotContain(Uri("backlog/PAY-2.md"), "its resultId is the latest: " + context);
        var pay1 = workspace.Single(item => item!["uri"]!.GetValue<string>() == Uri("backlog/PAY-1.md"))!;
        Codes(pay1).ShouldBe(["BL0502"], context);
        result["finding"]!["codeDescription"]!["href"]!.GetValue<string>().ShouldEndWith("/rules/BL0502.md", customMessage: context);

        var actions = result["actions"]!.AsArray();
        actions.ShouldNotBeEmpty(context);
        foreach (var action in actions)
        {
            action!["hasEdit"]!.GetValue<bool>().ShouldBeTrue(context);
            action["hasCommand"]!.GetValue<bool>().ShouldBeFalse(context);
        }

        actions.First(a => a!["isPreferred"]!.GetValue<bool>())!["title"]!.GetValue<string>().ShouldBe("Write the status as 'in-progress'", context);
        result["fixed"]!.GetValue<string>().ShouldBe(Typo.Replace("in-progres\n", "in-progress\n", StringComparison.Ordinal), context);
        result["fixAll"]!.AsArray().ShouldHaveSingleItem(context)!["kind"]!.GetValue<string>().ShouldBe("source.fixAll", context);

        result["hover"]!["kind"]!.GetValue<string>().ShouldBe("markdown", context);
        result["hover"]!["value"]!.GetValue<string>().ShouldContain("# BL0502: Invalid field value", customMessage: context);
        Codes(result["cleared"]!).ShouldBeEmpty("the fixed buffer has no finding: " + context);
        result["exit"]!["code"]!.GetValue<int>().ShouldBe(0, "shutdown then exit: " + context);
    }

    private static IEnumerable<string> Codes(JsonNode report) => report["codes"]!.AsArray().Select(code => code!.GetValue<string>());

    /// <summary><c>npm ci</c> when the client's packages are not installed (.ci/run installs them before the tests).</summary>
    private static async Task InstallClientAsync()
    {
        if (File.Exists(Path.Combine(ClientFolder, "node_modules", "vscode-languageserver-protocol", "package.json"))) return;
        var npm = EditorProcess.Require("npm", "apt-get install npm");
        var install = await EditorProcess.RunAsync(npm, ["ci", "--no-audit", "--no-fund"], ClientFolder, new Dictionary<string, string>(), TimeSpan.FromMinutes(3));
        install.ExitCode.ShouldBe(0, install.Describe("npm ci"));
    }
}
