using System.Text.RegularExpressions;
using BacklogLint.Testing;
using YamlDotNet.RepresentationModel;

namespace BacklogLint.GitHub.Tests;

/// <summary><c>action.yml</c> is valid action metadata, passes inputs to its scripts only through the environment,
/// passes the tool only options it has, and the project's own workflow uses only inputs it declares.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the install script is bash, run with Unix file modes
public sealed partial class ActionMetadataTests
{
    private static readonly YamlMappingNode Action = Load(SourceTree.PathOf("action.yml"));

    [Fact]
    public void Action_is_composite_with_a_name_a_description_and_described_inputs()
    {
        Scalar(Action, "name").ShouldBe("BacklogLint");
        Scalar(Action, "description").ShouldNotBeNullOrWhiteSpace();
        var runs = (YamlMappingNode)Action["runs"];
        Scalar(runs, "using").ShouldBe("composite");
        foreach (var (name, input) in Inputs())
            Scalar((YamlMappingNode)input, "description").ShouldNotBeNullOrWhiteSpace($"input {name} needs a description");
    }

    [Fact]
    public void Every_run_step_names_its_shell_and_takes_no_expression_into_the_script()
    {
        foreach (var step in Steps().Where(step => step.Children.ContainsKey("run")))
        {
            Scalar(step, "shell").ShouldBe("bash", $"step '{Scalar(step, "name")}' needs shell: bash");
            Scalar(step, "run")!.ShouldNotContain("${{", customMessage: $"step '{Scalar(step, "name")}' pastes an expression into its script: pass it through env");
        }
    }

    [Fact]
    public async Task Options_the_action_passes_exist_in_the_tool()
    {
        var help = await BackloglintProcess.RunAsync(new Dictionary<string, string?>(), "github", "--help");
        var runsTheTool = Steps().Where(step => Scalar(step, "run")?.Contains("$BACKLOGLINT", StringComparison.Ordinal) == true).ToList();
        runsTheTool.Count.ShouldBe(1);
        var options = runsTheTool
            .SelectMany(step => Option().Matches(Scalar(step, "run")!).Select(match => match.Value))
            .Distinct()
            .ToList();

        options.ShouldNotBeEmpty();
        foreach (var option in options) help.Stdout.ShouldContain(option, customMessage: $"the action passes {option}, which 'backloglint github' does not have");
        Steps().SelectMany(step => Scalar(step, "run") is { } run ? Regex.Matches(run, @"args=\((\w+)").Select(m => m.Groups[1].Value) : [])
            .ShouldBe(["github"]);
    }

