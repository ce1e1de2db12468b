using BacklogLint.Core.Configuration;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using BacklogLint.Rules;

namespace BacklogLint.Core.Tests.Dialects;

/// <summary>What a format's process says of a status (<c>format.lifecycle</c>), as the parser reads it onto items.</summary>
public sealed class LifecycleTests
{
    private static BacklogLintConfig Config(string text) => new ConfigLoader(BuiltInRules.Descriptors).Parse("/repo/.backloglint.yml", text);

    private static WorkItem Item(BacklogLintConfig config, string path, string text) =>
        new WorkItemParser(config.Statuses, format: config.Format).Parse(path, new SourceText(text), isDeclaredItem: true).Item.ShouldNotBeNull();

    [Theory]
    [InlineData("Active review (July 17 – July 31, 2026)", "2026-07-31")]
    [InlineData("**Active review (August 2–16, 2026)**", "2026-08-16")]
    [InlineData("Active review (August 5...August 19, 2026)", "2026-08-19")]
    [InlineData("Active Review (August 12th...26th, 2026)", "2026-08-26")]
    [InlineData("Active Review (Aug 21...Sep 4, 2026)", "2026-09-04")]
    [InlineData("Active review (December 28, 2025 – January 6, 2026)", "2026-01-06")]
    [InlineData("In review (2026-07-17 – 2026-07-31)", "2026-07-31")]
    public void The_end_of_a_review_window_is_the_last_date_in_the_status(string status, string end) =>
        StatusDates.End(status).ShouldBe(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("Active Review (August 6th - August 21st)")]   // no year: not guessed at
    [InlineData("Active review")]
    [InlineData("Implemented (Swift 5.9)")]
    [InlineData("Active review (February 30, 2026)")]
    public void A_status_without_a_whole_date_has_no_end(string status) => StatusDates.End(status).ShouldBeNull();

    [Fact]
    public void A_final_status_settles_the_record_and_a_limited_one_carries_its_limit()
    {
        var config = Config("dialect: eip");

        var final = Item(config, "EIPS/eip-1.md", "---\neip: 1\nstatus: Final\nauthor: A (@a)\n---\n");
        var draft = Item(config, "EIPS/eip-2.md", "---\neip: 2\nstatus: draft\nauthor: A (@a)\n---\n");

        final.Status.IsFinal.ShouldBeTrue();
        final.Type.ShouldBe(ItemType.Agreement);
        draft.Status.IsFinal.ShouldBeFalse();
        draft.Status.Lifecycle.Limit.ShouldBe(new Period(6, PeriodUnit.Month));
        draft.Status.Display.ShouldBe("draft", "the word as written, without emphasis or remarks");
    }

    [Fact]
    public void A_deadline_is_read_from_the_key_the_format_names_only_in_its_status()
    {
        var config = Config("dialect: eip");

        var lastCall = Item(config, "EIPS/eip-3.md", "---\neip: 3\nstatus: Last Call\nlast-call-deadline: 2026-10-01\n---\n");
        var final = Item(config, "EIPS/eip-4.md", "---\neip: 4\nstatus: Final\nlast-call-deadline: 2026-10-01\n---\n");

        var deadline = lastCall.Status.Deadline.ShouldNotBeNull();
        deadline.Date.Value.ShouldBe(new DateOnly(2026, 10, 1));
        deadline.Date.Span.Line.ShouldBe(4);
        deadline.Source.ShouldBe("last-call-deadline");
        final.Status.Deadline.ShouldBeNull();
    }

    [Theory]
    [InlineData("status: Withdrawn\n", "withdrawal-reason")]
    [InlineData("status: Withdrawn\nwithdrawal-reason: TBD\n", "withdrawal-reason")]
    [InlineData("status: Withdrawn\nwithdrawal-reason: merged into EIP-5\n", null)]
    public void A_status_can_ask_for_a_key(string keys, string? missing) =>
        Item(Config("dialect: eip"), "EIPS/eip-5.md", "---\neip: 5\n" + keys + "---\n").Status.MissingKey.ShouldBe(missing);

