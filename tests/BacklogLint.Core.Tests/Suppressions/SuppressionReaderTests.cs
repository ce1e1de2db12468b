using BacklogLint.Core.Parsing;
using BacklogLint.Core.Suppressions;

namespace BacklogLint.Core.Tests.Suppressions;

public sealed class SuppressionReaderTests
{
    private static (List<Suppression> Suppressions, List<ParseProblem> Problems) Read(string text, int frontMatterLastLine = 0, YamlMapping? frontMatter = null)
    {
        var problems = new List<ParseProblem>();
        return (SuppressionReader.Read(new SourceText(text), frontMatterLastLine, frontMatter, problems), problems);
    }

    [Theory]
    [InlineData("<!-- backloglint-disable-next-line BL0301: waiting on vendor -->", "BL0301", "waiting on vendor", null)]
    [InlineData("<!-- backloglint-disable-next-line BL0301 until 2027-01-31: waiting on vendor -->", "BL0301", "waiting on vendor", "2027-01-31")]
    [InlineData("<!-- backloglint-disable-next-line BL0301: waiting on vendor until 2027-01-31 -->", "BL0301", "waiting on vendor", "2027-01-31")]
    [InlineData("<!-- backloglint-disable-next-line BL0301, stale-agreement -->", "BL0301,stale-agreement", null, null)]
    [InlineData("<!-- backloglint-disable-next-line -->", "", null, null)]
    public void Directive_arguments_give_rules_reason_and_expiry(string line, string rules, string? reason, string? until)
    {
        var (suppressions, problems) = Read("# Title\n" + line + "\ntext\n");

        problems.ShouldBeEmpty();
        var suppression = suppressions.ShouldHaveSingleItem();
        suppression.Kind.ShouldBe(SuppressionKind.NextLine);
        string.Join(',', suppression.Rules).ShouldBe(rules);
        suppression.Reason.ShouldBe(reason);
        suppression.Until.ShouldBe(until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));
        (suppression.FirstLine, suppression.LastLine).ShouldBe((3, 3));
    }

    [Fact]
    public void Yaml_comments_are_directives_only_in_the_front_matter()
    {
        const string Text = "---\nid: PAY-1  # backloglint-disable-line BL0001: hiring\n---\n# backloglint-disable-line BL0001: a heading, not a directive\n";

        var (suppressions, _) = Read(Text, frontMatterLastLine: 3);

        var suppression = suppressions.ShouldHaveSingleItem();
        suppression.Kind.ShouldBe(SuppressionKind.Line);
        (suppression.FirstLine, suppression.LastLine).ShouldBe((2, 2));
        suppression.Span.Line.ShouldBe(2);
        suppression.Span.Column.ShouldBe(12);
    }

    [Fact]
    public void Each_range_keeps_the_enables_after_it_which_end_it_only_for_the_rules_they_name()
    {
        const string Text = """
            <!-- backloglint-disable BL0101: renegotiating -->
            <!-- backloglint-disable BL0301: vendor -->
            a
            <!-- backloglint-enable BL0101 -->
            b
            """;

        var (suppressions, _) = Read(Text);

        suppressions.Select(s => (string.Join(',', s.Rules), s.FirstLine, s.Ends.Single().Line)).ShouldBe([("BL0101", 1, 4), ("BL0301", 2, 4)]);
        suppressions[0].Covers(5, rule => rule == "BL0101").ShouldBeFalse();
        suppressions[1].Covers(5, rule => rule == "BL0301").ShouldBeTrue("the enable names BL0101 only");
    }

    [Fact]
    public void Enable_without_rules_closes_every_open_range()
    {
        var (suppressions, _) = Read("<!-- backloglint-disable BL0101 -->\n<!-- backloglint-disable -->\nx\n<!-- backloglint-enable -->\n");

        suppressions.ShouldAllBe(s => s.Covers(4, _ => false) && !s.Covers(5, _ => false));
    }

    [Fact]
    public void Two_directives_on_one_line_are_both_read()
    {
        var (suppressions, _) = Read("<!-- backloglint-disable-line BL0001 --> text <!-- backloglint-disable-line BL0301: old -->\n");

        suppressions.Select(s => s.Rules.Single()).ShouldBe(["BL0001", "BL0301"]);
    }

    [Fact]
    public void A_bad_until_date_is_an_invalid_value_and_the_suppression_never_expires()
    {
        var (suppressions, problems) = Read("<!-- backloglint-disable-next-line BL0001 until 2027-02-30: hiring -->\n");

        problems.ShouldHaveSingleItem().Kind.ShouldBe(ParseProblemKind.InvalidValue);
        suppressions.ShouldHaveSingleItem().Until.ShouldBeNull();
    }

    [Fact]
    public void Front_matter_suppress_takes_a_reason_or_a_map_and_covers_the_whole_item()
    {
        var (root, _) = YamlReader.Read("suppress:\n  BL0301: \"until 2027-03-31: vendor\"\n  missing-owner: { reason: hiring, until: 2027-01-31 }\n  BL0002:\n", firstLine: 2);

        var (suppressions, problems) = Read("---\n\n\n\n\n---\n", 5, (YamlMapping)root!);

        problems.ShouldBeEmpty();
        suppressions.Select(s => (s.Kind, s.Rules.Single(), s.Reason, s.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .ShouldBe([
                (SuppressionKind.Item, "BL0301", "vendor", "2027-03-31"),
                (SuppressionKind.Item, "missing-owner", "hiring", "2027-01-31"),
                (SuppressionKind.Item, "BL0002", null, null),
            ]);
        suppressions.ShouldAllBe(s => s.FirstLine == 1 && s.LastLine == int.MaxValue);
    }

    [Fact]
    public void Front_matter_suppress_of_the_wrong_shape_is_an_invalid_value()
    {
        var (root, _) = YamlReader.Read("suppress: [BL0301]\n", firstLine: 2);

        var (suppressions, problems) = Read("---\n\n---\n", 2, (YamlMapping)root!);

        suppressions.ShouldBeEmpty();
        problems.ShouldHaveSingleItem().Message.ShouldContain("'suppress' should be a map");
    }
}
