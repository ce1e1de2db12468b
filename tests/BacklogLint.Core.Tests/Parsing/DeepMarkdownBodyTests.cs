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

    [Fact]
    public void Links_and_tasks_are_read_in_document_order_from_every_block_and_inline_that_holds_them()
    {
        var text = """
            ---
            id: PAY-1
            status: todo
            ---
            # Title with [a](a.md)

            > Quoted *emphasis with [b](b.md) and **strong [c](c.md)***.
            >
            > - [ ] quoted task with [d](d.md)

            | col | col |
            |-----|-----|
            | [e](e.md) | ![image](i.png) [f](f.md) |

            - [x] done [g **strong**](g.md) and **[h](h.md)**
              - nested [i](i.md)

            [j][ref]

            [ref]: j.md
            """;

        var item = Parser.Parse("backlog/PAY-1.md", new SourceText(text), isDeclaredItem: false).Item.ShouldNotBeNull();

        item.Links.Select(link => link.Target).ShouldBe(["a.md", "b.md", "c.md", "d.md", "e.md", "f.md", "g.md", "h.md", "i.md", "j.md"]);
        item.Tasks.Select(task => task.IsChecked).ShouldBe([false, true]);
    }

    [Fact]
    public void Inlines_nested_far_deeper_than_a_call_stack_allows_are_read_without_exhausting_it()
    {
        // Emphasis nested 100,000 deep, a link inside: Markdig builds the tree without recursing; reading it must not
        // recurse either (a stack overflow ends the process, so no file may cause one).
        var depth = 100_000;
        var text = "---\nid: PAY-1\nstatus: todo\n---\n" + new string('*', depth) + "[deep](deep.md)" + new string('*', depth) + "\n";

        var item = Parser.Parse("backlog/PAY-1.md", new SourceText(text), isDeclaredItem: false).Item.ShouldNotBeNull();

        item.Links.ShouldHaveSingleItem().Target.ShouldBe("deep.md");
    }
}
