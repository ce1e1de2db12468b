using System.Text;
using System.Text.Json;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Suppressions;
using static BacklogLint.Reporting.Tests.Findings;

namespace BacklogLint.Reporting.Tests;

public sealed class SarifReportWriterTests
{
    private static string Write(AnalysisReport report)
    {
        using var stream = new MemoryStream();
        SarifReportWriter.Write(stream, report);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static AnalysisReport Report(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<SuppressedDiagnostic>? suppressed = null) =>
        new(diagnostics, ItemCount: 3, FileCount: 4, ToolVersion: "1.2.3") { Suppressed = suppressed ?? [], SuppressedCount = suppressed?.Count ?? 0 };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement Run(JsonElement root) => root.GetProperty("runs")[0];

    private static JsonElement Results(JsonElement root) => Run(root).GetProperty("results");

    private static Suppression SuppressionAt(int line, string? reason) =>
        new(SuppressionKind.NextLine, ["BL0301"], line + 1, line + 1, reason, Until: null, new SourceSpan(line, 1, line, 60));

    private static AnalysisReport HostileReport() => Report(
        [
            RepositoryFinding(Hostile),
            Finding("BL0001", Severity.Error, Hostile, path: "backlog/\"odd\" name %41 #1 ?q [x] <b> é 日本.md", itemId: Hostile, owner: Hostile),
            Finding("BL0101", Severity.Warning, Hostile, span: new SourceSpan(3, 5, 7, 2)),
            Finding("BL0201", Severity.Suggestion, "", span: SourceSpan.At(1)),
            Finding("BL0202", Severity.Silent, "not shown"),
        ],
        [
            new(Finding("BL0301", Severity.Warning, Hostile, span: new SourceSpan(9, 1, 9, 4), fingerprint: "supp0001"), SuppressionAt(8, Hostile)),
            new(Finding("BL0301", Severity.Warning, "no reason", span: new SourceSpan(12, 1, 12, 4), fingerprint: "supp0002"), SuppressionAt(11, null)),
        ]);

    [Fact]
    public async Task Output_is_valid_by_the_official_schema_with_hostile_text_repository_findings_and_suppressions()
    {
        var json = Write(HostileReport());

        var errors = await SarifSchema.ValidateAsync(json);

        errors.ShouldBeEmpty(SarifSchema.Describe(errors));
        Results(Parse(json)).GetArrayLength().ShouldBe(5);
        Run(Parse(json)).GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Empty_report_is_valid_with_no_rules_and_an_empty_results_array()
    {
        var json = Write(Report([]));

        (await SarifSchema.ValidateAsync(json)).ShouldBeEmpty();
        var run = Run(Parse(json));
        run.GetProperty("results").GetArrayLength().ShouldBe(0);
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().ShouldBe(0);
    }

    /// <summary>The validation is not vacuous: the schema refuses what SARIF forbids.</summary>
    [Theory]
    [InlineData("\"level\": \"warning\"", "\"level\": \"warn\"")]
    [InlineData("\"startLine\": 3", "\"startLine\": 0")]
    [InlineData("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")]
    [InlineData("\"ruleId\"", "\"ruleName\"")]
    [InlineData("\"helpUri\": \"https://github.com/backloglint/backloglint/blob/main/rules/BL0001.md\"", "\"helpUri\": \"rules/BL0001.md\"")]
    public async Task Schema_refuses_broken_sarif(string valid, string broken)
    {
        var json = Write(Report([Finding("BL0001")]));
        json.ShouldContain(valid);

        var errors = await SarifSchema.ValidateAsync(json.Replace(valid, broken, StringComparison.Ordinal));

        errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void Log_names_the_schema_version_and_tool()
    {
        var root = Parse(Write(Report([Finding("BL0001")])));

        root.GetProperty("$schema").GetString().ShouldBe("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        root.GetProperty("runs").GetArrayLength().ShouldBe(1);
        var driver = Run(root).GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().ShouldBe("BacklogLint");
        driver.GetProperty("version").GetString().ShouldBe("1.2.3");
        driver.GetProperty("informationUri").GetString().ShouldBe("https://github.com/backloglint/backloglint");
    }

    [Fact]
    public void Rules_are_the_descriptors_that_appear_once_each_in_id_order_suppressed_ones_included()
    {
        var root = Parse(Write(HostileReport()));

        var rules = Run(root).GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldBe(["BL0001", "BL0101", "BL0201", "BL0301", "BL9001"]);
    }

    [Fact]
    public void Rule_has_alias_title_help_and_default_level()
    {
        var rule = Run(Parse(Write(Report([Finding("BL0201", Severity.Warning)]))))
            .GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];

        rule.GetProperty("id").GetString().ShouldBe("BL0201");
        rule.GetProperty("name").GetString().ShouldBe("orphaned-handoff");
        rule.GetProperty("shortDescription").GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
        rule.GetProperty("fullDescription").GetProperty("text").GetString().ShouldNotBeNull().ShouldContain("See https://");
        rule.GetProperty("helpUri").GetString().ShouldBe("https://github.com/backloglint/backloglint/blob/main/rules/BL0201.md");
        rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe("error");
    }

    [Fact]
    public void Result_has_rule_level_message_location_and_fingerprint()
    {
        var root = Parse(Write(Report([Finding("BL0101"), Finding("BL0001", Severity.Error, "Task 'PAY-1' has no owner", span: new SourceSpan(2, 3, 2, 9), fingerprint: "cafe")])));

        var result = Results(root)[1];
        result.GetProperty("ruleId").GetString().ShouldBe("BL0001");
        var index = result.GetProperty("ruleIndex").GetInt32();
        Run(root).GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("id").GetString().ShouldBe("BL0001");
        result.GetProperty("level").GetString().ShouldBe("error");
        result.GetProperty("message").GetProperty("text").GetString().ShouldBe("Task 'PAY-1' has no owner");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("backlog/PAY-1.md");
        location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().ShouldBe("%SRCROOT%");
        var region = location.GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()).ShouldBe((2, 3, 2, 9));
        result.GetProperty("partialFingerprints").GetProperty("backloglint/v1").GetString().ShouldBe("cafe");
        result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!.ShouldMatch("^[0-9a-f]{16}:1$");
        result.GetProperty("properties").GetProperty("itemId").GetString().ShouldBe("PAY-1");
        result.GetProperty("properties").GetProperty("owner").GetString().ShouldBe("@alice");
    }

    [Theory]
    [InlineData(Severity.Error, "error")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Suggestion, "note")]
    public void Level_follows_the_severity(Severity severity, string level)
    {
        var result = Results(Parse(Write(Report([Finding("BL0101", severity)]))))[0];

        result.GetProperty("level").GetString().ShouldBe(level);
    }

    [Fact]
    public void Silent_findings_are_left_out()
    {
        var results = Results(Parse(Write(Report([Finding("BL0202", Severity.Silent), Finding("BL0101")]))));

        results.EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ShouldBe(["BL0101"]);
    }

    [Fact]
    public void Repository_finding_is_a_tool_notification_not_a_result_without_a_location()
    {
        var run = Run(Parse(Write(Report([RepositoryFinding()]))));

        run.GetProperty("results").GetArrayLength().ShouldBe(0);
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        notification.GetProperty("associatedRule").GetProperty("id").GetString().ShouldBe("BL9001");
        notification.GetProperty("level").GetString().ShouldBe("warning");
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[notification.GetProperty("associatedRule").GetProperty("index").GetInt32()]
            .GetProperty("id").GetString().ShouldBe("BL9001");
    }

    [Fact]
    public void Suppressed_finding_is_a_result_with_an_in_source_suppression_and_its_reason()
    {
        var results = Results(Parse(Write(HostileReport()))).EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == "BL0301").ToList();

        results.Count.ShouldBe(2);
        var withReason = results[0].GetProperty("suppressions")[0];
        withReason.GetProperty("kind").GetString().ShouldBe("inSource");
        withReason.GetProperty("justification").GetString().ShouldBe(Hostile);
        withReason.GetProperty("location").GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(8);
        var withoutReason = results[1].GetProperty("suppressions")[0];
        withoutReason.GetProperty("kind").GetString().ShouldBe("inSource");
        withoutReason.TryGetProperty("justification", out _).ShouldBeFalse();
    }

