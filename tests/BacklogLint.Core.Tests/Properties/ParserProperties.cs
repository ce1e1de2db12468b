using System.Text;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using BacklogLint.PropertyTesting;
using CsCheck;

namespace BacklogLint.Core.Tests.Properties;

/// <summary>Property: whatever bytes a file holds, reading it never throws, and every problem it reports points
/// inside the file.</summary>
public sealed class ParserProperties
{
    private static readonly WorkItemParser Parser = new(StatusVocabulary.CreateDefault());

    private static void ParsesWithProblemsInsideTheFile(byte[] bytes, bool declared)
    {
        var text = SourceText.Decode(bytes, out var problem);
        if (text is null)
        {
            problem.ShouldNotBeNullOrEmpty();
            return;
        }

        var parsed = Parser.Parse("backlog/item.md", text, declared);
        var lastLine = text.LineCount + 1;
        foreach (var found in parsed.Problems)
        {
            var span = found.Span;
            span.Line.ShouldBeInRange(1, lastLine, found.Message);
            span.EndLine.ShouldBeInRange(span.Line, lastLine, found.Message);
            span.Column.ShouldBeGreaterThanOrEqualTo(1, found.Message);
            span.EndColumn.ShouldBeGreaterThanOrEqualTo(1, found.Message);
            found.Message.ShouldNotBeNullOrWhiteSpace();
        }

        if (parsed.Item is { } item)
        {
            item.Path.ShouldBe("backlog/item.md");
            item.Id.Value.ShouldNotBeNull();
        }
    }

    [Fact]
    public void Any_generated_or_mutated_file_parses_without_throwing_and_problems_point_inside_it() =>
        PropertyRun.ForAll(Gen.Select(HostileInput.File, Gen.Bool), PropertyRun.Iterations(400), seed: 20261123,
            input => ParsesWithProblemsInsideTheFile(input.Item1, input.Item2));

    [Fact]
    public void Random_bytes_parse_without_throwing() =>
        PropertyRun.ForAll(Gen.Select(Gen.Byte.Array[0, 400], Gen.Bool), PropertyRun.Iterations(300), seed: 424242,
            input => ParsesWithProblemsInsideTheFile([.. "---\n"u8, .. input.Item1], input.Item2));

    [Fact]
    public void Valid_items_parse_into_items() =>
        PropertyRun.ForAll(HostileInput.ValidItem, PropertyRun.Iterations(200), seed: 7,
            text =>
            {
                var parsed = Parser.Parse("backlog/item.md", new SourceText(text), isDeclaredItem: false);
                parsed.Item.ShouldNotBeNull(string.Join("; ", parsed.Problems.Select(p => p.Message)) + "\n" + text);
                parsed.Problems.Where(p => p.Kind == ParseProblemKind.Syntax).ShouldBeEmpty(text);
            });

    [Theory]
    [InlineData(10_000, false)]
    [InlineData(10_000, true)]
    [InlineData(65, false)]
    public void Deep_flow_nesting_is_refused(int depth, bool map)
    {
        var text = "---\nid: PAY-1\nstatus: "
            + (map ? string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) : new string('[', depth) + "1" + new string(']', depth))
            + "\n---\n";

        var parsed = Parser.Parse("backlog/PAY-1.md", new SourceText(text), isDeclaredItem: false);

        parsed.Item.ShouldBeNull();
        parsed.Problems.ShouldHaveSingleItem().Kind.ShouldBe(ParseProblemKind.Syntax);
    }

    [Fact]
    public void Billion_laughs_is_refused()
    {
        var text = "---\nid: PAY-1\nstatus: todo\n" + HostileInput.BillionLaughs + "---\n";

        var parsed = Parser.Parse("backlog/PAY-1.md", new SourceText(text), isDeclaredItem: false);

        parsed.Item.ShouldBeNull();
        parsed.Problems.ShouldHaveSingleItem().Message.ShouldContain("not supported");
    }

    [Fact]
    public void Utf16_items_read_as_their_utf8_twins()
    {
        const string Text = "---\nid: PAY-1\nstatus: todo\n---\n# Title\n";
        var utf16 = SourceText.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)], out _).ShouldNotBeNull();

        Parser.Parse("a.md", utf16, false).Item.ShouldNotBeNull().Id.Value.ShouldBe("PAY-1");
    }
}
