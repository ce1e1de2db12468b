using BacklogLint.Core.Configuration;
using BacklogLint.Testing;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace BacklogLint.Cli.Tests;

/// <summary>What <c>init</c> writes, for every format it detects, is valid by the schema that ships beside the tool,
/// and points editors at that schema as raw JSON.</summary>
public sealed class InitEndToEndTests
{
    private static readonly string DialectsRoot = SourceTree.PathOf("tests", "BacklogLint.Rules.Tests", "Fixtures", "Dialects");

    public static TheoryData<string> Repositories() =>
        ["native", "native-without-owners", "empty", "numbered-records-elsewhere", "backlog-md", "madr", "kep", "eip", "header"];

    [Theory]
    [MemberData(nameof(Repositories))]
    public async Task The_configuration_init_writes_is_valid_by_the_shipped_schema(string name)
    {
        using var repository = Build(name);

        var init = await BackloglintProcess.RunAsync("init", repository.Path);

        init.ExitCode.ShouldBe(0, init.ToString());
        var written = await File.ReadAllTextAsync(repository.FullPath(".backloglint.yml"), TestContext.Current.CancellationToken);
        written.ShouldStartWith($"# yaml-language-server: $schema={ConfigSchema.Id}\n");
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, ConfigSchema.FileName), TestContext.Current.CancellationToken);
        var value = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(written);
        schema.Validate(new SerializerBuilder().JsonCompatible().Build().Serialize(value)).Select(error => error.ToString()).ShouldBeEmpty(written);
        var check = await BackloglintProcess.RunAsync("check", repository.Path, "--now", "2026-11-23");
        check.ExitCode.ShouldBeOneOf([0, 1], check.ToString());
    }

    [Fact]
    public void The_schema_link_is_the_raw_file_of_this_repository()
    {
        ConfigSchema.Id.ShouldStartWith("https://raw.githubusercontent.com/backloglint/backloglint/");
        ConfigSchema.Id.ShouldEndWith("/src/BacklogLint.Cli/" + ConfigSchema.FileName);
        File.Exists(SourceTree.PathOf("src", "BacklogLint.Cli", ConfigSchema.FileName)).ShouldBeTrue();
    }

    private static TestRepository Build(string name)
    {
        if (Directory.Exists(Path.Combine(DialectsRoot, name)))
        {
            var fixture = Fixture.Load(Path.Combine(DialectsRoot, name, "well-formed"));
            var built = fixture.Build();
            File.Delete(built.FullPath(".backloglint.yml"));
            return built;
        }

        var repository = TestRepository.Create();
        switch (name)
        {
            case "native":
                repository.Write("backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\nteam: payments\n---\n# One\n");
                repository.Write("backlog/PAY-2.md", "---\nid: PAY-2\nstatus: done\nowner: \"@dave\"\n---\n# Two\n");
                break;
            case "native-without-owners":
                repository.Write("work/A-1.md", "---\nid: A-1\nstatus: todo\n---\n# One\n");
                break;
            case "empty":
                repository.Write("README.md", "# Nothing planned here\n");
                break;
            case "numbered-records-elsewhere":
                repository.Write("notes/choices/0001-use-queues.md", "# 1. Use queues\n\nStatus: Accepted\n\nDate: 2026-01-02\n");
                repository.Write("notes/choices/0002-use-postgres.md", "# 2. Use Postgres\n\nStatus: Proposed\n\nDate: 2026-02-03\n");
                break;
        }

        repository.Commit("2026-11-01");
        return repository;
    }
}
