using System.Text.Json.Nodes;
using BacklogLint.Testing;

namespace BacklogLint.LanguageServer.Tests;

/// <summary>Neovim 0.7 (headless, no user configuration) as the client of the real <c>backloglint lsp</c>: its own
/// LSP client starts the server, takes pushed diagnostics, hovers, asks for code actions and applies the quick fix's
/// workspace edit with its own code (Neovim/client.lua drives it and writes what it saw as JSON).</summary>
public sealed class NeovimTests : IDisposable
{
    private const string Typo = EditorItems.Typo;

    private const string Unowned = EditorItems.Unowned;

    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Neovim", "client.lua");

    private readonly TestRepository _repository = TestRepository.Create();
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("backloglint-nvim-");

    public NeovimTests()
    {
        _repository.Write(".backloglint.yml", "items: [\"backlog/**/*.md\"]\n")
            .Write("backlog/PAY-1.md", Typo)
            .Write("backlog/PAY-2.md", Unowned);
        _repository.Commit("2026-11-20");
    }

    public void Dispose()
    {
        _repository.Dispose();
        _home.Delete(recursive: true);
    }

    [Fact]
    public async Task Neovim_shows_the_finding_hovers_it_applies_its_quick_fix_and_sees_it_clear()
    {
        var nvim = EditorProcess.Require("nvim", "apt-get install neovim");
        var resultFile = Path.Combine(_home.FullName, "result.json");
        var environment = new Dictionary<string, string>
        {
            // Neovim's own files in a folder of the test's; its LSP log (the server's stderr goes there) is read below.
            ["XDG_CONFIG_HOME"] = Path.Combine(_home.FullName, "config"),
            ["XDG_DATA_HOME"] = Path.Combine(_home.FullName, "data"),
            ["XDG_STATE_HOME"] = Path.Combine(_home.FullName, "state"),
            ["XDG_CACHE_HOME"] = Path.Combine(_home.FullName, "cache"),
            ["BACKLOGLINT_SCRIPT"] = Script,
            ["BACKLOGLINT_DLL"] = Path.Combine(AppContext.BaseDirectory, "backloglint.dll"),
            ["BACKLOGLINT_REPO"] = _repository.Path,
            ["BACKLOGLINT_FILE"] = _repository.FullPath("backlog/PAY-1.md"),
            ["BACKLOGLINT_OTHER"] = _repository.FullPath("backlog/PAY-2.md"),
            ["BACKLOGLINT_CODE"] = "BL0502",
            ["BACKLOGLINT_RESULT"] = resultFile,
            ["BACKLOGLINT_TIMEOUT_MS"] = "30000",
        };

        var run = await EditorProcess.RunAsync(
            nvim, ["--headless", "--clean", "-n", "-i", "NONE", "-u", "NONE", "-c", "lua dofile(vim.env.BACKLOGLINT_SCRIPT)"],
            _repository.Path, environment, TimeSpan.FromSeconds(90));

        var log = Path.Combine(_home.FullName, "cache", "nvim", "lsp.log");
        var seen = File.Exists(resultFile) ? File.ReadAllText(resultFile) : "(no result written)";
        var context = run.Describe("nvim")
            + "--- Neovim's LSP log (the server's stderr is in it)\n" + (File.Exists(log) ? File.ReadAllText(log) : "(none)")
            + "\n--- what the script saw\n" + seen;
        var result = JsonNode.Parse(File.Exists(resultFile) ? seen : "{}")!.AsObject();
        result["error"]?.GetValue<string>().ShouldBeNull(context);
        run.TimedOut.ShouldBeFalse(context);
        run.ExitCode.ShouldBe(0, context);
        result["nvim"]!.GetValue<string>().ShouldStartWith("0.", customMessage: context);

        var diagnostic = result["diagnostic"]!;
        diagnostic["code"]!.GetValue<string>().ShouldBe("BL0502", context);
        diagnostic["source"]!.GetValue<string>().ShouldBe("backloglint", context);
        diagnostic["href"]!.GetValue<string>().ShouldEndWith("/rules/BL0502.md", customMessage: context);
        diagnostic["lnum"]!.GetValue<int>().ShouldBe(3, context);
        diagnostic["col"]!.GetValue<int>().ShouldBe("status: ".Length, context);
        diagnostic["end_col"]!.GetValue<int>().ShouldBe("status: in-progres".Length, context);
        result["otherCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldContain("BL0001", context);

        var hover = result["hover"]!.GetValue<string>();
        hover.ShouldStartWith("**BL0502** (error):", customMessage: context);
        hover.ShouldContain("# BL0502: Invalid field value", customMessage: context);
        // Neovim shows hover Markdown as written: the message reads as text, not as escapes.
        hover.ShouldContain("'in-progres'", customMessage: context);

        // Neovim sent another tool's diagnostic (a numeric code) with the server's: the quick fix is still offered.
        result["contextCodes"]!.AsArray().Select(c => c!.ToJsonString()).ShouldBe(["2034", "\"BL0502\""], ignoreOrder: true, context);
        result["applied"]!.GetValue<string>().ShouldBe("Write the status as 'in-progress'", context);
        foreach (var action in result["actions"]!.AsArray())
        {
            action!["hasEdit"]!.GetValue<bool>().ShouldBeTrue(context);
            action["hasCommand"]!.GetValue<bool>().ShouldBeFalse(context);
        }

        result["buffer"]!.GetValue<string>().ShouldBe(Typo.Replace("in-progres\n", "in-progress\n", StringComparison.Ordinal).TrimEnd('\n'), context);
        result["modified"]!.GetValue<bool>().ShouldBeTrue(context);
        File.ReadAllText(_repository.FullPath("backlog/PAY-1.md")).ShouldBe(Typo, "the edit is in the buffer, not on disk");
        result["codesAfter"]!.AsArray().ShouldBeEmpty(context);
        result["exit"]!["code"]!.GetValue<int>().ShouldBe(0, "shutdown then exit: " + context);
    }
}
