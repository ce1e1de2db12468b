using System.Text;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Tests.Parsing;

public sealed class YamlReaderTests
{
    [Fact]
    public void Read_gives_1_based_spans_of_keys_and_values()
    {
        var (root, problem) = YamlReader.Read("id: PAY-1\nowner: \"@alice\"\n", firstLine: 1);

        problem.ShouldBeNull();
        var map = root.ShouldBeOfType<YamlMapping>();
        var owner = map.Find("owner").ShouldNotBeNull();
        owner.Key.Span.ShouldBe(new SourceSpan(2, 1, 2, 6));
        var value = owner.Value.ShouldBeOfType<YamlScalar>();
        value.Value.ShouldBe("@alice");
        value.IsPlain.ShouldBeFalse();
        value.Span.ShouldBe(new SourceSpan(2, 8, 2, 16));
    }

    [Fact]
    public void Read_adds_the_first_line_to_every_position()
    {
        var (root, _) = YamlReader.Read("id: PAY-1\nowner: \"@alice\"\n", firstLine: 2);

        var owner = root.ShouldBeOfType<YamlMapping>().Find("owner").ShouldNotBeNull();
        owner.Key.Span.ShouldBe(new SourceSpan(3, 1, 3, 6));
        owner.Value.Span.ShouldBe(new SourceSpan(3, 8, 3, 16));
    }

    [Fact]
    public void Read_adds_the_first_line_to_a_problem_position()
    {
        var (root, problem) = YamlReader.Read("id: A\nid: B\n", firstLine: 5);

        root.ShouldBeNull();
        problem.ShouldNotBeNull().Span.Line.ShouldBe(6);
    }

    [Theory]
    [InlineData("id: A\nassignee:\n  * alice\n  * bob\n", 3)]
    [InlineData("id: A\nassignee:\n* alice\n", 3)]
    public void A_markdown_list_is_said_plainly_where_it_is(string yaml, int line)
    {
        var (_, problem) = YamlReader.Read(yaml, firstLine: 2);

        problem!.Message.ShouldBe("front matter is not valid YAML: a list item starts with '- ', not '*' (YAML reads '*' as an alias); write '- value', or quote a value that starts with '*'");
        problem.Span.Line.ShouldBe(line + 1);
    }

    [Fact]
    public void Empty_document_has_no_root_and_no_problem()
    {
        var (root, problem) = YamlReader.Read("", firstLine: 2);

        root.ShouldBeNull();
        problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("id: A\nowner: x\nID: B\n")]
    [InlineData("id: A\nowner: x\nOwner: y\n")]
    [InlineData("id: A\nreview_by: x\nreview-by: y\n")]
    public void Duplicate_key_is_refused_at_the_second_key(string yaml)
    {
        var (root, problem) = YamlReader.Read(yaml, firstLine: 1);

        root.ShouldBeNull();
        var found = problem.ShouldNotBeNull();
        found.Kind.ShouldBe(ParseProblemKind.Syntax);
        found.Message.ShouldContain("duplicate key");
        found.Span.Line.ShouldBe(3);
        found.Span.Column.ShouldBe(1);
    }

    [Fact]
    public void Duplicate_key_in_a_nested_map_is_refused()
    {
        var (_, problem) = YamlReader.Read("handoffs:\n  - from: a\n    to: b\n    To: c\n", firstLine: 1);

        problem.ShouldNotBeNull().Span.Line.ShouldBe(4);
    }

    [Fact]
    public void Anchor_is_refused()
    {
        var (root, problem) = YamlReader.Read("id: A\nowner: &who alice\nteam: *who\n", firstLine: 1);

        root.ShouldBeNull();
        problem.ShouldNotBeNull().Message.ShouldContain("anchors");
        problem.Span.Line.ShouldBe(2);
    }

