using System.Text;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Tests.Parsing;

public sealed class WorkItemParserTests
{
    private const string Item = """
        ---
        id: PAY-142
        status: in-progress
        owner: "@alice"
        due: 2026-12-01
        ---
        # Move billing webhooks onto the queue
        """;

    private static ParsedFile Parse(string text, string path = "backlog/PAY-142.md", bool declared = false) =>
        new WorkItemParser(StatusVocabulary.CreateDefault()).Parse(path, new SourceText(text), declared);

    private static WorkItem ParseItem(string text, string path = "backlog/PAY-142.md")
    {
        var file = Parse(text, path);
        file.Problems.ShouldBeEmpty();
        return file.Item.ShouldNotBeNull();
    }

    public static TheoryData<string, string> LineEndings() => new()
    {
        { "LF with a trailing newline", Item + "\n" },
        { "LF without a trailing newline", Item },
        { "CRLF with a trailing newline", Item.ReplaceLineEndings("\r\n") + "\r\n" },
        { "CRLF without a trailing newline", Item.ReplaceLineEndings("\r\n") },
        { "lone CR with a trailing newline", Item.ReplaceLineEndings("\r") + "\r" },
    };

    [Theory]
    [MemberData(nameof(LineEndings))]
    public void Spans_of_keys_and_values_are_exact_whatever_the_line_endings(string name, string text)
    {
        var item = ParseItem(text);

        item.OwnerSpan.ShouldBe(new SourceSpan(4, 8, 4, 16), name);
        item.Owners.Single().ShouldBe(new Located<string>("@alice", new SourceSpan(4, 8, 4, 16)), name);
        item.HeaderSpan.ShouldBe(new SourceSpan(2, 1, 2, 12), name);
        item.Id.ShouldBe(new Located<string>("PAY-142", new SourceSpan(2, 5, 2, 12)), name);
        item.Status.Word.ShouldBe(new Located<string>("in-progress", new SourceSpan(3, 9, 3, 20)), name);
        item.Due.ShouldBe(new Located<DateOnly>(new DateOnly(2026, 12, 1), new SourceSpan(5, 6, 5, 16)), name);
        item.Title.ShouldBe(new Located<string>("Move billing webhooks onto the queue", new SourceSpan(7, 1, 7, 39)), name);
    }

