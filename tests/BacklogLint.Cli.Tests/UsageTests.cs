using BacklogLint.Rules;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>Bad usage and bad configuration: one clear line on stderr, exit 2, never a stack trace.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task Bad_configuration_is_one_line_with_file_line_and_key_and_exit_2()
    {
        using var repository = TestRepository.Create();
        repository.Write(".backloglint.yml", "rules:\n  BL0101: { max-age: soon }\n");

        var result = await BackloglintProcess.RunAsync("check", repository.Path);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.Trim().ShouldBe($"backloglint: error: {Path.Combine(repository.Path, ".backloglint.yml")}(2,22): BL0101: 'max-age' takes a period such as 90d, 12w, 6m or 1y, not 'soon'");
    }

    [Fact]
    public async Task Unknown_configuration_key_is_named()
    {
        using var repository = TestRepository.Create();
        repository.Write(".backloglint.yml", "items: [\"backlog/**/*.md\"]\nrulez: {}\n");

        var result = await BackloglintProcess.RunAsync("check", repository.Path);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("(2,1): unknown key 'rulez'");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--now", "yesterday")]
    [InlineData("check", "/no/such/folder")]
    [InlineData("check", "--config", "/no/such/file.yml")]
    [InlineData("explain", "BL9999")]
    [InlineData("frobnicate")]
    public async Task Bad_usage_exits_2_without_a_stack_trace(params string[] arguments)
    {
        var result = await BackloglintProcess.RunAsync(arguments);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldNotBeEmpty();
        result.Stderr.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("backloglint: error: unknown option '--frmat' of 'check': did you mean '--format'? (see 'backloglint check --help')", "check", "--frmat", "json")]
    [InlineData("backloglint: error: unknown option '--fial-on' of 'check': did you mean '--fail-on'? (see 'backloglint check --help')", "check", ".", "--fial-on", "warning")]
    [InlineData("backloglint: error: unknown option '--verbos' of 'baseline': did you mean '--verbose'? (see 'backloglint baseline --help')", "baseline", "--verbos")]
    [InlineData("backloglint: error: unknown command 'chek': did you mean 'check'? (see 'backloglint --help')", "chek")]
    [InlineData("backloglint: error: unknown command 'frobnicate' (see 'backloglint --help')", "frobnicate")]
    [InlineData("backloglint: error: 'jsn' is not a value of --format: use text, json, sarif, github, markdown (see 'backloglint check --help')", "check", "--format", "jsn")]
    [InlineData("backloglint: error: 'warn' is not a value of --fail-on: use error, warning, none (see 'backloglint check --help')", "check", "--fail-on=warn")]
    [InlineData("backloglint: error: '/no/such/folder' does not exist", "check", "/no/such/folder")]
    [InlineData("backloglint: error: '/no/such/folder' does not exist", "init", "/no/such/folder")]
    public async Task A_typo_is_one_line_naming_it_and_what_was_meant(string expected, params string[] arguments)
    {
        var result = await BackloglintProcess.RunAsync(arguments);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe(expected + "\n");
    }

    [Fact]
    public async Task Rules_lists_the_catalogue_with_default_severities()
    {
        var result = await BackloglintProcess.RunAsync("rules");

        result.ExitCode.ShouldBe(0);
        foreach (var rule in BuiltInRules.Descriptors)
            result.Stdout.ShouldContain($"{rule.Id}  {rule.DefaultSeverity.ToString().ToLowerInvariant()}");
        result.Stdout.ShouldContain("max-age: 180d");
    }

    [Theory]
    [InlineData("BL0101")]
    [InlineData("stale-agreement")]
    public async Task Explain_prints_the_rule_page(string name)
    {
        var result = await BackloglintProcess.RunAsync("explain", name);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldStartWith("# BL0101: ");
        result.Stdout.ShouldContain("## How to fix");
    }

    [Fact]
    public async Task Version_prints_the_version_without_a_commit_hash()
    {
        var result = await BackloglintProcess.RunAsync("--version");

        result.ExitCode.ShouldBe(0);
        result.Stdout.Trim().ShouldMatch(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$");
    }
}