    [Fact]
    public void Alias_is_refused()
    {
        var (root, problem) = YamlReader.Read("id: A\nteam: *who\n", firstLine: 1);

        root.ShouldBeNull();
        problem.ShouldNotBeNull().Message.ShouldContain("aliases");
        problem.Span.Line.ShouldBe(2);
    }

    [Fact]
    public void Billion_laughs_returns_a_problem_instead_of_expanding()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var names = "abcdefghi";
        for (var level = 1; level < names.Length; level++)
        {
            var previous = "*" + names[level - 1];
            yaml.Append(names[level]).Append(": &").Append(names[level])
                .Append(" [").AppendJoin(',', Enumerable.Repeat(previous, 9)).Append("]\n");
        }

        var (root, problem) = YamlReader.Read(yaml.ToString(), firstLine: 2);

        root.ShouldBeNull();
        problem.ShouldNotBeNull().Kind.ShouldBe(ParseProblemKind.Syntax);
        problem.Span.Line.ShouldBe(2);
    }

    [Fact]
    public void Nesting_up_to_MaxDepth_is_read()
    {
        var yaml = new string('[', YamlReader.MaxDepth) + "x" + new string(']', YamlReader.MaxDepth);

        var (root, problem) = YamlReader.Read(yaml, firstLine: 1);

        problem.ShouldBeNull();
        root.ShouldBeOfType<YamlSequence>();
    }

    [Fact]
    public void Nesting_deeper_than_MaxDepth_is_refused()
    {
        var depth = YamlReader.MaxDepth + 1;
        var yaml = new string('[', depth) + "x" + new string(']', depth);

        var (root, problem) = YamlReader.Read(yaml, firstLine: 1);

        root.ShouldBeNull();
        problem.ShouldNotBeNull().Message.ShouldContain(YamlReader.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Very_deep_nesting_returns_a_problem_instead_of_overflowing_the_stack()
    {
        var yaml = "depends-on: " + new string('[', 20_000) + new string(']', 20_000) + "\n";

        var (root, problem) = YamlReader.Read(yaml, firstLine: 1);

        root.ShouldBeNull();
        problem.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("id: A\ndepends-on: [PAY-1, PAY-2\nowner: x\n")]
    [InlineData("depends-on: [PAY-1,")]
    [InlineData("[")]
    [InlineData("owner: {name: alice\n")]
    public void Unclosed_bracket_returns_a_problem_instead_of_throwing(string yaml)
    {
        var (root, problem) = YamlReader.Read(yaml, firstLine: 2);

        root.ShouldBeNull();
        var found = problem.ShouldNotBeNull();
        found.Kind.ShouldBe(ParseProblemKind.Syntax);
        found.Span.Line.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Plain_and_quoted_nulls_are_told_apart()
    {
        var (root, _) = YamlReader.Read("a: ~\nb: \"null\"\nc:\n", firstLine: 1);

        var map = root.ShouldBeOfType<YamlMapping>();
        map.Find("a")!.Value.ShouldBeOfType<YamlScalar>().IsNull.ShouldBeTrue();
        map.Find("b")!.Value.ShouldBeOfType<YamlScalar>().IsNull.ShouldBeFalse();
        map.Find("c")!.Value.ShouldBeOfType<YamlScalar>().IsNull.ShouldBeTrue();
    }

    [Fact]
    public void A_tab_used_as_indentation_is_reported_on_its_own_line()
    {
        var (_, problem) = YamlReader.Read("rules:\n\tBL0001: none\n", firstLine: 3);

        problem.ShouldNotBeNull().Span.Line.ShouldBe(4);
        problem.Message.ShouldContain("tab");
    }

    [Fact]
    public void The_nesting_limit_can_be_lowered()
    {
        YamlReader.Read("a: {b: {c: 1}}\n", firstLine: 1, maxDepth: 2).Problem.ShouldNotBeNull().Message.ShouldContain("deeper than 2");
        YamlReader.Read("a: {b: {c: 1}}\n", firstLine: 1, maxDepth: 4).Problem.ShouldBeNull();
    }
}
