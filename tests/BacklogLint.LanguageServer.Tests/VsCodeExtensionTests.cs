using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BacklogLint.Core.Configuration;
using BacklogLint.Testing;

namespace BacklogLint.LanguageServer.Tests;

/// <summary>The VS Code extension (src/BacklogLint.VsCode) is built and packaged by <c>.ci/vsix</c> but cannot be run
/// here: what it says of the tool is checked against the tool instead.</summary>
public sealed partial class VsCodeExtensionTests
{
    private static readonly JsonNode Manifest = JsonNode.Parse(File.ReadAllText(SourceTree.PathOf("src", "BacklogLint.VsCode", "package.json")))!;

    [Fact]
    public void It_activates_in_a_folder_with_any_configuration_file_the_tool_reads()
    {
        var events = Manifest["activationEvents"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();

        foreach (var name in BacklogLintConfig.FileNames) events.ShouldContain($"workspaceContains:**/{name}");
        events.ShouldContain("onLanguage:markdown");
    }

    [Fact]
    public void It_starts_the_lsp_command_and_targets_the_VS_Code_its_types_describe()
    {
        var source = File.ReadAllText(SourceTree.PathOf("src", "BacklogLint.VsCode", "src", "extension.ts"));
        source.ShouldContain("['lsp']");
        source.ShouldContain("['backloglint', 'lsp']");
        SemVer().IsMatch(Manifest["version"]!.GetValue<string>()).ShouldBeTrue();
        Manifest["engines"]!["vscode"]!.GetValue<string>().ShouldBe("^" + Manifest["devDependencies"]!["@types/vscode"]!.GetValue<string>(),
            "the engine VS Code must be at least is the one whose API the extension is type-checked against");
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
