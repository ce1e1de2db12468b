using System.Text.RegularExpressions;

namespace BacklogLint.Reporting.Tests;

public sealed partial class MarkdownTextTests
{
    private const string Break = MarkdownText.MentionBreak;

    [Theory]
    [InlineData("@everyone", "@" + Break + "everyone")]
    [InlineData("@org/team", "@" + Break + "org\\/team")]
    [InlineData("email@example.com", "email@" + Break + "example\\.com")]
    [InlineData("ping @alice and @bob", "ping @" + Break + "alice and @" + Break + "bob")]
    [InlineData("``` @alice ```", "\\`\\`\\` @" + Break + "alice \\`\\`\\`")]
    public void Mentions_are_broken_by_a_zero_width_space(string text, string expected)
    {
        MarkdownText.Escape(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("unknown status 'in-progres' (did you mean in-progress?)", "unknown status 'in-progres' (did you mean in-progress?)")]
    [InlineData("<img src=x> **bold** [link](https://x) `code`", "\\<img src=x\\> \\*\\*bold\\*\\* \\[link\\](https://x) \\`code\\`")]
    [InlineData("line\nbreak & #1 | ~x~", "line break \\& \\#1 \\| \\~x\\~")]
    public void An_editor_gets_backslashes_only_before_markup(string text, string expected)
    {
        MarkdownText.EscapeForEditor(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("#12", "\\#" + Break + "12")]
    [InlineData("org/repo#3", "org\\/repo\\#" + Break + "3")]
    public void Issue_references_are_broken_too(string text, string expected)
    {
        MarkdownText.Escape(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;\\/script&gt;")]
    [InlineData("<!-- hidden -->", "&lt;\\!\\-\\- hidden \\-\\-&gt;")]
    [InlineData("&amp; &#64;bob", "&amp;amp\\; &amp;\\#" + Break + "64\\;bob")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    public void Html_and_entities_come_through_as_text(string text, string expected)
    {
        MarkdownText.Escape(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("a | b", "a \\| b")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("[link](https://evil.example)", "\\[link\\]\\(https\\:\\/\\/evil\\.example\\)")]
    [InlineData("![img](x)", "\\!\\[img\\]\\(x\\)")]
    [InlineData("*bold* _em_ ~~s~~", "\\*bold\\* \\_em\\_ \\~\\~s\\~\\~")]
    [InlineData("# head", "\\#" + Break + " head")]
    [InlineData("$x$ :+1: ^", "\\$x\\$ \\:\\+1\\: \\^")]
    [InlineData("back\\slash", "back\\\\slash")]
    public void Markdown_punctuation_is_backslash_escaped(string text, string expected)
    {
        MarkdownText.Escape(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("one\ntwo", "one two")]
    [InlineData("one\r\ntwo", "one  two")]
    [InlineData("one\u2028two\u2029three\u0085four", "one two three four")]
    [InlineData("tab\there\0nul", "tab here nul")]
    [InlineData("a\u202Eevil\u202Cb", "aevilb")]
    public void Text_stays_on_one_line_and_reads_as_written(string text, string expected)
    {
        MarkdownText.Escape(text).ShouldBe(expected);
    }

    [Fact]
    public void Workflow_commands_cannot_start_a_line_or_appear_at_all()
    {
        var escaped = MarkdownText.Escape("x\n::set-output name=a::b\r\n::stop-commands::tok\n::error::pwned %0A");

        escaped.ShouldNotContain("\n");
        escaped.ShouldNotContain("::");
        escaped.ShouldContain("%0A");
    }

    [Fact]
    public void Letters_digits_and_non_ascii_text_are_kept()
    {
        MarkdownText.Escape("PAY 142 é 日本 🎉").ShouldBe("PAY 142 é 日本 🎉");
    }

    [Fact]
    public void Null_and_empty_are_empty()
    {
        MarkdownText.Escape(null).ShouldBe("");
        MarkdownText.Escape("").ShouldBe("");
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis_before_escaping()
    {
        MarkdownText.Escape(new string('a', 600), 100).ShouldBe(new string('a', 99) + "…");
        MarkdownText.Escape("<<<<<", 3).ShouldBe("&lt;&lt;…");
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        var text = "ab🎉cd";

        MarkdownText.Truncate(text, 4).ShouldBe("ab…");
        MarkdownText.Truncate(text, 5).ShouldBe("ab🎉…");
        MarkdownText.Truncate(text, 6).ShouldBe(text);
    }

    [Theory]
    [InlineData("https://github.com/acme/planning/blob/abc/backlog/PAY-1.md#L3", "https://github.com/acme/planning/blob/abc/backlog/PAY-1.md#L3")]
    [InlineData("https://x.example/a b)c(d|e<f>\"`\\", "https://x.example/a%20b%29c%28d%7Ce%3Cf%3E%22%60%5C")]
    [InlineData("https://x.example/é", "https://x.example/%C3%A9")]
    [InlineData("https://x.example/[a]\n", "https://x.example/%5Ba%5D%0A")]
    public void Url_encodes_what_would_end_a_link_or_a_table_cell(string url, string expected)
    {
        MarkdownText.Url(url).ShouldBe(expected);
    }

    [Fact]
    public void Every_hostile_escape_renders_only_escaped_punctuation_entities_and_mention_breaks()
    {
        var escaped = MarkdownText.Escape(Findings.Hostile, 10_000);

        // What is left once escapes, entities and breaks are taken out is letters, digits, spaces and non-ASCII text.
        var rest = Escapes().Replace(escaped, "");
        rest.ShouldMatch(@"^[\p{L}\p{N}\p{Z}\p{So}…]*$");
    }

    [GeneratedRegex(@"\\[!-/:-@\[-`{-~]|@&#8203;|&(amp|lt|gt|quot|#8203);")]
    private static partial Regex Escapes();
}
