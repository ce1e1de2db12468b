using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Fixes;
using BacklogLint.Core.Parsing;
using BacklogLint.Core.Session;
using BacklogLint.Testing;

namespace BacklogLint.Core.Tests.Fixes;

/// <summary>The one applier the CLI and an editor use: order, overlaps, passes, line breaks, encodings, and what it
/// refuses to touch.</summary>
public sealed class FixApplierTests
{
    private static readonly RuleDescriptor Descriptor = new("TEST0001", "test-rule", "Test", "{0}", RuleCategory.Format, Severity.Warning);

    private static Diagnostic Finding(Fix fix, int line = 1) =>
        new(Descriptor, Severity.Warning, "m", fix.Edits[0].Path, SourceSpan.At(line), null, [], null, "f" + line) { Fix = fix };

    private static FixOutcome Apply(Dictionary<string, string> files, params Diagnostic[] findings) =>
        FixApplier.Apply(findings, path => files.TryGetValue(path, out var text) ? new FileContent(text, FileEncoding.Utf8) : null, _ => []);

    [Fact]
    public void Edits_are_applied_from_the_end_so_that_every_range_means_the_text_the_finding_saw()
    {
        var outcome = Apply(new() { ["a.md"] = "one two three\n" },
            Finding(Fix.Replace("first", "a.md", new TextRange(1, 1, 1, 4), "ONE")),
            Finding(Fix.Replace("last", "a.md", new TextRange(1, 9, 1, 14), "3")));

        outcome.Files.ShouldHaveSingleItem().Text.ShouldBe("ONE two 3\n");
        outcome.Applied.Count.ShouldBe(2);
        outcome.Passes.ShouldBe(1);
    }

    [Fact]
    public void An_overlapping_or_touching_fix_waits_for_the_next_pass_and_goes_when_its_finding_is_gone()
    {
        var overlapping = Finding(Fix.Replace("b", "a.md", new TextRange(1, 3, 1, 6), "X"), line: 2);
        var touching = Finding(Fix.Replace("c", "a.md", TextRange.At(1, 5), "Y"), line: 3);
        var relinted = new List<IReadOnlyDictionary<string, string>>();
        var outcome = FixApplier.Apply(
            [Finding(Fix.Replace("a", "a.md", new TextRange(1, 1, 1, 5), "abcd")), overlapping, touching],
            _ => new FileContent("0123456789", FileEncoding.Utf8),
            texts =>
            {
                relinted.Add(texts);
                return []; // linted again, the other findings are gone
            });

        outcome.Applied.ShouldHaveSingleItem().Diagnostic.Fix!.Title.ShouldBe("a");
        outcome.Files.ShouldHaveSingleItem().Text.ShouldBe("abcd456789");
        relinted.ShouldHaveSingleItem()["a.md"].ShouldBe("abcd456789");
        outcome.Remaining.ShouldBeEmpty();
    }

    [Fact]
    public void Fixes_that_make_new_findings_are_followed_until_stable_and_no_more_than_ten_passes()
    {
        var pass = 0;
        var outcome = FixApplier.Apply(
            [Finding(Fix.Replace("grow", "a.md", TextRange.At(1, 1), "x"))],
            _ => new FileContent("", FileEncoding.Utf8),
            _ => [Finding(Fix.Replace("grow", "a.md", TextRange.At(1, 1), "x"), line: ++pass)]);

        outcome.Passes.ShouldBe(FixApplier.MaxPasses);
        outcome.Files.ShouldHaveSingleItem().Text.ShouldBe(new string('x', FixApplier.MaxPasses));
        outcome.Refused.ShouldHaveSingleItem().Reason.ShouldContain("after 10 passes");
    }

    [Theory]
    [InlineData("../outside.md")]
    [InlineData("/etc/passwd")]
    [InlineData("backlog/../../outside.md")]
    [InlineData("C:/Windows/x.md")]
    [InlineData("backlog\\..\\..\\x.md")]
    [InlineData(".git/config")]
    public void A_fix_of_a_path_outside_the_repository_is_refused_and_nothing_is_opened(string path)
    {
        var opened = new List<string>();
        var outcome = FixApplier.Apply([Finding(Fix.Replace("escape", path, TextRange.At(1, 1), "x"))], p =>
        {
            opened.Add(p);
            return new FileContent("", FileEncoding.Utf8);
        }, _ => []);

        outcome.Files.ShouldBeEmpty();
        outcome.Refused.ShouldHaveSingleItem().Reason.ShouldContain("not a path inside the repository");
        opened.ShouldBeEmpty();
    }

    [Fact]
    public void A_range_outside_the_text_and_a_fix_whose_own_edits_overlap_are_refused_whole()
    {
        var outcome = Apply(new() { ["a.md"] = "ab\ncd\n" },
            Finding(Fix.Replace("past the line", "a.md", new TextRange(1, 1, 1, 4), "x")),
            Finding(new Fix("overlaps itself", [new TextEdit("a.md", new TextRange(2, 1, 2, 3), "x"), new TextEdit("a.md", new TextRange(2, 2, 2, 3), "y")]), line: 2),
            Finding(Fix.Replace("missing file", "b.md", TextRange.At(1, 1), "x"), line: 3));

        outcome.Files.ShouldBeEmpty();
        outcome.Refused.Select(r => r.Reason).ShouldBe(["the range (1,1)-(1,4) is not inside 'a.md'", "its own edits overlap",
            "'b.md' cannot be edited (missing, outside the repository, or not text that can be written back unchanged)"]);
    }

