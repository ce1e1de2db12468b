using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Dialects;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using BacklogLint.Rules;

namespace BacklogLint.Core.Tests.Dialects;

/// <summary>The dialect layer: a format written in configuration maps a repository's keys, statuses and layout onto
/// the model, and positions stay those of the keys as written.</summary>
public sealed class ItemFormatTests
{
    private static BacklogLintConfig Config(string text) => new ConfigLoader(BuiltInRules.Descriptors).Parse("/repo/.backloglint.yml", text);

    private static ParsedFile Parse(BacklogLintConfig config, string path, string text) =>
        new WorkItemParser(config.Statuses, format: config.Format).Parse(path, new SourceText(text), isDeclaredItem: true);

    private const string TeamFormat = """
        format:
          fields:
            owner: [assignee]
            depends-on: [needs]
            due: [deadline]
          statuses:
            work:
              active: [cooking]
        """;

    [Fact]
    public void Aliased_keys_fill_the_model_and_keep_their_positions()
    {
        var config = Config(TeamFormat);

        var file = Parse(config, "work/T-1.md", """
            ---
            id: T-1
            status: Cooking
            assignee: ["@alice"]
            needs: T-2, T-3
            deadline: 2026-12-01
            ---
            """);

        var item = file.Item.ShouldNotBeNull();
        file.Problems.ShouldBeEmpty();
        item.Status.Class.ShouldBe(StatusClass.Active);
        item.Owners.Single().ShouldBe(new Located<string>("@alice", new SourceSpan(4, 12, 4, 20)));
        item.DependsOn.Select(d => d.Value).ShouldBe(["T-2", "T-3"]);
        item.Due!.Value.ShouldBe(new DateOnly(2026, 12, 1));
    }

