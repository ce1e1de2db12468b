using System.Diagnostics;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The MSBuild integration (src/BacklogLint.MSBuild) in a real <c>dotnet build</c> of a small project in a
/// planning repository: its props and targets imported as the package's are (Directory.Build.props and .targets),
/// the tool being this build's. Findings become the build's warnings and errors with file, line and column; an error
/// finding fails the build; a tool that cannot check is one build error.</summary>
public sealed class MSBuildEndToEndTests : IDisposable
{
    private static readonly string Build = SourceTree.PathOf("src", "BacklogLint.MSBuild", "build");
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "backloglint.dll");

    private readonly TestRepository _repository = TestRepository.Create();

    public MSBuildEndToEndTests()
    {
        _repository
            .Write("Directory.Build.props", $"""
                <Project>
                  <Import Project="{Path.Combine(Build, "BacklogLint.MSBuild.props")}" />
                  <PropertyGroup><BacklogLintCommand>dotnet "{Tool}"</BacklogLintCommand></PropertyGroup>
                </Project>
                """)
            .Write("Directory.Build.targets", $"""<Project><Import Project="{Path.Combine(Build, "BacklogLint.MSBuild.targets")}" /></Project>""")
            .Write("Plans.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup>
                </Project>
                """)
            .Write(".backloglint.yml", "items: [\"backlog/**/*.md\"]\n")
            .Write("backlog/PAY-1.md", "---\nid: PAY-1\ntitle: Checkout\nstatus: in-progress\n---\n# Checkout\n");
        _repository.Commit("2026-11-20");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Findings_are_build_warnings_and_errors_at_their_lines_and_an_error_fails_the_build()
    {
        var warned = DotnetBuild();
        warned.ExitCode.ShouldBe(0, warned.Output);
        warned.Output.ShouldContain("backlog/PAY-1.md(2,1): warning BL0001: Task 'PAY-1' is in-progress but has no owner", customMessage: warned.Output);

        _repository.Write("backlog/PAY-2.md", "---\nid: PAY-2\ntitle: Refunds\nstatus: todo\nowner: \"@bob\"\ndepends-on: [NOPE-1]\n---\n# Refunds\n");
        var failed = DotnetBuild();
        failed.ExitCode.ShouldNotBe(0, failed.Output);
        failed.Output.ShouldContain("backlog/PAY-2.md(6,14): error BL0401:", customMessage: failed.Output);
        failed.Output.ShouldContain("warning BL0001", customMessage: failed.Output);
        failed.Output.ShouldNotContain("error BACKLOGLINT", Case.Sensitive, failed.Output);
    }

    [Fact]
    public void A_tool_that_cannot_check_is_one_build_error_and_it_can_be_turned_off()
    {
        var broken = DotnetBuild("-p:BacklogLintArguments=--config=missing.yml");
        broken.ExitCode.ShouldNotBe(0, broken.Output);
        broken.Output.ShouldContain("error BACKLOGLINT: backloglint could not check", Case.Sensitive, broken.Output);
        broken.Output.ShouldContain("missing.yml", customMessage: broken.Output); // the tool's own message, on stderr

        var off = DotnetBuild("-p:BacklogLintArguments=--config=missing.yml", "-p:BacklogLintEnabled=false");
        off.ExitCode.ShouldBe(0, off.Output);
        off.Output.ShouldNotContain("error BACKLOGLINT", Case.Sensitive, off.Output);
    }

    private (int ExitCode, string Output) DotnetBuild(params string[] properties)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _repository.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["build", "-nodeReuse:false", "-m:1", "-nologo", "-clp:NoSummary", .. properties]) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build took over 2 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