    [Fact]
    public void New_lines_are_written_with_the_file_own_line_break()
    {
        var outcome = FixApplier.Apply(
            [Finding(Fix.Replace("insert", "a.md", TextRange.At(2, 1), "x: 1\ny: 2\n"))],
            _ => new FileContent("---\r\n---\r\n", FileEncoding.Utf8),
            _ => []);

        outcome.Files.ShouldHaveSingleItem().Text.ShouldBe("---\r\nx: 1\r\ny: 2\r\n---\r\n");
    }

    [Fact]
    public void Columns_count_utf16_code_units_as_lsp_does()
    {
        // U+1F600 is two UTF-16 code units: 'b' is at column 4, LSP character 3.
        var text = new SourceText("a\U0001F600b\n");
        var range = new TextRange(1, 4, 1, 5);

        range.TryGetOffsets(text, out var start, out var end).ShouldBeTrue();
        text.Text[start..end].ShouldBe("b");
        range.LspStart.ShouldBe((0, 3));
        TextRange.FromLsp(0, 3, 0, 4).ShouldBe(range);
        TextRange.FromOffsets(text, start, end).ShouldBe(range);
        new TextRange(1, 6, 1, 6).TryGetOffsets(text, out _, out _).ShouldBeFalse("past the end of the line");
    }

    [Fact]
    public void The_change_of_a_file_is_also_one_edit_of_its_original_text_for_a_workspace_edit()
    {
        var original = new FileContent("---\r\nowner: @alice\r\nstatus: todo\r\n---\r\n", FileEncoding.Utf8);
        var file = new FixedFile("a.md", original, "---\r\nowner: \"@alice\"\r\nstatus: todo\r\n---\r\n");

        file.Edit.ShouldBe(new TextEdit("a.md", new TextRange(2, 8, 2, 14), "\"@alice\""));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00 })]
    public void Text_is_written_back_in_its_own_encoding(byte[] bytes)
    {
        var content = FileContent.Decode(bytes).ShouldNotBeNull();

        content.Encode().ShouldBe(bytes);
        var rewritten = FileContent.Decode(content.Encode("b\n")).ShouldNotBeNull();
        (rewritten.Text, rewritten.Encoding).ShouldBe(("b\n", content.Encoding));
    }

    [Fact]
    public void Bytes_that_would_not_survive_being_written_back_are_not_fixable()
    {
        FileContent.Decode([0x61, 0xC3, 0x28, 0x0A]).ShouldBeNull("invalid UTF-8 is read with replacement characters");
        FileContent.Decode([0x61, 0x00]).ShouldBeNull("binary");
    }
}

/// <summary>The session opens and writes only files inside the planning folder, reached without a symbolic link.</summary>
public sealed class FixWriteTests : IDisposable
{
    private static readonly FixedTimeProvider Time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TestRepository _outside = TestRepository.Create(withGit: false);
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose()
    {
        _repository.Dispose();
        _outside.Dispose();
    }

    /// <summary>A rule pack's rule that reports every item with a fix that writes into a given path.</summary>
    private sealed class Escaping(string target) : ItemRule
    {
        public override RuleDescriptor Descriptor { get; } = new("ESC0001", "escape", "Escape", "{0}", RuleCategory.Format, Severity.Warning);

        public override void Analyze(ItemContext context) =>
            context.Report(context.Item.HeaderSpan, "escape", Fix.Replace("escape", target, TextRange.At(1, 1), "pwned\n"), "m");
    }

    private FixRun FixWith(string target)
    {
        var session = LintSession.Open(_repository.Path, null, new AnalysisEngine([new Escaping(target)]), new ConfigLoader([]), Time);
        var repository = session.LoadWorkingTree();
        var run = session.Fix(repository, session.Analyze(repository));
        session.WriteFixes(run.Outcome);
        return run;
    }

    [Fact]
    public void A_fix_through_a_symbolic_link_or_up_and_out_is_refused_and_the_outside_file_is_untouched()
    {
        _outside.Write("secret.md", "keep\n");
        _repository.Write("backlog/PAY-1.md", "---\nid: PAY-1\n---\n").Commit("2026-11-20");
        File.CreateSymbolicLink(_repository.FullPath("linked"), _outside.Path);

        var throughLink = FixWith("linked/secret.md");
        var upAndOut = FixWith(Path.GetRelativePath(_repository.Path, _outside.FullPath("secret.md")).Replace('\\', '/'));

        throughLink.Outcome.Files.ShouldBeEmpty();
        throughLink.Outcome.Refused.ShouldHaveSingleItem().Reason.ShouldContain("cannot be edited");
        upAndOut.Outcome.Refused.ShouldHaveSingleItem().Reason.ShouldContain("not a path inside the repository");
        File.ReadAllText(_outside.FullPath("secret.md")).ShouldBe("keep\n");
    }

    [Fact]
    public void A_file_changed_since_the_fixes_were_computed_is_not_written()
    {
        _repository.Write("backlog/PAY-1.md", "---\nid: PAY-1\n---\n").Commit("2026-11-20");
        var session = LintSession.Open(_repository.Path, null, new AnalysisEngine([new Escaping("backlog/PAY-1.md")]), new ConfigLoader([]), Time);
        var repository = session.LoadWorkingTree();
        var run = session.Fix(repository, session.Analyze(repository));
        _repository.Write("backlog/PAY-1.md", "---\nid: PAY-1\nstatus: todo\n---\n");

        var (written, notWritten) = session.WriteFixes(run.Outcome);

        written.ShouldBeEmpty();
        notWritten.ShouldHaveSingleItem().Reason.ShouldBe("it changed since it was read");
        File.ReadAllText(_repository.FullPath("backlog/PAY-1.md")).ShouldBe("---\nid: PAY-1\nstatus: todo\n---\n");
    }
}
