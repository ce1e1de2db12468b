using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Tests.Parsing;

/// <summary>Found by the property tests: Markdig throws ArgumentException ("too deeply nested") for a body nested
/// past its limit, which escaped the parser and crashed the whole run.</summary>
public sealed class DeepMarkdownBodyTests
{
    private static readonly WorkItemParser Parser = new(StatusVocabulary.CreateDefault());

    public static TheoryData<string> DeepBodies => new()
    {
        string.Concat(Enumerable.Repeat("> - ", 200)) + "2026-01-01 @x @y: q\n",
        string.Concat(Enumerable.Repeat("- ", 2_000)) + "x\n",
        new string('>', 2_000) + " x\n",
    };

    [Theory]
    [MemberData(nameof(DeepBodies))]
    public void A_body_too_deep_for_Markdig_is_a_problem_and_the_item_keeps_its_front_matter(string body)
    {
        var text = "---\nid: PAY-1\nstatus: todo\nowner: \"@alice\"\n---\n" + body;

        var parsed = Parser.Parse("backlog/PAY-1.md", new SourceText(text), isDeclaredItem: false);

        var item = parsed.Item.ShouldNotBeNull();
        item.Id.Value.ShouldBe("PAY-1");
        item.Owners.ShouldHaveSingleItem().Value.ShouldBe("@alice");
        var problem = parsed.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ParseProblemKind.Syntax);
        problem.Key.ShouldBe("body");
        problem.Message.ShouldContain("Markdown body cannot be read");
    }
}
