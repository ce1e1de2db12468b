using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Fixes;
using BacklogLint.Core.Parsing;
using BacklogLint.Core.Session;
using BacklogLint.Core.Suppressions;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests.Fixes;

/// <summary>"Suppress with a reason", as an editor offers it: each way, applied, silences the finding and nothing else.</summary>
public sealed class SuppressionFixTests : IDisposable
{
    private static readonly FixedTimeProvider Time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private LintSession Open() => LintSession.Open(_repository.Path, null, new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), Time);

    /// <summary>The suppression fixes of the one finding of <paramref name="id"/>, each applied alone: the file's text
    /// after it, and the findings that then stand and are suppressed.</summary>
    private List<(string Title, string Text, List<string> Standing, int Suppressed)> EachFix(string path, string text, string id)
    {
        _repository.Write(path, text).Commit("2026-11-20");
        var session = Open();
        var finding = session.Analyze(session.LoadWorkingTree()).Diagnostics.Single(d => d.Id == id);
        var results = new List<(string, string, List<string>, int)>();
        foreach (var fix in SuppressionFixes.For(finding, new SourceText(text)))
        {
            var outcome = FixApplier.Apply([finding with { Fix = fix }], session.OpenForFix, _ => []);
            var fixedText = outcome.Files.ShouldHaveSingleItem().Text;
            var result = session.Analyze(session.LoadWorkingTree(new Dictionary<string, string> { [path] = fixedText }));
            results.Add((fix.Title, fixedText, [.. result.Diagnostics.Select(d => d.Id)], result.Suppressed.Count));
        }

        return results;
    }

    [Fact]
    public void A_front_matter_finding_is_suppressed_by_a_yaml_comment_above_it_or_a_suppress_entry()
    {
        var fixes = EachFix("backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\n---\n# Nobody owns it\n", RuleIds.MissingOwner);

        fixes.Select(f => f.Title).ShouldBe(["Suppress BL0001 on this line (with a reason)", "Suppress BL0001 in this item (with a reason)"]);
        fixes[0].Text.ShouldBe("---\n# backloglint-disable-next-line BL0001: say why this is accepted\nid: PAY-1\nstatus: todo\n---\n# Nobody owns it\n");
        fixes[1].Text.ShouldBe("---\nid: PAY-1\nstatus: todo\nsuppress:\n  BL0001: \"say why this is accepted\"\n---\n# Nobody owns it\n");
        fixes.ShouldAllBe(f => f.Standing.Count == 0 && f.Suppressed == 1);
    }

    [Fact]
    public void A_body_finding_gets_an_html_comment_and_an_existing_suppress_map_a_new_entry()
    {
        var fixes = EachFix("backlog/PAY-1.md",
            "---\nid: PAY-1\nstatus: done\nowner: \"@alice\"\nsuppress:\n  BL0302: \"later\"\ndue: 2026-01-01\n---\n# Done\n\n- [ ] still open\n",
            RuleIds.ClosedWithOpenTasks);

        fixes[0].Text.ShouldEndWith("# Done\n\n<!-- backloglint-disable-next-line BL0304: say why this is accepted -->\n- [ ] still open\n");
        fixes[1].Text.ShouldContain("suppress:\n  BL0302: \"later\"\n  BL0304: \"say why this is accepted\"\ndue: 2026-01-01\n");
        // The unused BL0302 entry is still reported: only the chosen finding is silenced.
        fixes.ShouldAllBe(f => f.Standing.SequenceEqual(new[] { RuleIds.UnusedSuppression }) && f.Suppressed == 1);
    }

    [Fact]
    public void Nothing_goes_above_the_opening_fence()
    {
        var finding = new Diagnostic(MissingOwner(), Severity.Warning, "m", "backlog/PAY-1.md", SourceSpan.At(1), "PAY-1", [], null, "f");

        SuppressionFixes.For(finding, new SourceText("---\nid: PAY-1\n---\n")).Select(f => f.Title)
            .ShouldBe(["Suppress BL0001 in this item (with a reason)"]);
    }

    private static RuleDescriptor MissingOwner() => BuiltInRules.Descriptors.Single(d => d.Id == RuleIds.MissingOwner);
}
