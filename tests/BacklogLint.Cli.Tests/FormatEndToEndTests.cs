using System.Text.Json;
using System.Text.RegularExpressions;
using BacklogLint.Reporting;
using BacklogLint.Testing;
using NJsonSchema;

namespace BacklogLint.Cli.Tests;

/// <summary>The real tool writing SARIF, workflow commands and Markdown for a repository whose items try to inject
/// commands, markup and mentions through every field that reaches a message.</summary>
public sealed class FormatEndToEndTests : IDisposable
{
    private static readonly string SarifSchemaPath = SarifSchemaFile.Path;

    private readonly TestRepository _repository = TestRepository.Create();

    public FormatEndToEndTests()
    {
        _repository
            .Write(".backloglint.yml", """
                roster:
                  teams:
                    payments: { members: ["@alice"] }
                    sre: { members: ["@carol"] }
                """)
            .Write("backlog/PAY-1.md", """
                ---
                id: "PAY-1\n::error::pwned %0A"
                title: "Hostile\n::set-output name=x::y"
                status: in-progress
                team: payments
                depends-on: ["GHOST-9 <script>alert(1)</script> @everyone | `x` [l](https://evil.example) ::stop-commands::tok"]
                ---
                # Hostile
                """)
            .Write("backlog/PAY-2.md", """
                ---
                id: PAY-2
                status: todo
                owner: "@everyone"
                ---
                # Second

                ## Agreements
                - 2025-01-02 @payments @sre: ``` @alice ``` <script>alert(2)</script> email@example.com @org/team review-by: 2025-02-01
                """)
            .Write("backlog/PAY-3.md", """
                ---
                id: PAY-3
                status: in-progress
                team: sre
                suppress: { BL0001: "waiting on @everyone <script>alert(3)</script>\n::error::suppressed" }
                ---
                # Suppressed
                """);
        _repository.Commit("2025-01-05", "alice");
        // A shallow clone: the tool says so once, as a finding about the repository as a whole (BL9001).
        _repository.MakeShallow();
    }

    public void Dispose() => _repository.Dispose();

    private Task<ProcessResult> Check(string format) =>
        BackloglintProcess.RunAsync("check", _repository.Path, "--format", format, "--now", "2026-11-23");

    [Fact]
    public async Task Sarif_is_valid_by_the_official_schema_and_carries_every_finding()
    {
        var result = await Check("sarif");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldBeEmpty();
        var schema = await JsonSchema.FromFileAsync(SarifSchemaPath, TestContext.Current.CancellationToken);
        var errors = schema.Validate(result.Stdout);
        errors.ShouldBeEmpty(string.Join("\n", errors));

        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().ShouldBe("BacklogLint");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var ids = results.Select(r => r.GetProperty("ruleId").GetString()).ToList();
        ids.ShouldContain("BL0001");
        ids.ShouldContain("BL0401");
        ids.ShouldContain("BL0101");

        results.Count(r => !r.TryGetProperty("locations", out var _)).ShouldBe(0, "code scanning rejects a result without a location");
        run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("associatedRule").GetProperty("id").GetString().ShouldBe("BL9001");

        var missingOwner = results.Single(r => r.GetProperty("ruleId").GetString() == "BL0001" && !r.TryGetProperty("suppressions", out _));
        missingOwner.GetProperty("message").GetProperty("text").GetString()!.ShouldContain("PAY-1\n::error::pwned %0A");
        var location = missingOwner.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("backlog/PAY-1.md");
        location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().ShouldBe("%SRCROOT%");
        location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThan(0);
        missingOwner.GetProperty("partialFingerprints").GetProperty("backloglint/v1").GetString().ShouldNotBeNullOrEmpty();

        var suppressed = results.Single(r => r.TryGetProperty("suppressions", out _));
        suppressed.GetProperty("ruleId").GetString().ShouldBe("BL0001");
        suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString().ShouldBe("inSource");
        suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString()
            .ShouldBe("waiting on @everyone <script>alert(3)</script>\n::error::suppressed");
    }

