using System.Text.Json;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Rules;

namespace BacklogLint.Reporting.Tests;

public sealed class JsonReportWriterTests
{
    /// <summary>The keys of one diagnostic, in order, as DESIGN §3 gives them.</summary>
    private static readonly string[] DesignDiagnosticKeys =
        ["id", "severity", "message", "path", "line", "column", "endLine", "endColumn", "itemId", "fingerprint", "helpUri"];

    private static Diagnostic Finding(string id, Severity severity, string message, string? path, SourceSpan? span, string? itemId, string? owner,
        string fingerprint = "0123456789abcdef") =>
        new(BuiltInRules.Descriptors.Single(d => d.Id == id), severity, message, path, span, itemId, owner is null ? [] : owner.Split(", "), null, fingerprint);

    private static readonly Diagnostic MissingOwner =
        Finding("BL0001", Severity.Warning, "Task 'PAY-2' is open but has no owner", "backlog/PAY-2.md", new SourceSpan(2, 1, 2, 10), "PAY-2", null, "aaaa");

    private static readonly Diagnostic HistoryUnavailable =
        Finding("BL9001", Severity.Warning, "Git history is unavailable: shallow", null, null, null, null, "bbbb");

    private static readonly Diagnostic Orphaned =
        Finding("BL0201", Severity.Error, "Handoff to 'nobody'", "backlog/PAY-1.md", new SourceSpan(7, 9, 7, 15), "PAY-1", "@alice", "cccc");

    private static readonly Diagnostic Stale =
        Finding("BL0101", Severity.Suggestion, "Agreement is stale", "backlog/PAY-1.md", new SourceSpan(12, 3, 12, 40), "PAY-1", "@alice", "dddd");

    private static readonly Diagnostic Silent =
        Finding("BL0202", Severity.Silent, "silent finding", "backlog/PAY-1.md", new SourceSpan(8, 11, 8, 21), "PAY-1", "@alice", "eeee");

    private static JsonElement Write(params Diagnostic[] diagnostics)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(stream, new AnalysisReport(diagnostics, ItemCount: 3, FileCount: 5, ToolVersion: "1.2.3"));
        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    private static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Top_level_has_tool_diagnostics_and_summary()
    {
        var root = Write(MissingOwner);

        Keys(root).ShouldBe(["tool", "diagnostics", "summary"]);
        Keys(root.GetProperty("tool")).ShouldBe(["name", "version"]);
        root.GetProperty("tool").GetProperty("name").GetString().ShouldBe("BacklogLint");
        root.GetProperty("tool").GetProperty("version").GetString().ShouldBe("1.2.3");
    }

    [Fact]
    public void Diagnostic_has_the_keys_of_the_design_in_order()
    {
        var diagnostic = Write(MissingOwner).GetProperty("diagnostics")[0];

        Keys(diagnostic).Where(DesignDiagnosticKeys.Contains).ShouldBe(DesignDiagnosticKeys);
    }

    /// <summary>DESIGN §3's keys, plus <c>owner</c> (the owners as one text, as before), and after them <c>owners</c>
    /// and <c>team</c>: additions that consumers may ignore.</summary>
    [Fact]
    public void Diagnostic_has_exactly_the_keys_of_the_design_and_the_owners()
    {
        var diagnostic = Write(MissingOwner).GetProperty("diagnostics")[0];

        Keys(diagnostic).ShouldBe([.. DesignDiagnosticKeys.Take(DesignDiagnosticKeys.IndexOf("itemId") + 1), "owner", .. DesignDiagnosticKeys.Skip(DesignDiagnosticKeys.IndexOf("itemId") + 1), "owners", "team"]);
    }

    [Fact]
    public void A_finding_with_several_owners_lists_them_and_counts_for_each()
    {
        var shared = new Diagnostic(BuiltInRules.Descriptors.Single(d => d.Id == "BL0101"), Severity.Warning, "stale", "backlog/PAY-1.md", new SourceSpan(2, 1, 2, 9), "PAY-1", ["@alice", "@org/sre"], "payments", "dddd");

        var root = Write(shared, Orphaned);

        var diagnostic = root.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("owner").GetString().ShouldBe("@alice, @org/sre");
        diagnostic.GetProperty("owners").EnumerateArray().Select(o => o.GetString()).ShouldBe(["@alice", "@org/sre"]);
        diagnostic.GetProperty("team").GetString().ShouldBe("payments");
        root.GetProperty("diagnostics")[1].GetProperty("team").ValueKind.ShouldBe(JsonValueKind.Null);
        var summary = root.GetProperty("summary");
        summary.GetProperty("total").GetInt32().ShouldBe(2);
        Counts(summary.GetProperty("byOwner")).ShouldBe([("@alice", 2), ("@org/sre", 1)]);
        Counts(summary.GetProperty("byTeam")).ShouldBe([("(no team)", 1), ("payments", 1)]);
    }

