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

    [Theory]
    [InlineData("eip", "CIPs/cip-12.md", "---\ncip: 12\ntitle: X\nauthor: Ada (@ada)\nstatus: Last Call\ncreated: 2026-01-02\n---\n", "CIPs/**/*.md")]
    [InlineData("kep", "docs/proposals/0003-scheduling.md", "---\ntitle: Scheduling\nauthors: [\"@ada\"]\nstatus: implementable\nsee-also: []\n---\n", "docs/**/*.md")]
    [InlineData("madr", "architecture/adr/0001-use-postgres.md", "# 1. Use Postgres\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n", "architecture/**/*.md")]
    [InlineData("header", "spec/0042-streams.md", "# Streams\n\n- Start Date: 2024-02-03\n- Authors: Ada\n", "spec/**/*.md")]
    [InlineData("header", "A1-http-proxy.md", "A1: HTTP proxy\n----\n* Author(s): Ann\n* Status: Draft\n", "*.md")]
    [InlineData("header", "active-rfcs/0001-ember.md", "---\nstage: released\nstart-date: 2017-01-01T00:00:00.000Z\nteams: [framework]\n---\n# X\n", "active-rfcs/**/*.md")]
    public void The_files_name_the_dialect_and_their_folder_when_the_layout_does_not(string dialect, string file, string text, string items)
    {
        foreach (var number in new[] { "", "-second" })
        {
            var path = Path.Combine(_folder, file.Replace(".md", number + ".md", StringComparison.Ordinal));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var guess = DialectDetector.Guess(_folder);

        guess.Dialect.ShouldBe(dialect);
        guess.Items.ShouldBe([items]);
    }

    [Fact]
    public void A_front_matter_rfc_in_a_proposal_folder_is_the_header_dialect()
    {
        var path = Path.Combine(_folder, "rfcs", "0007-typed-config.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "---\nstatus: accepted\nauthors: [\"@ada\"]\n---\n# Typed config\n");

        DialectDetector.Guess(_folder).Dialect.ShouldBe("header");
    }
}
