using System.Text.RegularExpressions;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary><c>backloglint report</c> end to end: a real git repository with months of history, the real CLI, the HTML
/// file it writes, and what it says on bad input.</summary>
public sealed partial class ReportEndToEndTests : IDisposable
{
    private readonly TestRepository _repository = ReportRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task The_report_samples_history_monthly_and_answers_for_owners_and_teams()
    {
        var output = Path.Combine(_repository.Path, "..", $"{Guid.NewGuid():N}.html");
        var result = await BackloglintProcess.RunAsync("report", _repository.Path, "--now", "2026-11-23", "--since", "6m", "--every", "1mo", "--output", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Trim().ShouldBe($"Wrote {output}: 7 samples from 2026-05-23 to 2026-11-23, {FindingsToday(File.ReadAllText(output))} findings today.");
        var html = File.ReadAllText(output);
        html.ShouldContain("History sampled every 1m from 2026-05-23: 7 samples.");
        foreach (var month in new[] { "2026-05-23", "2026-06-23", "2026-07-23", "2026-08-23", "2026-09-23", "2026-10-23", "2026-11-23" })
            html.ShouldContain($"\"day\":\"{month}\"");
        // PAY-1 was overdue from June until it closed on 2026-06-15... and PAY-3 since October: one overdue today, by @carol.
        OwnerRow(html, "@carol").ShouldStartWith("<td>@carol</td><td class=\"n\" data-sort=\"1\">1</td>");
        TeamRow(html, "payments").ShouldContain("<td class=\"n\" data-sort=\"1\">1</td>", customMessage: "PAY-2 has no owner");
        html.ShouldContain("<div class=\"chart\" data-chart=\"stale\"></div>");
    }

    [Fact]
    public async Task Item_text_is_escaped_and_never_script()
    {
        var output = Path.Combine(_repository.Path, "..", $"{Guid.NewGuid():N}.html");
        var result = await BackloglintProcess.RunAsync("report", _repository.Path, "--now", "2026-11-23", "--since", "3m", "--output", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        var html = File.ReadAllText(output);
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>ops");
        Regex.Count(html, "<script", RegexOptions.IgnoreCase).ShouldBe(4, "the data block, two chart scripts and the report's own: no other");
        Regex.Count(html, "</script", RegexOptions.IgnoreCase).ShouldBe(4);
        html.ShouldContain("@eve&lt;script&gt;alert(2)&lt;/script&gt;");
        html.ShouldContain("&lt;b&gt;ops&lt;/b&gt; &amp; &quot;friends&quot;");
        html.ShouldContain("\\u003Cb\\u003Eops\\u003C/b\\u003E \\u0026 \\u0022friends\\u0022", customMessage: "in the charts' JSON, escaped");
    }

    [Fact]
    public async Task Without_output_it_writes_the_default_file_in_the_current_folder()
    {
        using var folder = TestRepository.Create(withGit: false);
        var result = await BackloglintProcess.RunInAsync(folder.Path, "report", _repository.Path, "--now", "2026-11-23", "--since", "2026-10-01", "--every", "week", "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(folder.Path, "backloglint-report.html")).ShouldContain("History sampled every 1w from 2026-10-05: 8 samples.");
    }

    [Theory]
    [InlineData("--every bogus", "--every takes a period such as 1m, 2w or month, not 'bogus'")]
    [InlineData("--every 0d", "--every takes a period such as 1m, 2w or month, not '0d'")]
    [InlineData("--since soon", "--since takes a period before today such as 2y or 6m, or a date such as 2025-01-01, not 'soon'")]
    [InlineData("--since 2027-01-01", "--since 2027-01-01 is after today (2026-11-23): nothing to report")]
    [InlineData("--since 20y --every 1d", "--since 2006-11-23 --every 1d makes more than 400 samples: sample less often (a longer --every) or a shorter span")]
    [InlineData("--since 2020-01-01 --every 1m --now 2025-01-01", "the repository has no commit on or before 2025-01-01: there is nothing to report")]
    public async Task Bad_input_is_one_line_and_exit_2(string arguments, string message)
    {
        var args = arguments.Split(' ');
        var result = await BackloglintProcess.RunAsync(["report", _repository.Path, .. args.Contains("--now") ? args : [.. args, "--now", "2026-11-23"], "--output", Path.Combine(_repository.Path, "r.html")]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldBe($"backloglint: error: {message}");
        File.Exists(Path.Combine(_repository.Path, "r.html")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_folder_outside_git_or_without_commits_or_shallow_has_no_history_to_report()
    {
        using var plain = TestRepository.Create(withGit: false);
        plain.Write("backlog/A-1.md", "---\nid: A-1\nstatus: todo\n---\n");
        using var empty = TestRepository.Create();
        empty.Write("backlog/A-1.md", "---\nid: A-1\nstatus: todo\n---\n");
        using var shallow = TestRepository.Create();
        shallow.Write("backlog/A-1.md", "---\nid: A-1\nstatus: todo\n---\n").Commit("2026-11-01");
        shallow.MakeShallow();

        (await Run(plain.Path)).ShouldBe($"backloglint: error: '{plain.Path}' is not in a git work tree: a report of its history reads git");
        (await Run(empty.Path)).ShouldBe("backloglint: error: the repository has no commits yet: there is no history to report");
        (await Run(shallow.Path)).ShouldBe("backloglint: error: the clone is shallow: a report of history needs all of it (fetch with fetch-depth: 0, or git fetch --unshallow)");

        static async Task<string> Run(string path)
        {
            var result = await BackloglintProcess.RunAsync("report", path, "--now", "2026-11-23", "--output", Path.Combine(path, "r.html"));
            result.ExitCode.ShouldBe(2, result.ToString());
            return result.Stderr.Trim();
        }
    }

    [Fact]
    public async Task An_output_that_cannot_be_written_is_one_line_and_exit_2()
    {
        var output = Path.Combine(_repository.Path, "no-such-folder", "r.html");
        var result = await BackloglintProcess.RunAsync("report", _repository.Path, "--now", "2026-11-23", "--since", "1m", "--output", output);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldStartWith($"backloglint: error: cannot write '{output}': ");
    }

    private static string FindingsToday(string html) => FindingsCount().Match(html).Groups[1].Value;

    private static string OwnerRow(string html, string owner) => Row(html, "owners-table", owner);

    private static string TeamRow(string html, string team) => Row(html, "teams-table", team);

    private static string Row(string html, string table, string key)
    {
        var start = html.IndexOf($"id=\"{table}\"", StringComparison.Ordinal);
        var row = html.IndexOf($"<tr><td>{key}</td>", start, StringComparison.Ordinal);
        row.ShouldBeGreaterThan(start, $"{key} in {table}");
        return html[(row + 4)..html.IndexOf("</tr>", row, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"All ([0-9,]+) findings\.")]
    private static partial Regex FindingsCount();
}

/// <summary>A planning repository with eight months of history: teams payments, sre and growth, work that went overdue and
/// closed, an agreement whose review date passed, a handoff nobody accepted, and an item whose text tries to inject markup.</summary>
internal static class ReportRepository
{
    public static TestRepository Create()
    {
        var repository = TestRepository.Create();
        repository
            .Write("backlog/PAY-1.md", Item("PAY-1", "in-progress", "\"@alice\"", "payments", "due: 2026-06-01\n"))
            .Write("backlog/PAY-2.md", Item("PAY-2", "todo", null, "payments"))
            .Write("agreements/AGR-1.md", "---\nid: AGR-1\ntype: agreement\nstatus: active\nowner: \"@sre\"\nteam: sre\nparties: [payments, sre]\nagreed: 2026-03-02\nreview-by: 2026-07-01\n---\n# Webhooks are delivered at least once\n")
            .Write("backlog/GRO-1.md", Item("GRO-1", "in-progress", "\"@bob\"", "growth", "handoffs:\n  - from: growth\n    to: sre\n    date: 2026-04-01\n"))
            .Write("backlog/XSS-1.md", "---\nid: XSS-1\ntitle: \"</script><img src=x onerror=alert(1)>\"\nstatus: in-progress\nowner: \"@eve<script>alert(2)</script>\"\nteam: '<b>ops</b> & \"friends\"'\n---\n# x\n")
            .Commit("2026-03-02", "alice");
        repository.Write("backlog/PAY-1.md", Item("PAY-1", "done", "\"@alice\"", "payments", "due: 2026-06-01\n")).Commit("2026-06-15", "alice");
        repository.Write("backlog/PAY-3.md", Item("PAY-3", "in-progress", "\"@carol\"", "payments", "due: 2026-10-01\n")).Commit("2026-09-01", "carol");
        repository.Write("backlog/SRE-1.md", Item("SRE-1", "todo", "\"@dave\"", "sre")).Commit("2026-11-10", "dave");
        return repository;
    }

    private static string Item(string id, string status, string? owner, string team, string extra = "") =>
        $"---\nid: {id}\nstatus: {status}\n{(owner is null ? "" : $"owner: {owner}\n")}team: {team}\n{extra}---\n# {id}\n";
}