    [Fact]
    public void Diagnostic_values_are_written()
    {
        var diagnostic = Write(Orphaned).GetProperty("diagnostics")[0];

        diagnostic.GetProperty("id").GetString().ShouldBe("BL0201");
        diagnostic.GetProperty("severity").GetString().ShouldBe("error");
        diagnostic.GetProperty("message").GetString().ShouldBe("Handoff to 'nobody'");
        diagnostic.GetProperty("path").GetString().ShouldBe("backlog/PAY-1.md");
        diagnostic.GetProperty("line").GetInt32().ShouldBe(7);
        diagnostic.GetProperty("column").GetInt32().ShouldBe(9);
        diagnostic.GetProperty("endLine").GetInt32().ShouldBe(7);
        diagnostic.GetProperty("endColumn").GetInt32().ShouldBe(15);
        diagnostic.GetProperty("itemId").GetString().ShouldBe("PAY-1");
        diagnostic.GetProperty("fingerprint").GetString().ShouldBe("cccc");
        diagnostic.GetProperty("helpUri").GetString().ShouldBe("https://github.com/backloglint/backloglint/blob/main/rules/BL0201.md");
    }

    [Fact]
    public void Suggestion_is_written_as_suggestion()
    {
        var diagnostic = Write(Stale).GetProperty("diagnostics")[0];

        diagnostic.GetProperty("severity").GetString().ShouldBe("suggestion");
    }

    [Fact]
    public void Repository_finding_has_nulls_for_path_position_and_item()
    {
        var diagnostic = Write(HistoryUnavailable).GetProperty("diagnostics")[0];

        foreach (var key in new[] { "path", "line", "column", "endLine", "endColumn", "itemId" })
            diagnostic.GetProperty(key).ValueKind.ShouldBe(JsonValueKind.Null, key);
        diagnostic.GetProperty("id").GetString().ShouldBe("BL9001");
        diagnostic.GetProperty("fingerprint").GetString().ShouldBe("bbbb");
    }

    [Fact]
    public void Summary_counts_by_severity_rule_and_owner_without_silent_findings()
    {
        var root = Write(HistoryUnavailable, MissingOwner, Orphaned, Stale, Silent);

        root.GetProperty("diagnostics").GetArrayLength().ShouldBe(4);
        root.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ShouldNotContain("BL0202");
        var summary = root.GetProperty("summary");
        summary.GetProperty("items").GetInt32().ShouldBe(3);
        summary.GetProperty("files").GetInt32().ShouldBe(5);
        summary.GetProperty("total").GetInt32().ShouldBe(4);
        Counts(summary.GetProperty("bySeverity")).ShouldBe([("warning", 2), ("error", 1), ("suggestion", 1)]);
        Counts(summary.GetProperty("byRule")).ShouldBe([("BL0001", 1), ("BL0101", 1), ("BL0201", 1), ("BL9001", 1)]);
        Counts(summary.GetProperty("byOwner")).ShouldBe([("@alice", 2), ("(repository)", 1), ("(unowned)", 1)]);
    }

    private static List<(string, int)> Counts(JsonElement element) =>
        [.. element.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32()))];

    [Fact]
    public void Empty_report_has_an_empty_list_and_zero_counts()
    {
        var root = Write();

        root.GetProperty("diagnostics").GetArrayLength().ShouldBe(0);
        root.GetProperty("summary").GetProperty("total").GetInt32().ShouldBe(0);
        Keys(root.GetProperty("summary").GetProperty("bySeverity")).ShouldBeEmpty();
    }

    [Fact]
    public void Hostile_text_round_trips_exactly()
    {
        const string Message = "He said \"stop\" \\ </script><script>alert('x')</script>\r\nline two\ttab \u2028 \u0000 <!-- --> & é 日本 🎉 ::error::x";
        const string Path = "backlog/\"odd\" name <b>é</b>.md";
        const string ItemId = "PAY-\"1\"</script>";
        const string Owner = "@a\nb";
        var hostile = Finding("BL0001", Severity.Warning, Message, Path, new SourceSpan(1, 1, 1, 2), ItemId, Owner, "ffff");

        var root = Write(hostile);

        var diagnostic = root.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("message").GetString().ShouldBe(Message);
        diagnostic.GetProperty("path").GetString().ShouldBe(Path);
        diagnostic.GetProperty("itemId").GetString().ShouldBe(ItemId);
        Keys(root.GetProperty("summary").GetProperty("byOwner")).ShouldBe([Owner]);
    }
}
