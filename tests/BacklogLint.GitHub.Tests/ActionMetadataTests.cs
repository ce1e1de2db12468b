using System.Text.RegularExpressions;
using BacklogLint.Testing;
using YamlDotNet.RepresentationModel;

namespace BacklogLint.GitHub.Tests;

/// <summary><c>action.yml</c> is valid action metadata, passes inputs to its scripts only through the environment,
/// passes the tool only options it has, and the project's own workflow uses only inputs it declares.</summary>
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
