using System.Security.Cryptography;
using BacklogLint.Reporting.Html;

namespace BacklogLint.Reporting.Tests.Html;

/// <summary>The chart scripts the HTML report inlines are the pinned files (<c>Html/vendor/README.md</c>), and none of
/// them can end the script element it is written into.</summary>
public sealed class HtmlReportScriptsTests
{
    private static readonly string Vendor = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "BacklogLint.Reporting", "Html", "vendor"));

    [Fact]
    public void Each_vendored_script_is_the_pinned_file_and_the_readme_says_so()
    {
        var readme = File.ReadAllText(Path.Combine(Vendor, "README.md"));
        foreach (var (resource, sha256) in HtmlReportWriter.Scripts)
        {
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Vendor, resource)))).ShouldBe(sha256, resource);
            readme.ShouldContain($"| `{resource}` |");
            readme.ShouldContain($"`{sha256}`");
            var text = HtmlReportWriter.Script(resource);
            text.ShouldNotContain("</script", Case.Insensitive);
            text.ShouldNotContain("<!--");
        }
    }

    [Theory]
    [InlineData("</script><img src=x onerror=alert(1)>", "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("a \"quoted\" & 'single'", "a &quot;quoted&quot; &amp; &#39;single&#39;")]
    [InlineData("line\nbreak\u202Eevil", "line breakevil")]
    public void Item_text_is_escaped_for_html(string text, string expected) => HtmlText.Escape(text).ShouldBe(expected);
}