    [Fact]
    public void Spans_are_the_same_after_a_utf8_bom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Item + "\n")];
        var source = SourceText.Decode(bytes, out _).ShouldNotBeNull();

        var file = new WorkItemParser(StatusVocabulary.CreateDefault()).Parse("backlog/PAY-142.md", source, isDeclaredItem: false);

        var item = file.Item.ShouldNotBeNull();
        file.Problems.ShouldBeEmpty();
        item.OwnerSpan.ShouldBe(new SourceSpan(4, 8, 4, 16));
        item.HeaderSpan.ShouldBe(new SourceSpan(2, 1, 2, 12));
    }

    [Fact]
    public void File_ending_at_the_closing_fence_without_a_newline_is_an_item()
    {
        var item = ParseItem("---\nid: PAY-1\nowner: \"@bob\"\n---");

        item.Id.Value.ShouldBe("PAY-1");
        item.OwnerSpan.ShouldBe(new SourceSpan(3, 8, 3, 14));
        item.Title.ShouldBeNull();
    }

    [Fact]
    public void HeaderSpan_is_on_the_id_line_even_when_id_is_not_the_first_key()
    {
        var item = ParseItem("---\nstatus: open\nowner: \"@bob\"\nid: PAY-9\n---\n");

        item.HeaderSpan.ShouldBe(new SourceSpan(4, 1, 4, 10));
    }

    [Fact]
    public void Id_defaults_to_the_file_name_and_HeaderSpan_to_the_first_key()
    {
        var item = ParseItem("---\nstatus: open\nowner: \"@bob\"\n---\n", path: "backlog/sub/PAY-77.md");

        item.Id.Value.ShouldBe("PAY-77");
        item.HeaderSpan.ShouldBe(new SourceSpan(2, 1, 2, 13));
        item.Id.Span.ShouldBe(item.HeaderSpan);
    }

    [Fact]
    public void Title_defaults_to_the_first_level_1_heading()
    {
        var item = ParseItem("---\nid: PAY-1\n---\n\n## Context\n\n# The real title\n\n# A second title\n");

        item.Title.ShouldBe(new Located<string>("The real title", new SourceSpan(7, 1, 7, 17)));
    }

    [Fact]
    public void Title_key_wins_over_the_heading()
    {
        var item = ParseItem("---\nid: PAY-1\ntitle: From the key\n---\n# From the heading\n");

        item.Title.ShouldNotBeNull().Value.ShouldBe("From the key");
        item.Title.Span.Line.ShouldBe(3);
    }

    [Fact]
    public void Iso_date_time_is_read_as_its_utc_date()
    {
        var item = ParseItem("---\nid: PAY-1\ndue: 2026-12-01T23:00:00-05:00\n---\n");

        item.Due.ShouldNotBeNull().Value.ShouldBe(new DateOnly(2026, 12, 2));
    }

    [Fact]
    public void Placeholder_owner_is_no_owner_but_keeps_its_span()
    {
        var item = ParseItem("---\nid: PAY-1\nowner: TBD\n---\n");

        item.Owners.ShouldBeEmpty();
        item.OwnerSpan.ShouldBe(new SourceSpan(3, 8, 3, 11));
    }

    [Fact]
    public void Owners_list_and_comma_separated_owners_are_read()
    {
        var list = ParseItem("---\nid: PAY-1\nowners: [\"@alice\", \"@bob\"]\n---\n");
        var commas = ParseItem("---\nid: PAY-2\nowner: \"@alice, @bob\"\n---\n");

        list.Owners.Select(o => o.Value).ShouldBe(["@alice", "@bob"]);
        commas.Owners.Select(o => o.Value).ShouldBe(["@alice", "@bob"]);
    }

    private const string WithAgreements = """
        ---
        id: PAY-142
        owner: "@alice"
        ---
        # Move billing webhooks onto the queue

        ## Agreements
        - 2026-05-03 @payments @sre: webhooks are delivered at least once. review-by: 2026-11-01
        - 2026-06-01 @payments and @sre: retries back off. review-every: 90d

        1. 2026-07-01 @payments @ops: the queue keeps 7 days of messages.

        ## Tasks
        - [x] dual-write
        - [ ] cut over
        - not a task

        ## Notes
        - 2026-05-03 @payments @sre: this list is not under Agreements. review-by: 2020-01-01
        """;

    [Fact]
    public void Inline_agreement_has_its_date_parties_review_by_text_and_line()
    {
        var item = ParseItem(WithAgreements + "\n");

        var agreement = item.Agreements[0];
        const string Line = "- 2026-05-03 @payments @sre: webhooks are delivered at least once. review-by: 2026-11-01";
        agreement.Kind.ShouldBe(AgreementKind.Inline);
        agreement.Status.ShouldBe(StatusClass.InForce);
        agreement.Agreed.ShouldBe(new Located<DateOnly>(new DateOnly(2026, 5, 3), new SourceSpan(8, 3, 8, 13)));
        agreement.Parties.ShouldBe([
            new Located<string>("@payments", new SourceSpan(8, 14, 8, 23)),
            new Located<string>("@sre", new SourceSpan(8, 24, 8, 28)),
        ]);
        agreement.ReviewBy.ShouldBe(new Located<DateOnly>(new DateOnly(2026, 11, 1), new SourceSpan(8, 79, 8, 89)));
        agreement.ReviewEvery.ShouldBeNull();
        agreement.Text.ShouldBe("webhooks are delivered at least once.");
        agreement.SourceLine.ShouldBe(Line);
        agreement.Span.ShouldBe(new SourceSpan(8, 3, 8, Line.Length + 1));
    }

    [Fact]
    public void Inline_agreement_with_review_every_and_parties_joined_by_and()
    {
        var item = ParseItem(WithAgreements);

        var agreement = item.Agreements[1];
        agreement.Agreed.ShouldNotBeNull().Value.ShouldBe(new DateOnly(2026, 6, 1));
        agreement.Parties.Select(p => p.Value).ShouldBe(["@payments", "@sre"]);
        agreement.ReviewBy.ShouldBeNull();
        agreement.ReviewEvery.ShouldNotBeNull().Value.ShouldBe(new Period(90, PeriodUnit.Day));
        agreement.Text.ShouldBe("retries back off.");
        agreement.Span.Line.ShouldBe(9);
    }

    [Fact]
    public void Inline_agreement_party_span_ends_with_the_party()
    {
        var item = ParseItem("---\nid: PAY-1\n---\n## Agreements\n- 2026-01-01 agreed with @sre. Retries back off.\n");

        var party = item.Agreements.ShouldHaveSingleItem().Parties.ShouldHaveSingleItem();
        party.Value.ShouldBe("@sre");
        party.Span.ShouldBe(new SourceSpan(5, 26, 5, 30));
    }

    [Fact]
    public void Inline_agreement_span_starts_after_an_ordered_list_marker()
    {
        var item = ParseItem(WithAgreements);

        var agreement = item.Agreements[2];
        agreement.Span.Line.ShouldBe(11);
        agreement.Span.Column.ShouldBe(4);
        agreement.Agreed.ShouldNotBeNull().Span.ShouldBe(new SourceSpan(11, 4, 11, 14));
        agreement.Text.ShouldBe("the queue keeps 7 days of messages.");
    }

    [Fact]
    public void Lists_under_other_headings_are_not_agreements()
    {
        var item = ParseItem(WithAgreements);

        item.Agreements.Count.ShouldBe(3);
        item.Agreements.ShouldAllBe(a => a.Span.Line < 13);
    }

    [Fact]
    public void Task_list_entries_are_read_checked_and_unchecked()
    {
        var item = ParseItem(WithAgreements);

        item.Tasks.Select(t => (t.IsChecked, t.Span.Line)).ShouldBe([(true, 14), (false, 15)]);
        item.Tasks[1].Text.ShouldContain("cut over");
    }

    [Fact]
    public void Agreement_item_is_read_as_a_whole_item_agreement()
    {
        var item = ParseItem("""
            ---
            id: AGR-1
            type: agreement
            status: agreed
            parties: ["@payments", "@sre"]
            agreed: 2026-01-10
            review-every: 6m
            ---
            # Webhooks are delivered at least once
            """);

        var agreement = item.Agreements.ShouldHaveSingleItem();
        agreement.Kind.ShouldBe(AgreementKind.WholeItem);
        agreement.Status.ShouldBe(StatusClass.InForce);
        agreement.Text.ShouldBe("Webhooks are delivered at least once");
        agreement.Parties.Select(p => p.Value).ShouldBe(["@payments", "@sre"]);
        agreement.Agreed.ShouldNotBeNull().Value.ShouldBe(new DateOnly(2026, 1, 10));
        agreement.ReviewEvery.ShouldNotBeNull().Value.ShouldBe(new Period(6, PeriodUnit.Month));
        agreement.Span.ShouldBe(item.HeaderSpan);
        agreement.SourceLine.ShouldBeNull();
    }

    [Fact]
    public void Unterminated_front_matter_with_item_keys_is_a_syntax_problem_on_line_1()
    {
        var file = Parse("---\nid: PAY-1\nowner: \"@alice\"\n\n# Title\n");

        file.Item.ShouldBeNull();
        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.Syntax);
        problem.Span.Line.ShouldBe(1);
        problem.Message.ShouldContain("never closed");
    }

    [Fact]
    public void Unterminated_front_matter_without_item_keys_is_not_reported()
    {
        var file = Parse("---\ntitle: Meeting notes\n\nSome text.\n");

        file.Item.ShouldBeNull();
        file.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Unterminated_front_matter_is_not_reported_when_a_heading_comes_before_any_item_key()
    {
        var file = Parse("---\n# Meeting notes\n\nStatus: we agreed to ship.\n");

        file.Item.ShouldBeNull();
        file.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Syntax_error_in_front_matter_that_starts_with_a_yaml_comment_is_reported()
    {
        var file = Parse("---\n# Payments work item\nid: PAY-1\nowner: @dave\n---\n");

        file.Item.ShouldBeNull();
        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.Syntax);
        problem.Span.Line.ShouldBe(4);
    }

    [Fact]
    public void Yaml_comment_in_valid_front_matter_is_neither_a_key_nor_the_title()
    {
        var item = ParseItem("---\n# Payments work item\nid: PAY-1\n---\n# The title\n");

        item.Id.Value.ShouldBe("PAY-1");
        item.Title.ShouldNotBeNull().Value.ShouldBe("The title");
    }

    [Fact]
    public void Front_matter_without_item_keys_is_not_an_item()
    {
        var file = Parse("---\ntitle: Notes\ntags: [planning]\n---\n# Notes\n");

        file.Item.ShouldBeNull();
        file.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void File_without_front_matter_is_not_an_item()
    {
        var file = Parse("# Readme\n\nid: not front matter\n");

        file.Item.ShouldBeNull();
        file.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Declared_item_without_item_keys_is_an_item()
    {
        var file = Parse("---\ntitle: Notes\n---\n", path: "backlog/NOTE-1.md", declared: true);

        file.Item.ShouldNotBeNull().Id.Value.ShouldBe("NOTE-1");
    }

    [Fact]
    public void Unquoted_mention_is_a_syntax_problem_at_its_line_with_a_hint_to_quote_it()
    {
        var file = Parse("---\nid: PAY-1\nstatus: open\nowner: @dave\n---\n");

        file.Item.ShouldBeNull();
        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.Syntax);
        problem.Span.Line.ShouldBe(4);
        problem.Message.ShouldContain("quoted");
    }

    [Fact]
    public void Wrong_types_are_invalid_values_at_the_value_and_the_rest_is_read()
    {
        var file = Parse("""
            ---
            id: PAY-1
            status: doing
            owner:
              name: alice
            handoffs: sre
            due: 2026-12-01
            ---
            # Title
            """);

        var item = file.Item.ShouldNotBeNull();
        file.Problems.Select(p => (p.Kind, p.Key, p.Span.Line)).ShouldBe([
            (ParseProblemKind.InvalidValue, "owner", 5),
            (ParseProblemKind.InvalidValue, "handoffs", 6),
        ]);
        file.Problems[0].Message.ShouldContain("a map");
        file.Problems[1].Span.ShouldBe(new SourceSpan(6, 11, 6, 14));
        item.Id.Value.ShouldBe("PAY-1");
        item.Status.Class.ShouldBe(StatusClass.Active);
        item.Owners.ShouldBeEmpty();
        item.Handoffs.ShouldBeEmpty();
        item.Due.ShouldNotBeNull().Value.ShouldBe(new DateOnly(2026, 12, 1));
        item.Title.ShouldNotBeNull().Value.ShouldBe("Title");
    }

    [Fact]
    public void Bad_date_and_unknown_status_are_invalid_values_and_read_as_absent()
    {
        var file = Parse("---\nid: PAY-1\nstatus: someday\ndue: next week\n---\n");

        var item = file.Item.ShouldNotBeNull();
        file.Problems.Select(p => (p.Key, p.Span.Line)).ShouldBe([("status", 3), ("due", 4)]);
        item.Status.Class.ShouldBe(StatusClass.Unknown);
        item.Due.ShouldBeNull();
    }

    [Fact]
    public void Declared_item_with_empty_front_matter_is_an_item()
    {
        var file = Parse("---\n---\n# Empty\n", path: "backlog/PAY-5.md", declared: true);

        file.Problems.ShouldBeEmpty();
        var item = file.Item.ShouldNotBeNull();
        item.Id.Value.ShouldBe("PAY-5");
        item.Title.ShouldNotBeNull().Value.ShouldBe("Empty");
    }

    [Fact]
    public void Handoff_without_to_or_date_is_an_invalid_value_and_still_read()
    {
        var file = Parse("---\nid: PAY-1\nhandoffs:\n  - from: payments\n    accepted: 2026-10-03\n---\n");

        var handoff = file.Item.ShouldNotBeNull().Handoffs.ShouldHaveSingleItem();
        handoff.From.ShouldNotBeNull().Value.ShouldBe("payments");
        handoff.To.ShouldBeNull();
        var problem = file.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.InvalidValue);
        problem.Key.ShouldBe("handoffs");
        problem.Span.Line.ShouldBe(4);
        problem.Message.ShouldContain("'to'");
        problem.Message.ShouldContain("'date'");
    }

    [Fact]
    public void Handoffs_are_read_with_their_positions()
    {
        var item = ParseItem("""
            ---
            id: PAY-1
            handoffs:
              - from: payments
                to: sre
                date: 2026-10-01
                accepted: 2026-10-03
              - from: sre
                to: platform
                date: 2026-10-05
            ---
            """);

        item.Handoffs.Count.ShouldBe(2);
        var first = item.Handoffs[0];
        first.Index.ShouldBe(0);
        first.From.ShouldBe(new Located<string>("payments", new SourceSpan(4, 11, 4, 19)));
        first.To.ShouldBe(new Located<string>("sre", new SourceSpan(5, 9, 5, 12)));
        first.Accepted.ShouldNotBeNull().Value.ShouldBe(new DateOnly(2026, 10, 3));
        var second = item.Handoffs[1];
        second.Index.ShouldBe(1);
        second.Accepted.ShouldBeNull();
        second.Date.ShouldNotBeNull().Span.Line.ShouldBe(10);
    }
}
