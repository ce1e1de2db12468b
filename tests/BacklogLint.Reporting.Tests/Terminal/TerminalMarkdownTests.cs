using BacklogLint.Reporting.Terminal;
using BacklogLint.Testing;

namespace BacklogLint.Reporting.Tests.Terminal;

public sealed class TerminalMarkdownTests
{
    [Fact]
    public void Renders_headings_tables_lists_code_and_links_without_their_marks()
    {
        var text = TerminalMarkdown.Render("""
            # BL0001: Title

            | Property | Value |
            |---|---|
            | ID | BL0001 |
            | Default severity | warning |

            ## How to fix
            - Set `owner:` as **the** [roster](../README.md#roster) or [site](https://example.com) says.

            ```yaml
            owner: "@alice"
            ```
            """, TerminalStyle.Plain);

        text.ShouldBe("""
            BL0001: Title

              Property          Value
              ID                BL0001
              Default severity  warning

            How to fix
              • Set owner: as the roster or site (https://example.com) says.

                owner: "@alice"

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Control_characters_in_a_page_never_reach_the_terminal()
    {
        var text = TerminalMarkdown.Render("# a\u001b[2Jb\n`c\u202Ed`\n", TerminalStyle.Ansi);

        TerminalColours.Strip(text).ShouldNotContain('\u001b');
        text.ShouldNotContain('\u202E');
    }
}
