using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary><c>check --verbose</c> says on stderr, in plain lines, which configuration and format were chosen, what
/// was read, and where the time went; the report on stdout is the same as without it.</summary>
public sealed class VerboseEndToEndTests
{
    [Fact]
    public async Task Verbose_says_what_was_chosen_and_read_and_where_the_time_went()
    {
        using var repository = TestRepository.Create();
        repository.Write(".backloglint.yml", "dialect: madr\nitems: [\"docs/decisions/*.md\"]\noverrides:\n  - files: [\"docs/decisions/0001-*\"]\n    rules: { BL0101: none }\n");
        repository.Write("docs/decisions/0001-use-queues.md", "# 1. Use queues\n\nStatus: Accepted\n\nDate: 2026-01-02\n");
        repository.Write("docs/decisions/0002-use-postgres.md", "# 2. Use Postgres\n\nStatus: Proposed\n\nDate: 2026-02-03\n");
        repository.Commit("2026-03-01");
        repository.Commit("2026-03-02");

        var plain = await BackloglintProcess.RunAsync("check", repository.Path, "--now", "2026-11-23");
        var verbose = await BackloglintProcess.RunAsync("check", repository.Path, "--now", "2026-11-23", "--verbose");

        verbose.Stdout.ShouldBe(plain.Stdout);
        verbose.ExitCode.ShouldBe(plain.ExitCode);
        var lines = verbose.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4, verbose.Stderr);
        lines[0].ShouldBe($"backloglint: configuration {repository.FullPath(".backloglint.yml")}: dialect madr; items docs/decisions/*.md; 1 override");
        lines[1].ShouldBe($"backloglint: read 2 Markdown files under {repository.Path}: 2 work items; walked 2 commits of git history");
        lines[2].ShouldMatch(@"^backloglint: \d+ findings? from \d+ rules, 0 suppressed$");
        lines[3].ShouldMatch(@"^backloglint: time: \d+ ms in all: start-up \d+ ms, configuration \d+ ms, parsing \d+ ms, history \d+ ms, analysis \d+ ms, report \d+ ms$");
    }

    [Fact]
    public async Task Verbose_without_a_configuration_or_git_says_so()
    {
        using var repository = TestRepository.Create(withGit: false);
        repository.Write("T-1.md", "---\nid: T-1\nstatus: done\n---\n# Done\n");

        var result = await BackloglintProcess.RunAsync("check", repository.Path, "-v");

        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe($"backloglint: no configuration found at or above {repository.Path}: the defaults: dialect native");
        lines[1].ShouldStartWith($"backloglint: read 1 Markdown file under {repository.Path}: 1 work item; no git history (");
    }
}