    [Fact]
    public void Visible_findings_have_no_suppressions()
    {
        var result = Results(Parse(Write(Report([Finding("BL0101")]))))[0];

        result.TryGetProperty("suppressions", out _).ShouldBeFalse();
    }

    [Fact]
    public void Hostile_message_survives_with_literal_brackets_escaped_as_SARIF_requires()
    {
        var result = Results(Parse(Write(Report([Finding("BL0101", message: Hostile)]))))[0];

        var text = result.GetProperty("message").GetProperty("text").GetString()!;
        text.ShouldBe(SarifReportWriter.MessageText(Hostile));
        text.ShouldContain("\\[link\\](https://evil.example)");
        Unescape(text).ShouldBe(Hostile);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("[a](b)", "\\[a\\](b)")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two \\\\ backslashes", "two \\\\\\\\ backslashes")]
    [InlineData("\\[", "\\\\\\[")]
    public void MessageText_escapes_brackets_and_backslashes(string text, string expected)
    {
        SarifReportWriter.MessageText(text).ShouldBe(expected);
        Unescape(expected).ShouldBe(text);
    }

    /// <summary>NJsonSchema checks the <c>uri</c> format but not <c>uri-reference</c>: artifact URIs are checked here.</summary>
    [Fact]
    public void Every_artifact_uri_is_a_well_formed_relative_reference_to_its_path()
    {
        var report = HostileReport();
        var root = Parse(Write(report));

        var uris = Results(root).EnumerateArray()
            .Where(r => r.TryGetProperty("locations", out _))
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
            .ToList();
        uris.Count.ShouldBe(5);
        foreach (var uri in uris) Uri.IsWellFormedUriString(uri, UriKind.Relative).ShouldBeTrue(uri);
        uris.Select(Uri.UnescapeDataString).ShouldContain("backlog/\"odd\" name %41 #1 ?q [x] <b> é 日本.md");
    }

    [Theory]
    [InlineData("backlog/PAY-1.md", "backlog/PAY-1.md")]
    [InlineData("backlog/a b.md", "backlog/a%20b.md")]
    [InlineData("backlog/100%/#1?.md", "backlog/100%25/%231%3F.md")]
    [InlineData("é/日本.md", "%C3%A9/%E6%97%A5%E6%9C%AC.md")]
    public void Artifact_uri_is_the_path_percent_encoded_by_segment(string path, string uri)
    {
        SarifReportWriter.RelativeUri(path).ShouldBe(uri);
        Uri.UnescapeDataString(uri).ShouldBe(path);
    }

    [Fact]
    public void Multi_line_span_is_one_region()
    {
        var region = Results(Parse(Write(Report([Finding("BL0101", span: new SourceSpan(3, 5, 7, 2))]))))[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

        (region.GetProperty("startLine").GetInt32(), region.GetProperty("endLine").GetInt32()).ShouldBe((3, 7));
    }

    /// <summary>Reads a SARIF message as a viewer does, left to right: a backslash before a bracket or a backslash
    /// stands for the character after it.</summary>
    private static string Unescape(string text)
    {
        var plain = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '[' or ']' or '\\') i++;
            plain.Append(text[i]);
        }

        return plain.ToString();
    }
}
