using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;
using BacklogLint.Rules;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    private const string ConfigPath = "/repo/planning/.backloglint.yml";

    private static BacklogLintConfig Parse(string text) => new ConfigLoader(BuiltInRules.Descriptors).Parse(ConfigPath, text);

    /// <summary>Parses <paramref name="text"/>, which must fail, and checks the message names the file, the position of
    /// <paramref name="token"/> on 1-based <paramref name="line"/>, and the key.</summary>
    private static ConfigurationException ShouldFailAt(string text, int line, string token, string key)
    {
        var column = text.Split('\n')[line - 1].IndexOf(token, StringComparison.Ordinal) + 1;
        column.ShouldBeGreaterThan(0, $"'{token}' is not on line {line}");

        var error = Should.Throw<ConfigurationException>(() => Parse(text));

        error.Message.ShouldStartWith($"{ConfigPath}({line},{column}): ");
        error.Message.ShouldContain(key);
        error.Problem.ShouldContain(key);
        return error;
    }

    private const string Full = """
        items: ["backlog/**/*.md", "epics/*.md"]
        ignore: ["backlog/archive/**"]
        dialect: native
        roster:
          teams:
            payments: { members: ["@alice", "@bob"] }
            sre: { members: ["@carol"] }
            platform: ["@erin"]
          people: ["@dave"]
        rules:
          BL0101: { severity: error, max-age: 90d }
          unaccepted-handoff: { days: 21 }
          BL0001: none
          handoff-owner-unchanged: suggestion
          BL9001:
            severity: silent
        statuses:
          work: { active: [doing-it], dropped: [shelved] }
          agreements: { retired: [dead] }
        """;

    [Fact]
    public void Full_configuration_is_read()
    {
        var config = Parse(Full);

        config.SourcePath.ShouldBe(ConfigPath);
        config.Items.ShouldBe(["backlog/**/*.md", "epics/*.md"]);
        config.Ignore.ShouldBe(["backlog/archive/**"]);
        config.Dialect.ShouldBe("native");
        var teams = config.RosterTeams.ShouldNotBeNull();
        teams.Keys.Order(StringComparer.Ordinal).ShouldBe(["payments", "platform", "sre"]);
        teams["payments"].ShouldBe(["@alice", "@bob"]);
        teams["sre"].ShouldBe(["@carol"]);
        teams["platform"].ShouldBe(["@erin"]);
        config.RosterPeople.ShouldBe(["@dave"]);
    }

    [Fact]
    public void Rules_are_read_by_id_and_by_alias_with_severity_and_typed_options()
    {
        var rules = Parse(Full).Rules;

        rules.Keys.Order(StringComparer.Ordinal).ShouldBe(["BL0001", "BL0101", "BL0202", "BL0203", "BL9001"]);
        rules["BL0101"].Severity.ShouldBe(Severity.Error);
        rules["BL0101"].Options["max-age"].ShouldBe(new Period(90, PeriodUnit.Day));
        rules["BL0202"].Severity.ShouldBeNull();
        rules["BL0202"].Options["days"].ShouldBe(21);
        rules["BL0001"].Severity.ShouldBe(Severity.None);
        rules["BL0001"].Options.ShouldBeEmpty();
        rules["BL0203"].Severity.ShouldBe(Severity.Suggestion);
        rules["BL9001"].Severity.ShouldBe(Severity.Silent);
    }

    [Fact]
    public void Statuses_add_words_to_the_default_vocabulary()
    {
        var statuses = Parse(Full).Statuses;

        statuses.Classify(ItemType.Task, "Doing It", out var dropped).ShouldBe(StatusClass.Active);
        dropped.ShouldBeFalse();
        statuses.Classify(ItemType.Task, "shelved", out dropped).ShouldBe(StatusClass.Closed);
        dropped.ShouldBeTrue();
        statuses.Classify(ItemType.Agreement, "dead", out _).ShouldBe(StatusClass.Retired);
        statuses.Classify(ItemType.Task, "dead", out _).ShouldBe(StatusClass.Unknown);
        statuses.Classify(ItemType.Task, "in-progress", out _).ShouldBe(StatusClass.Active);
    }

    [Fact]
    public void Empty_file_gives_the_defaults()
    {
        var config = Parse("# nothing configured yet\n");

        config.SourcePath.ShouldBe(ConfigPath);
        config.Items.ShouldBeEmpty();
        config.Dialect.ShouldBe("native");
        config.RosterTeams.ShouldBeNull();
        config.Rules.ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_top_level_key_is_refused()
    {
        ShouldFailAt("items: [\"backlog/*.md\"]\nrulez:\n  BL0001: error\n", line: 2, token: "rulez", key: "rulez");
    }

    [Fact]
    public void Unknown_rule_is_refused()
    {
        ShouldFailAt("rules:\n  BL0001: error\n  BL0999: none\n", line: 3, token: "BL0999", key: "BL0999");
    }

    [Fact]
    public void Unknown_option_is_refused()
    {
        ShouldFailAt("rules:\n  BL0101: { severity: error, max-ages: 90d }\n", line: 2, token: "max-ages", key: "max-ages");
    }

    [Fact]
    public void Option_on_a_rule_without_options_is_refused()
    {
        ShouldFailAt("rules:\n  missing-owner:\n    days: 3\n", line: 3, token: "days", key: "days");
    }

    [Fact]
    public void Option_of_the_wrong_type_is_refused_at_the_value()
    {
        var error = ShouldFailAt("rules:\n  BL0202:\n    days: soon\n", line: 3, token: "soon", key: "days");

        error.Message.ShouldContain("soon");
    }

    [Fact]
    public void Period_option_of_the_wrong_form_is_refused_at_the_value()
    {
        ShouldFailAt("rules:\n  stale-agreement: { max-age: quarterly }\n", line: 2, token: "quarterly", key: "max-age");
    }

    [Fact]
    public void Unknown_severity_is_refused()
    {
        var error = ShouldFailAt("rules:\n  BL0001: { severity: loud }\n", line: 2, token: "loud", key: "severity");

        error.Message.ShouldContain("loud");
    }

    [Fact]
    public void Unknown_severity_in_the_shorthand_is_refused()
    {
        ShouldFailAt("rules:\n  BL0001: loud\n", line: 2, token: "loud", key: "loud");
    }

    [Fact]
    public void Roster_teams_as_a_list_are_refused()
    {
        ShouldFailAt("roster:\n  teams: [payments, sre]\n", line: 2, token: "[", key: "teams");
    }

    [Fact]
    public void Unknown_dialect_is_refused()
    {
        var error = ShouldFailAt("items: [\"backlog/*.md\"]\ndialect: jira\n", line: 2, token: "jira", key: "dialect");

        error.Message.ShouldContain("jira");
    }

    [Fact]
    public void Unknown_status_class_is_refused()
    {
        ShouldFailAt("statuses:\n  work: { finished: [shipped] }\n", line: 2, token: "finished", key: "finished");
    }

    [Fact]
    public void Same_rule_by_id_and_by_alias_is_refused()
    {
        ShouldFailAt("rules:\n  BL0001: error\n  missing-owner: warning\n", line: 3, token: "missing-owner", key: "BL0001");
    }

    [Fact]
    public void Invalid_yaml_is_refused_with_its_position()
    {
        var error = Should.Throw<ConfigurationException>(() => Parse("rules:\n  BL0001: error\n  BL0001: warning\n"));

        error.Message.ShouldStartWith($"{ConfigPath}(3,");
        error.Message.ShouldContain("duplicate key");
    }

    [Fact]
    public void Find_prefers_the_checked_folder_then_the_repository_root_and_Load_reads_the_file()
    {
        using var test = TestRepository.Create(withGit: false);
        test.Write(".backloglint.yml", "dialect: native\n");
        test.Write("planning/.backloglint.yml", "rules:\n  BL0001: error\n");
        test.Write("other/readme.md", "x\n");

        var inPlanning = ConfigLoader.Find(test.FullPath("planning"), test.Path).ShouldNotBeNull();
        var inOther = ConfigLoader.Find(test.FullPath("other"), test.Path);

        inPlanning.ShouldBe(test.FullPath("planning/.backloglint.yml"));
        inOther.ShouldBe(test.FullPath(".backloglint.yml"));
        ConfigLoader.Find(test.FullPath("other"), null).ShouldBeNull();
        new ConfigLoader(BuiltInRules.Descriptors).Load(inPlanning).Rules["BL0001"].Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void Limits_have_safe_defaults_and_can_be_configured_with_units()
    {
        var defaults = Parse("dialect: native\n");
        defaults.MaxFileBytes.ShouldBe(10L * 1024 * 1024);
        defaults.MaxYamlDepth.ShouldBe(64);
        defaults.MaxItems.ShouldBe(100_000);

        var config = Parse("limits:\n  max-file-size: 512KB\n  max-yaml-depth: 8\n  max-items: 20\n");
        config.MaxFileBytes.ShouldBe(512L * 1024);
        config.MaxYamlDepth.ShouldBe(8);
        config.MaxItems.ShouldBe(20);
        Parse("limits: { max-file-size: 1048576 }").MaxFileBytes.ShouldBe(1048576);
        Parse("limits: { max-file-size: 2 gib }").MaxFileBytes.ShouldBe(2L << 30);
    }

    [Theory]
    [InlineData("limits:\n  max-size: 10MB\n", 2, "max-size", "max-size")]
    [InlineData("limits:\n  max-file-size: ten\n", 2, "ten", "max-file-size")]
    [InlineData("limits:\n  max-file-size: 10TB\n", 2, "10TB", "max-file-size")]
    [InlineData("limits:\n  max-file-size: 0\n", 2, "0", "max-file-size")]
    [InlineData("limits:\n  max-yaml-depth: 5000\n", 2, "5000", "max-yaml-depth")]
    [InlineData("limits:\n  max-yaml-depth: -1\n", 2, "-1", "max-yaml-depth")]
    [InlineData("limits:\n  max-items: [1]\n", 2, "[1]", "max-items")]
    [InlineData("limits: 10MB\n", 1, "10MB", "limits")]
    public void A_wrong_limit_names_its_key_and_line(string text, int line, string token, string key) =>
        ShouldFailAt(text, line, token, key);
}
