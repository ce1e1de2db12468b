using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using BacklogLint.Rules;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Loading;

public sealed class RepositoryLoaderTests
{
    private static PlanningRepository Load(TestRepository test, string folder = "", string? config = null)
    {
        var location = PlanningLocation.Find(folder.Length == 0 ? test.Path : test.FullPath(folder));
        var settings = config is null ? new BacklogLintConfig() : new ConfigLoader(BuiltInRules.Descriptors).Parse("test.yml", config);
        return RepositoryLoader.Load(location, settings);
    }

    [Fact]
    public void Items_are_the_markdown_files_whose_front_matter_makes_them_items_in_path_order()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/B.md", "---\nid: B\n---\n")
            .Write("backlog/A.md", "---\nstatus: open\n---\n")
            .Write("README.md", "# Planning\n")
            .Write("notes/meeting.md", "---\ntitle: Notes\n---\n")
            .Write("node_modules/pkg/ITEM.md", "---\nid: NODE\n---\n")
            .Commit("2026-11-01");

        var repository = Load(test);

        repository.Items.Select(i => (i.Path, i.Id.Value)).ShouldBe([("backlog/A.md", "A"), ("backlog/B.md", "B")]);
        repository.Files.Select(f => f.Path).ShouldBe(["README.md", "backlog/A.md", "backlog/B.md", "notes/meeting.md"]);
        repository.MarkdownPaths.ShouldBe(["README.md", "backlog/A.md", "backlog/B.md", "notes/meeting.md"], ignoreOrder: true);
    }

    [Fact]
    public void Items_globs_declare_the_items_and_the_other_files_are_only_link_targets()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\ntitle: Declared without item keys\n---\n")
            .Write("notes/N-1.md", "---\nid: N-1\nstatus: open\n---\n")
            .Commit("2026-11-01");

        var repository = Load(test, config: "items: [\"backlog/**/*.md\"]\n");

        repository.Items.ShouldHaveSingleItem().Id.Value.ShouldBe("PAY-1");
        repository.MarkdownPaths.ShouldContain("notes/N-1.md");
    }

    [Fact]
    public void Ignored_files_are_not_read()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\n---\n")
            .Write("backlog/archive/OLD-1.md", "---\nid: OLD-1\n---\n")
            .Commit("2026-11-01");

        var repository = Load(test, config: "ignore: [\"backlog/archive/**\"]\n");

        repository.Items.Select(i => i.Id.Value).ShouldBe(["PAY-1"]);
        repository.MarkdownPaths.ShouldNotContain("backlog/archive/OLD-1.md");
    }

    [Fact]
    public void Subfolder_of_a_repository_has_paths_from_the_work_tree_and_dates_from_git()
    {
        using var test = TestRepository.Create();
        test.Write("planning/backlog/PAY-1.md", "---\nid: PAY-1\n---\n").Commit("2026-10-01");
        test.Write("src/code.md", "---\nid: CODE\n---\n").Commit("2026-11-01");

        var repository = Load(test, folder: "planning");

        var item = repository.Items.ShouldHaveSingleItem();
        item.Path.ShouldBe("planning/backlog/PAY-1.md");
        repository.History.UnavailableReason.ShouldBeNull();
        repository.History.LastChanged(item.Path).ShouldBe(new DateOnly(2026, 10, 1));
        repository.LastTouched(item).ShouldBe(new DateOnly(2026, 10, 1));
    }

    [Fact]
    public void Folder_outside_git_is_read_without_history()
    {
        using var test = TestRepository.Create(withGit: false);
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nupdated: 2026-09-01\n---\n");

        var repository = Load(test);

        var item = repository.Items.ShouldHaveSingleItem();
        repository.History.UnavailableReason.ShouldNotBeNull().ShouldContain("not in a git repository");
        repository.LastTouched(item).ShouldBe(new DateOnly(2026, 9, 1));
    }

    [Fact]
    public void Newer_front_matter_date_wins_over_the_last_commit()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nupdated: 2026-10-15\n---\n")
            .Write("backlog/PAY-2.md", "---\nid: PAY-2\nupdated: 2026-01-15\n---\n")
            .Commit("2026-06-01");

        var repository = Load(test);

        repository.LastTouched(repository.Find("PAY-1")!).ShouldBe(new DateOnly(2026, 10, 15));
        repository.LastTouched(repository.Find("pay-2")!).ShouldBe(new DateOnly(2026, 6, 1));
    }

    [Fact]
    public void Binary_markdown_file_is_a_syntax_problem_on_line_1()
    {
        using var test = TestRepository.Create();
        test.WriteBytes("backlog/image.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A]).Commit("2026-11-01");

        var repository = Load(test);

        var file = repository.Files.ShouldHaveSingleItem();
        file.Item.ShouldBeNull();
        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.Syntax);
        problem.Span.Line.ShouldBe(1);
    }

    [Fact]
    public void Item_with_invalid_utf8_is_read_with_a_problem()
    {
        using var test = TestRepository.Create();
        test.WriteBytes("backlog/PAY-1.md", [.. "---\nid: PAY-1\ntitle: caf"u8, 0xE9, .. "\n---\n"u8]).Commit("2026-11-01");

        var repository = Load(test);

        repository.Items.ShouldHaveSingleItem().Id.Value.ShouldBe("PAY-1");
        repository.Files.Single().Problems.ShouldHaveSingleItem().Message.ShouldContain("UTF-8");
    }

    [Fact]
    public void Roster_without_configuration_knows_every_party_named_in_the_items_and_codeowners()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nowner: \"@alice\"\nteam: payments\nhandoffs:\n  - from: billing\n    to: nobody-knows\n---\n## Agreements\n- 2026-01-01 @payments @acme/sre: x\n")
            .Write(".github/CODEOWNERS", "* @acme/platform @erin\n")
            .Commit("2026-11-01");

        var roster = Load(test).Roster;

        roster.IsConfigured.ShouldBeFalse();
        new[] { "alice", "@payments", "billing", "sre", "@other/platform", "erin" }.ShouldAllBe(party => roster.IsKnown(party));
        roster.IsKnown("nobody-knows").ShouldBeFalse();
    }

    [Fact]
    public void Roster_from_configuration_knows_only_its_teams_members_people_and_codeowners()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nowner: \"@zoe\"\nteam: payments\n---\n")
            .Write("CODEOWNERS", "docs/ @erin # docs team\n")
            .Commit("2026-11-01");

        var roster = Load(test, config: "roster:\n  teams:\n    payments: { members: [\"@alice\"] }\n  people: [\"@dave\"]\n").Roster;

        roster.IsConfigured.ShouldBeTrue();
        roster.IsMember("@alice", "@acme/payments").ShouldBeTrue();
        new[] { "payments", "alice", "dave", "erin" }.ShouldAllBe(party => roster.IsKnown(party));
        roster.IsKnown("zoe").ShouldBeFalse();
    }

    [Fact]
    public void Empty_roster_in_configuration_configures_nothing()
    {
        using var test = TestRepository.Create();
        test.Write("backlog/PAY-1.md", "---\nid: PAY-1\nowner: \"@zoe\"\n---\n").Commit("2026-11-01");

        var roster = Load(test, config: "roster:\n  teams: {}\n  people: []\n").Roster;

        roster.IsConfigured.ShouldBeFalse();
        roster.IsKnown("@zoe").ShouldBeTrue();
    }
}