    [Fact]
    public void A_successor_in_the_status_is_the_superseded_by_a_superseded_record_needs()
    {
        var config = Config("dialect: madr");

        var linked = Item(config, "docs/decisions/0002-x.md", "---\nstatus: superseded by [ADR-0003](0003-y.md)\n---\n");
        var bare = Item(config, "docs/decisions/0004-x.md", "---\nstatus: superseded\nsuperseded-by: n/a\n---\n");

        linked.Status.MissingKey.ShouldBeNull();
        bare.Status.MissingKey.ShouldBe("superseded-by");
    }

    [Fact]
    public void An_item_without_a_status_takes_the_formats_default()
    {
        var rfc = Item(Config("dialect: header"), "text/0002-rfc-process.md", "- Start Date: 2014-03-11\n\n# RFC process\n");

        rfc.Status.Word.ShouldBeNull();
        rfc.Status.IsFinal.ShouldBeTrue();
        rfc.Created!.Value.ShouldBe(new DateOnly(2014, 3, 11));
    }

    [Theory]
    [InlineData("November 17th, 2016", "2016-11-17")]
    [InlineData("January 26, 2017<br>", "2017-01-26")]
    [InlineData("15 May 2017 (to reflect actual implementation)", "2017-05-15")]
    [InlineData("October, 2015", "2015-10-01")]
    [InlineData("(2023-06-27)", "2023-06-27")]
    [InlineData("2023-10-3", "2023-10-03")]
    public void Prose_dates_are_read_as_design_documents_write_them(string written, string date)
    {
        var item = Item(Config("dialect: header"), "design/1-x.md", $"# X\n\nAuthor: A\n\nLast updated: {written}\n");

        item.Updated.ShouldNotBeNull().Value.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_status_key_a_format_cannot_read_is_a_configuration_error()
    {
        Should.Throw<ConfigurationException>(() => Config("format:\n  lifecycle:\n    limits: { Draft: soon }\n"))
            .Message.ShouldContain("not a period");
        Should.Throw<ConfigurationException>(() => Config("format:\n  lifecycle:\n    stale: [Draft]\n"))
            .Message.ShouldContain("unknown key 'stale' in format.lifecycle");
        Should.Throw<ConfigurationException>(() => Config("format:\n  external-links: ['(']\n"))
            .Message.ShouldContain("not a regular expression");
    }

    [Fact]
    public void Backlog_md_ids_follow_the_prefix_its_own_configuration_gives()
    {
        var format = Config("dialect: backlog-md").Format.WithIdPrefix("back");

        format.CanonicalId("task-3").ShouldBe("BACK-3");
        format.CanonicalId("345").ShouldBe("BACK-345");
        format.CanonicalId("100.4").ShouldBe("BACK-100.4");
        format.CanonicalId("BACK-7").ShouldBe("BACK-7");
        format.CanonicalId("DRAFT-2").ShouldBe("DRAFT-2");
    }

    [Fact]
    public void Navigation_keys_make_parent_a_menu_title_not_a_reference()
    {
        var config = Config("dialect: madr");

        Item(config, "docs/decisions/0001-x.md", "---\nparent: Decisions\nnav_order: 1\n---\n").Parent.ShouldBeNull();
        Item(Config("dialect: native"), "backlog/A-2.md", "---\nid: A-2\nparent: A-1\n---\n").Parent!.Value.ShouldBe("A-1");
    }

    [Fact]
    public void Template_files_are_never_items()
    {
        var config = Config("dialect: madr");

        new WorkItemParser(config.Statuses, format: config.Format)
            .Parse("docs/decisions/template/0000-adr-template.md", new SourceText("---\nstatus: {proposed | accepted}\n---\n"), isDeclaredItem: true)
            .Item.ShouldBeNull();
    }

    [Theory]
    [InlineData("docs/adr/20200101-use-postgres.md", "20200101-use-postgres")]
    [InlineData("docs/adr/2024-05-01-use-queues.md", "2024-05-01-use-queues")]
    [InlineData("docs/adr/0012-use-queues.md", "0012")]
    public void A_name_that_starts_with_a_date_is_its_own_id(string path, string id) =>
        Config("dialect: madr").Format.IdOfFile(path).ShouldBe(id);
}