    [Fact]
    public void The_projects_workflow_uses_only_declared_inputs()
    {
        var workflow = Load(SourceTree.PathOf(".github", "workflows", "backloglint.yml"));
        var declared = Inputs().Select(input => input.Name).ToHashSet();
        var uses = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)workflow["jobs"]).Children.Values.First())["steps"])
            .OfType<YamlMappingNode>()
            .Single(step => Scalar(step, "uses") == "./");

        ((YamlMappingNode)uses["with"]).Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ShouldBeSubsetOf(declared);
    }

    private static readonly string InstallScript = SourceTree.PathOf(".github", "action", "install-tool.sh");

    [Theory]
    [InlineData("v1.2.0", "", "mode=install\nversion=1.2.0\n")]
    [InlineData("v2.0.0-rc.1", "", "mode=install\nversion=2.0.0-rc.1\n")]
    [InlineData("main", "1.4.0", "mode=install\nversion=1.4.0\n")]
    public async Task Used_by_a_version_the_action_installs_that_release(string reference, string versionInput, string expected)
    {
        using var folder = new TempFolder();
        var action = Directory.CreateDirectory(Path.Combine(folder.Path, "_actions", "backloglint", "backloglint", reference)).FullName;

        var (outputs, _) = await RunScript(folder, action, "plan", new() { ["INPUT_VERSION"] = versionInput });

        outputs.ShouldBe(expected);
    }

    [Fact]
    public async Task Used_from_a_branch_the_action_builds_with_a_cache_key_of_its_source()
    {
        using var folder = new TempFolder();

        var (first, _) = await RunScript(folder, SourceTree.Root, "plan", new() { ["GITHUB_ACTION_REF"] = "main" });
        var (second, _) = await RunScript(folder, SourceTree.Root, "plan", new() { ["GITHUB_ACTION_REF"] = "main" });

        first.ShouldMatch(@"^mode=build\nkey=backloglint-tool-Linux-X64-[0-9a-f]{20}\n$");
        second.ShouldBe(first);
        Steps().Single(step => Scalar(step, "uses")?.StartsWith("actions/cache@", StringComparison.Ordinal) == true)
            .Children[new YamlScalarNode("if")].ToString().ShouldBe("steps.plan.outputs.mode == 'build'");
    }

    [Theory]
    [InlineData("install", "", "0", "tool install BacklogLint --version 1.2.0 --tool-path {tool}\n")]
    [InlineData("install", "", "1", "tool install BacklogLint --version 1.2.0 --tool-path {tool}\nbuild src/BacklogLint.Cli -c Release -o {tool} -nologo -v quiet\n")]
    [InlineData("build", "", "0", "build src/BacklogLint.Cli -c Release -o {tool} -nologo -v quiet\n")]
    [InlineData("build", "true", "0", "")]
    public async Task Install_runs_what_the_plan_says(string mode, string cacheHit, string toolInstallExit, string expected)
    {
        using var folder = new TempFolder();
        var tool = Path.Combine(folder.Path, "temp", "backloglint");
        if (cacheHit == "true")
        {
            Directory.CreateDirectory(tool);
            File.WriteAllText(Path.Combine(tool, "backloglint"), "");
            File.SetUnixFileMode(Path.Combine(tool, "backloglint"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var (_, calls) = await RunScript(folder, SourceTree.Root, "install", new()
        {
            ["MODE"] = mode, ["VERSION"] = "1.2.0", ["CACHE_HIT"] = cacheHit, ["FAKE_TOOL_INSTALL_EXIT"] = toolInstallExit,
        });

        calls.ShouldBe(expected.Replace("{tool}", tool, StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(folder.Path, "env")).ShouldBe($"BACKLOGLINT={tool}/backloglint\n");
    }

    /// <summary>Runs the install script as the runner would, with a <c>dotnet</c> on the PATH that only writes down how
    /// it was called; gives what the script wrote to <c>GITHUB_OUTPUT</c> and the calls.</summary>
    private static async Task<(string Outputs, string Calls)> RunScript(TempFolder folder, string actionPath, string step, Dictionary<string, string> environment)
    {
        var bin = Directory.CreateDirectory(Path.Combine(folder.Path, "bin")).FullName;
        var calls = Path.Combine(folder.Path, "calls");
        var fake = Path.Combine(bin, "dotnet");
        File.WriteAllText(fake, $"#!/usr/bin/env bash\necho \"$*\" >> '{calls}'\n[ \"$1\" = tool ] && exit \"${{FAKE_TOOL_INSTALL_EXIT:-0}}\"\nexit 0\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var outputs = Path.Combine(folder.Path, "output");
        File.WriteAllText(outputs, "");
        File.WriteAllText(calls, "");
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(InstallScript);
        start.ArgumentList.Add(step);
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("GITHUB_", StringComparison.Ordinal) || key.StartsWith("RUNNER_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["GITHUB_ACTION_PATH"] = actionPath;
        start.Environment["GITHUB_OUTPUT"] = outputs;
        start.Environment["GITHUB_ENV"] = Path.Combine(folder.Path, "env");
        start.Environment["RUNNER_TEMP"] = Path.Combine(folder.Path, "temp");
        start.Environment["RUNNER_OS"] = "Linux";
        start.Environment["RUNNER_ARCH"] = "X64";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await stderr);
        return (File.ReadAllText(outputs), File.ReadAllText(calls));
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "backloglint-action-" + Guid.NewGuid().ToString("N")[..12])).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private static IEnumerable<(string Name, YamlNode Input)> Inputs() =>
        ((YamlMappingNode)Action["inputs"]).Children.Select(entry => (((YamlScalarNode)entry.Key).Value!, entry.Value));

    private static IEnumerable<YamlMappingNode> Steps() =>
        ((YamlSequenceNode)((YamlMappingNode)Action["runs"])["steps"]).OfType<YamlMappingNode>();

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(path));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"--[a-z][a-z-]+")]
    private static partial Regex Option();
}
