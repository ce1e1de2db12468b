using System.Text.Json;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>History as users mean it (DESIGN §1): a commit in the repository's ignore-revs file is no revisit, and an
/// uncommitted change is a touch today, end to end through the real CLI.</summary>
public sealed class HistoryEndToEndTests : IDisposable
{
    private const string Agreement = """
        ---
        id: AGR-1
        type: agreement
        status: active
        owner: "@alice"
        ---
        # We review incidents together
        """;

    private readonly TestRepository _repository = TestRepository.Create();
    private readonly string _reformat;

    public HistoryEndToEndTests()
    {
        _repository.Write("backlog/AGR-1.md", Agreement).Commit("2025-01-10");
        _reformat = _repository.Write("backlog/AGR-1.md", Agreement.Replace("# We", "#  We")).Commit("2026-11-01", message: "reformat every heading");
    }

    public void Dispose() => _repository.Dispose();

    private async Task<List<string>> Findings(string? path = null)
    {
        var result = await BackloglintProcess.RunAsync("check", path ?? _repository.Path, "--format", "json", "--now", "2026-11-23");
        result.ExitCode.ShouldBeOneOf([0, 1], result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task A_commit_in_git_blame_ignore_revs_is_no_revisit()
    {
        (await Findings()).ShouldNotContain("BL0101", "the reformat commit of 2026-11-01 revisited it");

        _repository.Write(".git-blame-ignore-revs", $"# whitespace only\n{_reformat}\n").Commit("2026-11-02", paths: ".git-blame-ignore-revs");

        (await Findings()).ShouldContain("BL0101", "with the reformat ignored, the last revisit is 2025-01-10");
    }

    [Fact]
    public async Task A_repository_reached_through_a_symbolic_link_has_its_history()
    {
        _repository.Write(".git-blame-ignore-revs", $"{_reformat}\n").Commit("2026-11-02", paths: ".git-blame-ignore-revs");
        var links = Directory.CreateTempSubdirectory("backloglint-links-");
        try
        {
            var toRepository = Path.Combine(links.FullName, "planning");
            Directory.CreateSymbolicLink(toRepository, _repository.Path);
            var toBacklog = Path.Combine(links.FullName, "backlog");
            Directory.CreateSymbolicLink(toBacklog, Path.Combine(toRepository, "backlog"));

            (await Findings()).ShouldContain("BL0101");
            // Through a link, git's work tree is the resolved folder: without resolving PATH too, no item would be in
            // it, and the item would look never committed (touched today), so the stale agreement would pass.
            (await Findings(toRepository)).ShouldContain("BL0101", "a link to the work tree");
            (await Findings(toBacklog)).ShouldContain("BL0101", "a link to a link to a folder in it");
            (await Findings(Path.Combine(toBacklog, "AGR-1.md"))).ShouldContain("BL0101", "a file through links");
        }
        finally
        {
            links.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_configuration_names_its_own_file_or_none()
    {
        _repository.Write(".git-blame-ignore-revs", $"{_reformat}\n").Write("tools/revs.txt", "# nothing ignored\n");
        _repository.Write(".backloglint.yml", "history:\n  ignore-revs-file: tools/revs.txt\n");
        (await Findings()).ShouldNotContain("BL0101");

        _repository.Write(".backloglint.yml", "history:\n  ignore-revs-file: false\n");
        (await Findings()).ShouldNotContain("BL0101");

        _repository.Write(".backloglint.yml", "history:\n  ignore-revs-file: .git-blame-ignore-revs\n");
        (await Findings()).ShouldContain("BL0101");
    }

    [Fact]
    public async Task A_missing_ignore_revs_file_is_a_configuration_error_at_its_line()
    {
        _repository.Write(".backloglint.yml", "history:\n  ignore-revs-file: nowhere/revs\n");

        var result = await BackloglintProcess.RunAsync("check", _repository.Path, "--now", "2026-11-23");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain(".backloglint.yml(2,21)");
        result.Stderr.ShouldContain("'nowhere/revs' does not exist");
    }

    [Fact]
    public async Task An_uncommitted_change_to_an_item_is_a_touch_today()
    {
        _repository.Write(".git-blame-ignore-revs", $"{_reformat}\n").Commit("2026-11-02", paths: ".git-blame-ignore-revs");
        (await Findings()).ShouldContain("BL0101");

        _repository.Write("backlog/AGR-1.md", Agreement + "\nRevisited: still how we work.\n");

        (await Findings()).ShouldNotContain("BL0101", "the agreement was edited today, not yet committed");
    }
}
