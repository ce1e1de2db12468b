using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Comparison;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.History;
using BacklogLint.Core.Model;
using BacklogLint.Core.Parsing;
using BacklogLint.PropertyTesting;
using BacklogLint.Rules;
using CsCheck;

namespace BacklogLint.Reporting.Tests.Properties;

/// <summary>Properties of every report format over findings from generated, hostile and mutated work items (run
/// through the real rules) and over findings with arbitrary text in every field: the JSON parses with one entry per
/// visible finding, the SARIF validates against the schema, each workflow command is one line that starts the only
/// command on it, and Markdown neither runs HTML nor pings anyone.</summary>
public sealed partial class ReportProperties
{
    private static readonly FixedTimeProvider Now = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private static readonly WorkItemParser Parser = new(StatusVocabulary.CreateDefault());
    private static readonly AnalysisEngine Engine = new(BuiltInRules.All);

    private static readonly Gen<string> PathPart = Gen.Frequency(
        (4, HostileInput.Id.Where(id => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))),
        (1, HostileInput.Hostile.Where(text => !text.Contains('/', StringComparison.Ordinal))));

    /// <summary>Findings from the real rules over generated files, read in memory (no git: BL9001 included).</summary>
    private static readonly Gen<List<Diagnostic>> AnalysedFindings =
        Gen.Select(PathPart, HostileInput.File).Array[1, 6].Select(files =>
        {
            var parsed = new List<ParsedFile>();
            foreach (var (name, bytes) in files.DistinctBy(file => file.Item1, StringComparer.Ordinal))
            {
                var path = $"backlog/{name}.md";
                var text = SourceText.Decode(bytes, out var problem);
                parsed.Add(text is null
                    ? new ParsedFile(path, null, [new ParseProblem(ParseProblemKind.Syntax, problem!, SourceSpan.At(1), "file")])
                    : Parser.Parse(path, text, isDeclaredItem: false));
            }

            var repository = new PlanningRepository(parsed, new Roster(), HistoryIndex.Unavailable("the folder is not in a git repository"),
                parsed.Select(file => file.Path).ToHashSet(StringComparer.Ordinal));
            return Engine.Analyze(repository, new BacklogLintConfig(), Now).ToList();
        });

    /// <summary>Findings with arbitrary text in every field, every severity, and with or without a place.</summary>
    private static readonly Gen<Diagnostic> ArbitraryFinding =
        Gen.Select(
            Gen.OneOfConst([.. BuiltInRules.Descriptors]), Gen.Enum<Severity>(), HostileInput.Hostile,
            Gen.Frequency((4, PathPart.Select(part => (string?)$"backlog/{part}.md")), (1, Gen.Const((string?)null))),
            Gen.Select(Gen.Int[1, 100_000], Gen.Int[1, 500], Gen.Int[0, 3], Gen.Int[0, 80], (line, column, lines, width) =>
                new SourceSpan(line, column, line + lines, column + width)),
            Gen.Select(HostileInput.Hostile, HostileInput.Hostile, Gen.String[Gen.Char, 1, 20]),
            (descriptor, severity, message, path, span, texts) =>
                new Diagnostic(descriptor, severity, message, path, path is null ? null : span, path is null ? null : texts.Item1, [texts.Item2, texts.Item1], texts.Item2, texts.Item3));

    private static readonly Gen<List<Diagnostic>> Findings = Gen.Frequency(
        (3, AnalysedFindings),
        (2, ArbitraryFinding.List[0, 12]),
        (1, Gen.Select(AnalysedFindings, ArbitraryFinding.List[1, 4], (analysed, arbitrary) => analysed.Concat(arbitrary).ToList())));

    private static AnalysisReport Report(List<Diagnostic> findings) => new(findings, ItemCount: findings.Count, FileCount: 7, ToolVersion: "1.2.3");

    /// <summary>Cases per property: a few dozen by default (schema validation is the slow part), 5% of
    /// BACKLOGLINT_PROPERTY_ITERATIONS when it is set.</summary>
    private static int Iterations(int defaultCount) => PropertyRun.Iterations(defaultCount, share: 0.05);

    [Fact]
    public void Json_output_parses_with_one_entry_per_visible_finding() =>
        PropertyRun.ForAll(Findings, Iterations(80), seed: 31,
            findings =>
            {
                var report = Report(findings);
                using var stream = new MemoryStream();
                JsonReportWriter.Write(stream, report);

                using var json = JsonDocument.Parse(stream.ToArray());
                var entries = json.RootElement.GetProperty("diagnostics");
                entries.GetArrayLength().ShouldBe(report.Visible.Count());
                json.RootElement.GetProperty("summary").GetProperty("total").GetInt32().ShouldBe(report.Visible.Count());
                foreach (var (entry, diagnostic) in entries.EnumerateArray().Zip(report.Visible))
                    entry.GetProperty("id").GetString().ShouldBe(diagnostic.Id);
            });

    [Fact]
    public void Sarif_output_validates_against_the_schema() =>
        PropertyRun.ForAll(Findings, Iterations(40), seed: 32,
            findings =>
            {
                var report = Report(findings);
                using var stream = new MemoryStream();
                SarifReportWriter.Write(stream, report);
                var text = Encoding.UTF8.GetString(stream.ToArray());

                var errors = SarifSchema.ValidateAsync(text).GetAwaiter().GetResult();
                errors.ShouldBeEmpty(SarifSchema.Describe(errors));
                using var json = JsonDocument.Parse(text);
                json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength()
                    .ShouldBe(report.Visible.Count(d => d.Path is not null));
            });

    [Fact]
    public void Workflow_commands_are_one_line_per_finding_and_start_no_other_command() =>
        PropertyRun.ForAll(Findings, Iterations(80), seed: 33,
            findings =>
            {
                var visible = Report(findings).Visible.ToList();
                using var writer = new StringWriter { NewLine = "\n" };
                WorkflowCommandWriter.Write(writer, visible);

                var lines = writer.ToString().Split('\n');
                lines[^1].ShouldBeEmpty();
                lines.Length.ShouldBe(visible.Count + 1);
                foreach (var line in lines[..^1])
                {
                    // The runner reads a command from "::name props::" at the start of a line; CR also ends a line.
                    line.ShouldNotContain('\r');
                    CommandLine().IsMatch(line).ShouldBeTrue(line);
                }
            });

    [Fact]
    public void Markdown_runs_no_html_and_pings_nobody() =>
        PropertyRun.ForAll(Gen.Select(Findings, Findings), Iterations(40), seed: 34,
            input =>
            {
                var (before, after) = input;
                var summary = LeadReportWriter.Write(Report(after) with
                {
                    // Item text as hostile as the findings': titles and statuses are shown too.
                    Items = after.Where(d => d.Path is not null).DistinctBy(d => d.Path).ToDictionary(
                        d => d.Path!, d => new ReportedItem(d.Path!, d.ItemId ?? d.Message, d.Message, d.Fingerprint, d.Severity == Severity.Error)),
                });
                var comment = MarkdownReportWriter.Write(new PullRequestReport(FindingDelta.Compare(before, after),
                    "https://github.com/acme/planning", "0123456789abcdef0123456789abcdef01234567", ItemCount: after.Count, ToolVersion: "1.2.3",
                    Notices: [.. after.Take(2).Select(d => d.Message)]));

                foreach (var markdown in new[] { summary, comment })
                {
                    markdown.ShouldNotContain("<script", Case.Insensitive);
                    markdown.ShouldNotContain("&#64;");
                    // Every '@' is followed by the zero-width space: no @everyone, @alice or @org/team stays live.
                    Regex.Matches(markdown, "@(?!" + Regex.Escape(MarkdownText.MentionBreak) + ")").ShouldBeEmpty(markdown);
                }
            });

    /// <summary>A whole workflow command: its name, properties with no raw ':' ',' CR or LF, then the message.</summary>
    [GeneratedRegex(@"^::(error|warning|notice)( [A-Za-z]+=[^:,\r\n]*(,[A-Za-z]+=[^:,\r\n]*)*)?::[^\r\n]*$")]
    private static partial Regex CommandLine();
}