    [Fact]
    public async Task Sarif_written_to_a_file_is_the_same_log()
    {
        var output = Path.Combine(_repository.Path, "findings.sarif");

        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--format", "sarif", "--now", "2026-11-23", "--output", output);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldBeEmpty();
        var schema = await JsonSchema.FromFileAsync(SarifSchemaPath, TestContext.Current.CancellationToken);
        schema.Validate(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Github_format_is_one_workflow_command_per_finding_and_nothing_else()
    {
        var json = await Check("json");
        var github = await Check("github");

        github.ExitCode.ShouldBe(1, github.ToString());
        github.Stderr.ShouldBeEmpty();
        using var document = JsonDocument.Parse(json.Stdout);
        var findings = document.RootElement.GetProperty("diagnostics").GetArrayLength();
        var lines = github.Stdout.TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(findings);
        foreach (var line in lines) line.ShouldMatch(@"^::(error|warning|notice) (file=[^,:]+,line=\d+,endLine=\d+,(col=\d+,endColumn=\d+,)?)?title=BL\d{4}%3A [^:]*::");
        github.Stdout.ShouldNotContain("\n::error::pwned");
        github.Stdout.ShouldNotContain("\n::stop-commands");
        github.Stdout.ShouldNotContain("\n::set-output");
        github.Stdout.ShouldContain("PAY-1%0A::error::pwned %250A");
        github.Stdout.ShouldNotContain("::suppressed");
    }

    [Fact]
    public async Task Markdown_format_escapes_item_text_and_pings_nobody()
    {
        var result = await Check("markdown");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldBeEmpty();
        var markdown = result.Stdout;
        markdown.ShouldStartWith("## BacklogLint: ");
        markdown.ShouldContain("### By rule");
        markdown.ShouldContain("### By owner");
        markdown.ShouldContain("\\(repository\\)");
        markdown.ShouldNotContain("<script", Case.Insensitive);
        markdown.ShouldNotContain("](https://evil");
        markdown.ShouldNotContain("::");
        Regex.Count(markdown, "@").ShouldBeGreaterThan(3);
        Regex.Matches(markdown, "@(?!" + Regex.Escape(MarkdownText.MentionBreak) + ")").ShouldBeEmpty();
        foreach (var line in markdown.Split('\n'))
            line.ShouldMatch(@"^(|## .*|Checked .*|A finding counts .*|### .*|\| .* \||(  )?- .*|<details( open)?><summary>.*</summary>|</details>)$");
    }

    [Fact]
    public async Task Markdown_report_links_to_the_lines_on_GitHub_at_HEAD_except_where_the_file_changed_since()
    {
        using var repository = TestRepository.Create();
        repository
            .Write("backlog/PAY-1.md", "---\nid: PAY-1\ntitle: Card retries\nstatus: todo\nteam: payments\n---\n# Card retries\n")
            .Write("backlog/PAY-2.md", "---\nid: PAY-2\ntitle: Refunds\nstatus: todo\n---\n# Refunds\n");
        var head = repository.Commit("2026-11-01", "alice");
        using (var git = new LibGit2Sharp.Repository(repository.Path)) git.Network.Remotes.Add("origin", "git@github.com:acme/planning.git");
        repository.Write("backlog/PAY-2.md", "---\nid: PAY-2\ntitle: Refunds v2\nstatus: todo\n---\n# Refunds\n");
        var outsideActions = new Dictionary<string, string?> { ["GITHUB_SERVER_URL"] = null, ["GITHUB_REPOSITORY"] = null };

        var result = await BackloglintProcess.RunAsync(outsideActions, "check", repository.Path, "--format", "markdown", "--now", "2026-11-23");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($" at [{head[..12]}](https://github.com/acme/planning/commit/{head}).");
        result.Stdout.ShouldContain($"- **[PAY\\-1](https://github.com/acme/planning/blob/{head}/backlog/PAY-1.md?plain=1#L1)** Card retries · _todo_ · team payments\n");
        result.Stdout.ShouldContain("(https://github.com/acme/planning/blob/" + head + "/backlog/PAY-1.md?plain=1#L");
        // Changed since HEAD: the commit's lines are not these.
        result.Stdout.ShouldContain("- **[PAY\\-2](backlog/PAY-2.md?plain=1#L1)** Refunds v2 · _todo_\n");
        result.Stdout.ShouldContain("<summary><b>(unowned)</b>: 2 warnings on 2 items</summary>");
    }
}
