using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>Text from the repository — file names, ids, statuses, references, owners, the configuration — reaches
/// stdout and stderr of every command, and the Actions runner parses both: no line may start a workflow command, in
/// either syntax (<see cref="WorkflowCommandParser"/> reads the output as the runner does).</summary>
public sealed class WorkflowCommandInjectionTests : IDisposable
{
    private const string Payload = "\n::error::INJECTED\r::set-output name=x::y\r\n  ::add-mask::z ##[set-env name=EVIL]1 ##[error]LEGACY";
    private readonly TestRepository _repository = TestRepository.Create();

    public WorkflowCommandInjectionTests()
    {
        _repository
            .Write("backlog/::error::FILE.md", """
                ---
                id: "::warning::ID ##[error]ID"
                status: "in progress\n::error::STATUS ##[warning]STATUS"
                owner: "@a\n::error::OWNER"
                depends-on: ["##[error]REF", "::error::REF2"]
                ---
                # ##[error]title
                """)
            .Write("backlog/##[error]legacy.md", """
                ---
                id: PAY-2
                status: todo
                depends-on: ["x\r::error::CR"]
                ---
                # fine
                """);
        _repository.Commit("2026-11-01");
    }

    public void Dispose() => _repository.Dispose();

    [Theory]
    [InlineData("text")]
    [InlineData("github")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("markdown")]
    public async Task Check_prints_no_command_from_repository_text(string format)
    {
        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23", "--format", format, "--verbose");

        result.ExitCode.ShouldBe(1, result.ToString());
        var allowed = format == "github" ? new[] { "error", "warning", "notice" } : [];
        WorkflowCommandParser.Unexpected(result.Stdout, allowed).ShouldBeEmpty(result.ToString());
        WorkflowCommandParser.Commands(result.Stderr).ShouldBeEmpty(result.Stderr);
        if (format == "github")
        {
            // The annotations themselves are commands, one per finding; none is another's.
            WorkflowCommandParser.Commands(result.Stdout).ShouldAllBe(c => c.Line.StartsWith("::error file=", StringComparison.Ordinal) || c.Line.StartsWith("::warning file=", StringComparison.Ordinal) || c.Line.StartsWith("::notice ", StringComparison.Ordinal) || c.Line.StartsWith("::error title=", StringComparison.Ordinal) || c.Line.StartsWith("::warning title=", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("dialect: \"x" + "\\n::error::CONFIG ##[error]CONFIG\"\n")]
    [InlineData("items: [\"\\n::error::GLOB\"]\nrules:\n  \"##[error]BL\": { severity: error }\n")]
    [InlineData("rules:\n  BL0001: { severity: \"\\n::error::SEVERITY\" }\n")]
    public async Task A_bad_configuration_is_said_without_a_command(string yaml)
    {
        _repository.Write(".backloglint.yml", yaml);

        var check = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23");
        var baseline = await BackloglintProcess.RunAsync("baseline", _repository.Path, "--now", "2026-11-23");

        foreach (var result in new[] { check, baseline })
        {
            result.ExitCode.ShouldBeOneOf(1, 2);
            WorkflowCommandParser.Commands(result.Stdout + "\n" + result.Stderr).ShouldBeEmpty(result.ToString());
            result.Stderr.ShouldNotContain("   at ");
        }
    }

    [Fact]
    public async Task A_planning_folder_whose_name_is_a_command_is_logged_without_one()
    {
        _repository.Write("::error::DIR\n::warning::NL ##[error]D/PAY-9.md", "---\nid: PAY-9\nstatus: todo\n---\n# x\n");

        var result = await BackloglintProcess.RunAsync("check", _repository.FullPath("::error::DIR\n::warning::NL ##[error]D"), "--now", "2026-11-23", "--verbose");

        result.ExitCode.ShouldBeOneOf(0, 1);
        WorkflowCommandParser.Commands(result.Stdout + "\n" + result.Stderr).ShouldBeEmpty(result.ToString());
    }

    [Fact]
    public async Task Arguments_echoed_in_usage_errors_start_no_command()
    {
        var result = await BackloglintProcess.RunAsync("check", "--format", Payload);
        var explain = await BackloglintProcess.RunAsync("explain", Payload);

        result.ExitCode.ShouldBe(2);
        WorkflowCommandParser.Commands(result.Stdout + result.Stderr + explain.Stdout + explain.Stderr).ShouldBeEmpty(result.ToString() + explain);
    }
}
