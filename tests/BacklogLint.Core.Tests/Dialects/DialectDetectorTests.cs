using BacklogLint.Core.Dialects;

namespace BacklogLint.Core.Tests.Dialects;

public sealed class DialectDetectorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("backloglint-detect-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private DialectDetectorTests With(params string[] files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(_folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "# x\n");
        }

        return this;
    }

    [Theory]
    [InlineData("native", new[] { "backlog/PAY-1.md" })]
    [InlineData("backlog-md", new[] { "backlog/tasks/task-1 - X.md", "docs/decisions/0001-x.md" })]
    [InlineData("madr", new[] { "docs/decisions/README.md", "docs/decisions/0001-use-madr.md" })]
    [InlineData("madr", new[] { "doc/adr/0001-record-architecture-decisions.md" })]
    [InlineData("native", new[] { "docs/decisions/README.md", "docs/decisions/template.md" })]
    [InlineData("kep", new[] { "keps/sig-node/2570-memory-qos/kep.yaml", "keps/sig-node/2570-memory-qos/README.md" })]
    public void The_layout_names_the_dialect(string expected, string[] files) =>
        DialectDetector.Detect(With(files)._folder).ShouldBe(expected);

    [Theory]
    [InlineData("header", "proposals/0001-optional-chaining.md", "# Optional chaining\n\n* Proposal: [SE-0001](0001-optional-chaining.md)\n* Status: **Implemented**\n")]
    [InlineData("header", "design/12345-generics.md", "# Proposal: Generics\n\nAuthor(s): Jon Sand\n\nLast updated: 2026-09-20\n")]
    [InlineData("native", "design/0001-x.md", "---\nid: D-1\nstatus: accepted\n---\n# X\n\nAuthor: Jon\n")]
    [InlineData("native", "proposals/README.md", "# Proposals\n\n* Status: see each\n")]
    public void Numbered_proposals_with_header_lines_are_the_header_dialect(string expected, string file, string text)
    {
        var path = Path.Combine(_folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);

        DialectDetector.Detect(_folder).ShouldBe(expected);
    }
}
