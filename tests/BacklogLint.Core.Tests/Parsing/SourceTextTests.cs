using System.Text;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Core.Tests.Parsing;

public sealed class SourceTextTests
{
    private const string Sample = "id: PAY-1\nowner: \"@élodie\"\n";

    [Fact]
    public void Decode_utf16_little_endian_with_bom_gives_the_text()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)];

        var source = SourceText.Decode(bytes, out var problem);

        problem.ShouldBeNull();
        source.ShouldNotBeNull().Text.ShouldBe(Sample);
    }

    [Fact]
    public void Decode_utf16_big_endian_with_bom_gives_the_text()
    {
        byte[] bytes = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)];

        var source = SourceText.Decode(bytes, out var problem);

        problem.ShouldBeNull();
        source.ShouldNotBeNull().Text.ShouldBe(Sample);
    }

    [Fact]
    public void Decode_utf8_with_bom_drops_the_bom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)];

        var source = SourceText.Decode(bytes, out var problem);

        problem.ShouldBeNull();
        source.ShouldNotBeNull().Text.ShouldBe(Sample);
        source.Line(1).ShouldBe("id: PAY-1");
    }

    [Fact]
    public void Decode_utf8_without_bom_gives_the_text()
    {
        var source = SourceText.Decode(Encoding.UTF8.GetBytes(Sample), out var problem);

        problem.ShouldBeNull();
        source.ShouldNotBeNull().Text.ShouldBe(Sample);
    }

    [Fact]
    public void Decode_bytes_with_nul_returns_null_with_a_reason()
    {
        byte[] bytes = [.. "---\nid: A\n"u8, 0x00, .. "---\n"u8];

        var source = SourceText.Decode(bytes, out var problem);

        source.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("NUL");
    }

    [Fact]
    public void Decode_invalid_utf8_gives_the_text_with_replacement_characters_and_a_problem()
    {
        byte[] bytes = [.. "title: caf"u8, 0xC3, 0x28, .. "\nid: A\n"u8];

        var source = SourceText.Decode(bytes, out var problem);

        problem.ShouldNotBeNull().ShouldContain("UTF-8");
        source.ShouldNotBeNull().Text.ShouldContain('\uFFFD');
        source.Line(2).ShouldBe("id: A");
    }

    [Theory]
    [InlineData("a\nb\nc\n")]
    [InlineData("a\nb\nc")]
    [InlineData("a\r\nb\r\nc\r\n")]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("a\rb\rc\r")]
    [InlineData("a\rb\rc")]
    [InlineData("a\r\nb\nc\r")]
    public void Lines_end_at_lf_crlf_and_lone_cr_with_or_without_a_trailing_newline(string text)
    {
        var source = new SourceText(text);

        source.LineCount.ShouldBe(3);
        source.Line(1).ShouldBe("a");
        source.Line(2).ShouldBe("b");
        source.Line(3).ShouldBe("c");
    }

    [Fact]
    public void A_lone_cr_before_a_crlf_ends_a_line_of_its_own()
    {
        var source = new SourceText("a\r\r\nb");

        source.LineCount.ShouldBe(3);
        source.Line(2).ShouldBe("");
        source.Line(3).ShouldBe("b");
        source.LineStart(3).ShouldBe(4);
    }

    [Fact]
    public void Empty_lines_are_counted()
    {
        var source = new SourceText("a\n\n\nd\n");

        source.LineCount.ShouldBe(4);
        source.Line(2).ShouldBe("");
        source.Line(3).ShouldBe("");
        source.Line(4).ShouldBe("d");
    }

    [Fact]
    public void Line_outside_the_text_is_empty()
    {
        var source = new SourceText("a\nb\n");

        source.Line(0).ShouldBe("");
        source.Line(99).ShouldBe("");
    }

    [Fact]
    public void LineStart_gives_the_offset_after_the_previous_line_break()
    {
        var source = new SourceText("ab\r\ncd\ref\ngh");

        source.LineStart(1).ShouldBe(0);
        source.LineStart(2).ShouldBe(4);
        source.LineStart(3).ShouldBe(7);
        source.LineStart(4).ShouldBe(10);
        source.Text[source.LineStart(4)..].ShouldBe("gh");
    }
}
