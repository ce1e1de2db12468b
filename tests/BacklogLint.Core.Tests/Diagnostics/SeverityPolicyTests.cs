using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Tests.Diagnostics;

/// <summary>What is shown and what fails a run, defined once for every front end (check, github, reports).</summary>
public sealed class SeverityPolicyTests
{
    private static Diagnostic Finding(Severity severity) =>
        new(new RuleDescriptor("BL8802", "x", "X", "x", RuleCategory.Format, severity), severity, "x", "a.md", null, null, [], null, "f");

    [Theory]
    [InlineData(Severity.Error, true)]
    [InlineData(Severity.Warning, true)]
    [InlineData(Severity.Suggestion, true)]
    [InlineData(Severity.Silent, false)]
    [InlineData(Severity.None, false)]
    public void Silent_and_none_are_never_shown(Severity severity, bool shown) => severity.IsShown().ShouldBe(shown);

    [Fact]
    public void A_run_fails_on_a_shown_finding_at_or_above_the_threshold_and_never_with_none()
    {
        new[] { Finding(Severity.Warning) }.Fails(Severity.Error).ShouldBeFalse();
        new[] { Finding(Severity.Warning) }.Fails(Severity.Warning).ShouldBeTrue();
        new[] { Finding(Severity.Error) }.Fails(null).ShouldBeFalse("--fail-on none");
        new[] { Finding(Severity.Silent) }.Fails(Severity.Suggestion).ShouldBeFalse("a silent finding is for tools, never a failure");
    }
}