    [Fact]
    public void A_bad_value_under_an_aliased_key_is_reported_at_that_key_by_its_own_name()
    {
        var config = Config(TeamFormat);

        var file = Parse(config, "work/T-1.md", """
            ---
            id: T-1
            deadline: 2025-30-01
            ---
            """);

        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.InvalidValue);
        problem.Span.ShouldBe(new SourceSpan(3, 11, 3, 21));
        problem.Message.ShouldContain("'deadline' is not a date");
        problem.Message.ShouldContain("2025-01-30");
    }

    [Theory]
    [InlineData("**Accepted**", StatusClass.InForce)]
    [InlineData("Accepted (2024-05-01)", StatusClass.InForce)]
    [InlineData("  accepted ", StatusClass.InForce)]
    [InlineData("Superseded by [ADR-0012](0012-use-queues.md)", StatusClass.Retired)]
    [InlineData("PROPOSED", StatusClass.Proposed)]
    public void Status_words_are_read_through_emphasis_dates_and_links(string word, StatusClass expected)
    {
        var file = Parse(Config("dialect: native"), "decisions/D-1.md", $"""
            ---
            type: agreement
            status: "{word}"
            parties: [a, b]
            ---
            """);

        file.Problems.ShouldBeEmpty();
        file.Item!.Status.Class.ShouldBe(expected);
    }

    [Fact]
    public void An_unknown_status_word_is_invalid_says_how_to_add_it_and_names_known_words()
    {
        var file = Parse(Config("dialect: native"), "work/T-1.md", """
            ---
            status: "**Pondering**"
            ---
            """);

        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.InvalidValue);
        problem.Message.ShouldContain("unknown status '**Pondering**'");
        problem.Message.ShouldContain("write in .backloglint.yml statuses: { work: { active: [**Pondering**] } } (or open, blocked, closed, dropped)");
        problem.Message.ShouldContain(" known: ");
        file.Item!.Status.Class.ShouldBe(StatusClass.Unknown);
    }

    [Fact]
    public void A_long_vocabulary_names_the_nearest_words_first_not_all_of_them()
    {
        var file = Parse(Config("dialect: header"), "proposals/0001-x.md", """
            # X

            * Authors: @jane
            * Status: **Acepted**
            """);

        var message = file.Problems.ShouldHaveSingleItem().Message;
        // The fact and how to add a word of one's own first, the nearest known words last, all of it short enough
        // that no report cuts it.
        message.ShouldStartWith("unknown status '**Acepted**' for an agreement; to add words of your own, write in .backloglint.yml statuses: { agreements: { in-force: [**Acepted**] } } (or proposed, retired); nearest of the ");
        var known = message[(message.IndexOf(" known: ", StringComparison.Ordinal) + 8)..].Split(", ");
        known[0].ShouldBe("accepted");
        known.Length.ShouldBe(6, message);
        message.Length.ShouldBeLessThanOrEqualTo(300);
    }

    [Fact]
    public void A_template_list_of_choices_left_in_gets_a_hint()
    {
        var file = Parse(Config("dialect: madr"), "docs/decisions/0001-x.md", """
            ---
            status: {proposed | rejected | accepted}
            ---
            # X
            """);

        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain("template's placeholder in braces");
        file.Item.ShouldNotBeNull().Status.Class.ShouldBe(StatusClass.InForce, "no status was written, so MADR's default (accepted) holds");
    }

    [Fact]
    public void A_value_written_in_template_braces_is_that_value()
    {
        var file = Parse(Config("dialect: madr"), "docs/decisions/0001-x.md", """
            ---
            status: { proposed }
            date: { 2024-05-02 }
            deciders: { Stephen Toub, Ben Thomas }
            ---
            # X
            """);

        file.Problems.ShouldBeEmpty();
        var item = file.Item.ShouldNotBeNull();
        item.Status.Class.ShouldBe(StatusClass.Proposed);
        var agreement = item.Agreements.ShouldHaveSingleItem();
        agreement.Agreed!.Value.ShouldBe(new DateOnly(2024, 5, 2));
        agreement.Parties.Select(p => p.Value).ShouldBe(["Stephen Toub", "Ben Thomas"]);
    }

    [Fact]
    public void An_unquoted_mention_gets_a_hint_naming_its_key()
    {
        var file = Parse(Config("dialect: native"), "backlog/task-1.md", """
            ---
            id: task-1
            reviewer: @alice
            ---
            """);

        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.Syntax);
        problem.Message.ShouldContain("reviewer: \"@alice\"");
    }

    [Fact]
    public void Backlog_md_reads_a_bare_mention_as_backlog_md_does()
    {
        var file = Parse(Config("dialect: backlog-md"), "backlog/tasks/task-1.md", """
            ---
            id: task-1
            assignee: @alice
            reporter: [@bob, @carol]
            ---
            """);

        file.Problems.ShouldBeEmpty();
        var item = file.Item.ShouldNotBeNull();
        item.Owners.ShouldHaveSingleItem().Value.ShouldBe("@alice");
        item.Owners[0].Span.Column.ShouldBe(11, "positions stay exact");
    }

    [Theory]
    [InlineData("2023-9-15", "write 2023-09-15")]
    [InlineData("2025-30-01", "2025-01-30")]
    [InlineData("next week", "write YYYY-MM-DD")]
    public void Near_dates_get_a_hint(string text, string hint) => FieldReader.DateHint(text).ShouldContain(hint);

    [Fact]
    public void Header_lines_are_keys_with_their_positions()
    {
        var config = Config("dialect: header");

        var file = Parse(config, "proposals/0042-streams.md", """
            # Streams

            * Status: **Accepted**
            * Author(s): Jane Doe (@jane), Bob <bob@example.org>
            * Last updated: 2026-02-30

            ## Summary
            Status: ignored, this is prose.
            """);

        var item = file.Item.ShouldNotBeNull();
        item.Type.ShouldBe(ItemType.Agreement);
        item.Status.Class.ShouldBe(StatusClass.InForce);
        item.Status.Word!.Span.ShouldBe(new SourceSpan(3, 11, 3, 23));
        item.Agreements[0].Parties.Select(p => p.Value).ShouldBe(["@jane", "bob@example.org"]);
        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Span.Line.ShouldBe(5);
        problem.Message.ShouldContain("'Last updated' is not a date");
    }

    [Fact]
    public void Id_aliases_make_old_references_resolve()
    {
        var config = Config("""
            dialect: backlog-md
            format:
              id-aliases: { "task-": "BACK-" }
            """);

        var item = Parse(config, "backlog/tasks/back-2.md", """
            ---
            id: BACK-2
            dependencies: [task-1]
            parent_task_id: task-7
            ---
            """).Item.ShouldNotBeNull();

        item.DependsOn.Single().Value.ShouldBe("BACK-1");
        item.Parent!.Value.ShouldBe("BACK-7");
    }

    [Fact]
    public void Format_keys_are_strict()
    {
        var error = Should.Throw<ConfigurationException>(() => Config("""
            format:
              fields:
                assignee: [owner]
            """));

        error.Message.ShouldContain("(3,5)");
        error.Message.ShouldContain("unknown field 'assignee'");
    }

    [Fact]
    public void Every_built_in_dialect_is_a_valid_format()
    {
        foreach (var name in BuiltInDialects.Names)
            Config($"dialect: {name}").Dialect.ShouldBe(name);
    }

    [Fact]
    public void Long_lines_in_body_metadata_are_read_without_a_timed_assertion()
    {
        var spaces = new string(' ', 200_000);
        var text = $"# T\n\n* Status: a{spaces}b\n\n## Status{spaces}x\n\nAccepted{spaces}(\n";

        var file = Parse(Config("dialect: madr\nformat: { metadata: [header, sections] }"), "docs/decisions/0001-x.md", text);

        file.Problems.ShouldHaveSingleItem().Message.ShouldContain("unknown status");
    }

    [Theory]
    [InlineData("**Active review (November 10...November 24, 2026)**", StatusClass.Proposed)]
    [InlineData("**Awaiting review**", StatusClass.Proposed)]
    [InlineData("**Returned for revision**", StatusClass.Proposed)]
    [InlineData("**Accepted with modifications**", StatusClass.InForce)]
    [InlineData("**Implemented (Swift 5.9)**", StatusClass.InForce)]
    public void Swift_evolution_statuses_have_their_class(string status, StatusClass expected)
    {
        var file = Parse(Config("dialect: header"), "proposals/0001-x.md", $"""
            # X

            * Proposal: [SE-0001](0001-x.md)
            * Authors: [Jane Doe](https://github.com/janedoe), [Bo Li](https://github.com/bo-li/)
            * Status: {status}

            ## Introduction
            """);

        file.Problems.ShouldBeEmpty();
        var agreement = file.Item.ShouldNotBeNull().Agreements.ShouldHaveSingleItem();
        agreement.Status.ShouldBe(expected);
        agreement.Parties.Select(party => party.Value).ShouldBe(["@janedoe", "@bo-li"]);
    }

    [Fact]
    public void An_author_entry_that_names_several_people_in_a_phrase_is_each_of_them()
    {
        var file = Parse(Config("dialect: header"), "proposals/0001-x.md", """
            # X

            * Proposal: [SE-0001](0001-x.md)
            * Authors: Jane Doe (@janedoe); with input from @bgrant0607, @dchen1107 and @bo-li
            * Status: **Awaiting review**

            ## Introduction
            """);

        file.Item.ShouldNotBeNull().Agreements.ShouldHaveSingleItem().Parties.Select(party => party.Value)
            .ShouldBe(["@janedoe", "@bgrant0607", "@dchen1107", "@bo-li"]);
    }

    [Fact]
    public void The_parties_key_is_the_one_the_format_writes_and_backlog_md_decisions_have_none()
    {
        var file = Parse(Config("dialect: backlog-md"), "backlog/decisions/decision-1 - X.md", """
            ---
            id: decision-1
            date: '2026-10-27 15:03'
            status: accepted
            ---
            """);

        file.Item.ShouldNotBeNull().Agreements.ShouldHaveSingleItem().PartiesKey.ShouldBeNull();
        Parse(Config("dialect: madr"), "docs/decisions/0001-x.md", "---\nstatus: accepted\n---\n")
            .Item.ShouldNotBeNull().Agreements.ShouldHaveSingleItem().PartiesKey.ShouldBeNull("MADR's decision-makers is optional");
        Parse(Config("dialect: madr\nformat: { parties-required: true }"), "docs/decisions/0001-x.md", "---\nstatus: accepted\n---\n")
            .Item.ShouldNotBeNull().Agreements.ShouldHaveSingleItem().PartiesKey.ShouldBe("decision-makers");
    }

    [Theory]
    [InlineData("backlog/archive/tasks/task-5 - X.md", "To Do", StatusClass.Closed, true)]
    [InlineData("backlog/archive/tasks/task-5 - X.md", "Done", StatusClass.Closed, false)]
    [InlineData("backlog/archive/drafts/task-5 - X.md", "Draft", StatusClass.Closed, true)]
    [InlineData("backlog/tasks/task-5 - X.md", "To Do", StatusClass.Open, false)]
    public void Archived_backlog_md_tasks_are_set_aside(string path, string word, StatusClass expected, bool dropped)
    {
        var file = Parse(Config("dialect: backlog-md"), path, $"---\nid: task-5\nstatus: {word}\nassignee: []\n---\n");

        var status = file.Item.ShouldNotBeNull().Status;
        (status.Word!.Value, status.Class, status.IsDropped).ShouldBe((word, expected, dropped));
    }

    [Fact]
    public void An_archived_decision_is_retired()
    {
        var file = Parse(Config("format: { agreements: [\"old/**\"], archived: [\"old/**\"] }"), "old/d-1.md", "---\nstatus: accepted\n---\n");

        file.Item.ShouldNotBeNull().Agreements.ShouldHaveSingleItem().Status.ShouldBe(StatusClass.Retired);
    }

    [Theory]
    [InlineData("August 14, 2026")]
    [InlineData("Aug 14, 2026")]
    [InlineData("Aug. 14, 2026")]
    [InlineData("14 August 2026")]
    [InlineData("2026-08-14")]
    public void Dates_in_body_metadata_may_be_written_as_prose(string written)
    {
        var file = Parse(Config("dialect: header"), "design/1-x.md", $"# X\n\nAuthor: Jon Sand\n\nLast updated: {written}\n\n## Abstract\n");

        file.Problems.ShouldBeEmpty();
        file.Item.ShouldNotBeNull().Updated!.Value.ShouldBe(new DateOnly(2026, 8, 14));
    }

    [Fact]
    public void Front_matter_dates_stay_YYYY_MM_DD()
    {
        var file = Parse(Config("dialect: native"), "work/T-1.md", "---\nid: T-1\nupdated: August 14, 2026\n---\n");

        file.Problems.ShouldHaveSingleItem().Message.ShouldContain("is not a date");
    }

    [Fact]
    public void A_huge_unknown_status_is_quoted_short()
    {
        var file = Parse(Config("dialect: header"), "proposals/0001-x.md", $"# X\n\n* Status: {new string('(', 100_000)}\n");

        file.Problems.ShouldHaveSingleItem().Message.Length.ShouldBeLessThan(1_000);
    }

    [Theory]
    [InlineData("Superseded by [](  )")]
    [InlineData("Superseded by ((")]
    [InlineData("Superseded by **")]
    public void A_superseded_status_that_names_nothing_has_no_successor(string status)
    {
        var file = Parse(Config("dialect: header"), "proposals/0001-x.md", $"# X\n\n* Status: {status}\n");

        file.Item.ShouldNotBeNull().Agreements.ShouldHaveSingleItem().SupersededBy.ShouldBeNull();
    }

    [Theory]
    [InlineData("created_date", "created-date", true)]
    [InlineData("Author(s)", "authors", true)]
    [InlineData("Last updated", "last-updated", true)]
    [InlineData("ÉTAT", "état", true)]
    [InlineData("status", "statuses", false)]
    [InlineData("", "--", true)]
    [InlineData("a😀b", "ab", true)]
    [InlineData("owner", "", false)]
    public void Keys_compare_by_their_letters_and_digits_ignoring_case(string a, string b, bool same)
    {
        // The definition: the keys' letters and digits, lower-cased, are the same string.
        static string Loose(string key) => string.Concat(key.Where(char.IsLetterOrDigit)).ToLowerInvariant();
        (Loose(a) == Loose(b)).ShouldBe(same);

        ItemFormat.SameKey(a, b).ShouldBe(same);
        ItemFormat.SameKey(b, a).ShouldBe(same);
    }
}
