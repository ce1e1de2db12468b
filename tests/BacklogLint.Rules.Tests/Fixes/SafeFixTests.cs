using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Session;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests.Fixes;

/// <summary>Each safe fix applied on a real git repository, as <c>check --fix</c> applies it: the file is written, it
/// parses, and the finding is gone; and where a fix would be a guess, there is none.</summary>
public sealed class SafeFixTests : IDisposable
{
    private static readonly FixedTimeProvider Time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    /// <summary>Commits the files, applies every safe fix and writes them; returns what remains, read again from disk.</summary>
    private (FixRun Run, List<Diagnostic> Remaining) FixAll(Dictionary<string, string> files)
    {
        foreach (var (path, text) in files) _repository.Write(path, text);
        _repository.Commit("2026-11-20");
        var session = LintSession.Open(_repository.Path, null, new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), Time);
        var repository = session.LoadWorkingTree();
        var run = session.Fix(repository, session.Analyze(repository));
        var (written, notWritten) = session.WriteFixes(run.Outcome);
        notWritten.ShouldBeEmpty();
        written.ShouldBe(run.Outcome.Files.Select(file => file.Path).ToList());
        var reread = session.LoadWorkingTree();
        var remaining = session.Reported(session.Analyze(reread).Diagnostics);
        FindingText.Of(remaining).ShouldBe(FindingText.Of(session.Reported(run.Result.Diagnostics)), "what the fix run says remains is what is on disk");
        return (run, remaining);
    }

    private string Read(string path) => File.ReadAllText(_repository.FullPath(path));

    private static void ShouldParse(List<Diagnostic> remaining, string path) =>
        remaining.Where(d => d.Path == path && d.Id is RuleIds.InvalidFrontMatter or RuleIds.InvalidFieldValue).ShouldBeEmpty();

    [Fact]
    public void An_unused_front_matter_suppression_is_removed_with_its_key()
    {
        var (run, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\nsuppress:\n  BL0001: \"nobody owns it yet\"\n---\n# Retry policy\n",
        });

        Read("backlog/PAY-1.md").ShouldBe("---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\n---\n# Retry policy\n");
        run.Outcome.Applied.ShouldHaveSingleItem().Diagnostic.Id.ShouldBe(RuleIds.UnusedSuppression);
        remaining.ShouldBeEmpty();
    }

    [Fact]
    public void Two_unused_entries_of_one_map_go_in_two_passes_and_take_the_key_with_them()
    {
        var (run, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\nsuppress:\n  BL0001: \"a\"\n  BL0302: b\n---\n# Retry policy\n",
        });

        Read("backlog/PAY-1.md").ShouldBe("---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\n---\n# Retry policy\n");
        run.Outcome.Passes.ShouldBe(2, "the two lines touch, so the second waits for the next pass");
        remaining.ShouldBeEmpty();
    }

    [Fact]
    public void One_unused_entry_of_a_flow_map_is_cut_out_and_the_used_one_stays()
    {
        var (_, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: todo\nsuppress: { BL0302: \"not dated\", BL0001: \"hiring\" }\n---\n# Nobody owns it\n",
        });

        Read("backlog/PAY-1.md").ShouldBe("---\nid: PAY-1\nstatus: todo\nsuppress: { BL0001: \"hiring\" }\n---\n# Nobody owns it\n");
        remaining.ShouldBeEmpty();
    }

    [Fact]
    public void Unused_comment_directives_are_removed_alone_on_their_line_or_cut_out_of_it()
    {
        var (_, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"  # backloglint-disable-line BL0001: hiring\n---\n# Title\n\n"
                + "<!-- backloglint-disable-next-line BL0301: vendor -->\nSome text.\n\n<!-- backloglint-disable BL0304 -->\n- [ ] a task\n<!-- backloglint-enable BL0304 -->\nEnd <!-- backloglint-disable-line BL0302 --> here.\n",
        });

        Read("backlog/PAY-1.md").ShouldBe("---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\n---\n# Title\n\nSome text.\n\n- [ ] a task\nEnd here.\n");
        remaining.ShouldBeEmpty();
    }

    [Fact]
    public void A_bare_mention_is_quoted_and_the_item_reads()
    {
        var (_, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: todo\nowner: @alice # the lead\nreviewers: [@bob, @carol]\n---\n# Webhooks\n",
        });

        Read("backlog/PAY-1.md").ShouldBe("---\nid: PAY-1\nstatus: todo\nowner: \"@alice\" # the lead\nreviewers: [\"@bob\", \"@carol\"]\n---\n# Webhooks\n");
        ShouldParse(remaining, "backlog/PAY-1.md");
        remaining.ShouldBeEmpty();
    }

    [Fact]
    public void A_bare_mention_in_front_matter_broken_otherwise_too_is_left_alone()
    {
        var (run, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: [todo\nowner: @alice\n---\n# Webhooks\n",
            ["backlog/PAY-2.md"] = "---\nid: PAY-2\nstatus: done\nowner: \"@bob\"\n---\n# Queue\n",
        });

        run.Outcome.Applied.ShouldBeEmpty();
        remaining.ShouldHaveSingleItem().Id.ShouldBe(RuleIds.InvalidFrontMatter);
    }

    [Theory]
    [InlineData("in-progres", "in-progress")]
    [InlineData("\"Bloked\"", "\"blocked\"")]
    [InlineData("in progess", "in-progress")]
    public void A_status_typo_of_one_known_word_is_that_word(string written, string expected)
    {
        var (_, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = $"---\nid: PAY-1\nstatus: {written}\nowner: \"@alice\"\nupdated: 2026-11-20\ndepends-on: [PAY-2]\n---\n# Webhooks\n",
            ["backlog/PAY-2.md"] = "---\nid: PAY-2\nstatus: todo\nowner: \"@bob\"\n---\n# Queue\n",
        });

        Read("backlog/PAY-1.md").ShouldContain($"\nstatus: {expected}\n");
        ShouldParse(remaining, "backlog/PAY-1.md");
        remaining.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("cancelld", "two known words (cancelled, canceled) are that close")]
    [InlineData("finished", "no known word is close")]
    [InlineData("{proposed | accepted}", "a template's choices are no typo")]
    public void A_status_that_is_no_typo_of_exactly_one_word_is_left_alone(string written, string why)
    {
        var (run, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = $"---\nid: PAY-1\nstatus: \"{written}\"\nowner: \"@alice\"\n---\n# Webhooks\n",
        });

        run.Outcome.Applied.ShouldBeEmpty(why);
        remaining.ShouldHaveSingleItem().Id.ShouldBe(RuleIds.InvalidFieldValue);
    }

    [Fact]
    public void An_agreement_status_is_matched_against_the_agreement_words()
    {
        var (_, remaining) = FixAll(new()
        {
            ["agreements/AGR-1.md"] = "---\nid: AGR-1\ntype: agreement\nstatus: aproved\nparties: [payments, sre]\nagreed: 2026-11-01\n---\n# Webhooks at least once\n",
        });

        Read("agreements/AGR-1.md").ShouldContain("\nstatus: approved\n");
        remaining.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-12-1", "2026-12-01")]
    [InlineData("2026/12/01", "2026-12-01")]
    [InlineData("\"2026.12.1\"", "\"2026-12-01\"")]
    public void A_date_almost_in_the_format_is_written_in_it(string written, string expected)
    {
        var (_, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = $"---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\ndue: {written}\n---\n# Webhooks\n",
        });

        Read("backlog/PAY-1.md").ShouldContain($"\ndue: {expected}\n");
        remaining.ShouldBeEmpty();
    }

    [Fact]
    public void A_handoff_date_is_fixed_as_well()
    {
        var (_, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: todo\nowner: \"@carol\"\nteam: sre\nhandoffs:\n  - from: payments\n    to: sre\n    date: 2026-11-2\n    accepted: 2026-11-03\n---\n# Webhooks\n",
            ["backlog/SRE-1.md"] = "---\nid: SRE-1\nstatus: todo\nowner: \"@dave\"\nteam: payments\n---\n# Pager\n",
        });

        Read("backlog/PAY-1.md").ShouldContain("    date: 2026-11-02\n");
        remaining.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2025-30-01", "the month and day may be swapped, or a digit mistyped")]
    [InlineData("2026-02-30", "there is no 30 February")]
    [InlineData("next week", "not a date at all")]
    public void A_date_with_more_than_one_reading_is_left_alone(string written, string why)
    {
        var (run, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = $"---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\ndue: {written}\n---\n# Webhooks\n",
        });

        run.Outcome.Applied.ShouldBeEmpty(why);
        remaining.ShouldHaveSingleItem().Id.ShouldBe(RuleIds.InvalidFieldValue);
    }

    [Fact]
    public void A_link_to_a_file_git_saw_renamed_points_where_it_went_with_its_anchor()
    {
        _repository.Write("backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\n---\n# Webhooks\n\nSee [the design](design.md#retries) and [again](design.md).\n")
            .Write("backlog/design.md", "# Design\n\nRetries, backoff and the dead-letter queue, written at length so that git pairs the rename.\n")
            .Commit("2026-10-01");
        Directory.CreateDirectory(_repository.FullPath("docs/designs"));
        File.Move(_repository.FullPath("backlog/design.md"), _repository.FullPath("docs/designs/webhooks.md"));

        var (run, remaining) = FixAll([]);

        Read("backlog/PAY-1.md").ShouldEndWith("See [the design](../docs/designs/webhooks.md#retries) and [again](../docs/designs/webhooks.md).\n");
        run.Outcome.Applied.ShouldHaveSingleItem().Diagnostic.Fix!.Edits.Count.ShouldBe(2, "every link to the file in the item");
        remaining.ShouldBeEmpty();
    }

    [Fact]
    public void A_link_to_a_deleted_file_or_one_that_differs_in_case_is_left_alone()
    {
        _repository.Write("backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\n---\n# Webhooks\n\n[gone](gone.md) and [case](Design.md)\n")
            .Write("backlog/gone.md", "# Gone\n")
            .Write("backlog/design.md", "# Design\n")
            .Commit("2026-10-01");
        File.Delete(_repository.FullPath("backlog/gone.md"));

        var (run, remaining) = FixAll([]);

        run.Outcome.Applied.ShouldBeEmpty();
        remaining.Select(d => d.Id).ShouldBe([RuleIds.UnknownReference, RuleIds.UnknownReference]);
    }

    [Fact]
    public void Nothing_adds_an_acceptance_to_a_handoff()
    {
        var (run, remaining) = FixAll(new()
        {
            ["backlog/PAY-1.md"] = "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\nteam: payments\nhandoffs:\n  - from: payments\n    to: sre\n    date: 2026-10-01\n---\n# Webhooks\n",
            ["backlog/SRE-1.md"] = "---\nid: SRE-1\nstatus: todo\nowner: \"@carol\"\nteam: sre\n---\n# Pager\n",
        });

        run.Outcome.Applied.ShouldBeEmpty();
        remaining.ShouldHaveSingleItem().Id.ShouldBe(RuleIds.UnacceptedHandoff);
        remaining[0].Fix.ShouldBeNull("accepting a handoff is a person's decision");
    }

    [Fact]
    public void A_crlf_file_with_a_byte_order_mark_keeps_both()
    {
        var text = "---\r\nid: PAY-1\r\nstatus: todo\r\nowner: @alice\r\nsuppress:\r\n  BL0302: \"later\"\r\n---\r\n# Webhooks\r\n";
        _repository.WriteBytes("backlog/PAY-1.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]);

        var (_, remaining) = FixAll([]);

        var bytes = File.ReadAllBytes(_repository.FullPath("backlog/PAY-1.md"));
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        System.Text.Encoding.UTF8.GetString(bytes[3..]).ShouldBe("---\r\nid: PAY-1\r\nstatus: todo\r\nowner: \"@alice\"\r\n---\r\n# Webhooks\r\n");
        remaining.ShouldBeEmpty();
    }
}
