using System.Text;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.PropertyTesting;
using BacklogLint.Rules;
using BacklogLint.Testing;
using CsCheck;

namespace BacklogLint.Core.Tests.Properties;

/// <summary>Property: a real git repository of generated, hostile and mutated files loads and analyses without
/// throwing, every Markdown file written is in the result, and every finding points at a file that exists.</summary>
public sealed class RepositoryProperties
{
    private static readonly FixedTimeProvider Now = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>File names: plain ids, and names with spaces, Unicode, percent signs, colons, mentions and HTML that
    /// the file system accepts.</summary>
    private static readonly Gen<string> FileName = Gen.Frequency(
        (6, HostileInput.Id.Where(id => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))),
        (2, Gen.OneOfConst("with space", "ünïcødé", "%0A", "a::b", "@everyone", "<script>", "`tick`", "a|b", "#1", "[x]", "\u202Eevil", "😀", "a,b", "x\ty")));

    private static readonly Gen<string> Folder = Gen.OneOfConst("backlog", "backlog/sub", "agreements", "", "docs/deep/er");

    /// <summary>One file: where it goes and its bytes.</summary>
    private static readonly Gen<(string Path, byte[] Bytes)> File =
        Gen.Select(Folder, FileName, HostileInput.File, (folder, name, bytes) => ((folder.Length == 0 ? "" : folder + "/") + name + ".md", bytes));

    private static readonly Gen<byte[]?> CodeOwners = Gen.Frequency(
        (4, Gen.Const((byte[]?)null)),
        (1, Gen.Const((byte[]?)Encoding.UTF8.GetBytes("* @alice @acme/payments\nbacklog/ @bob\n"))),
        (1, HostileInput.Hostile.Array[1, 5].Select(lines => (byte[]?)Encoding.UTF8.GetBytes(string.Join('\n', lines)))),
        (1, Gen.Byte.Array[0, 200].Select(bytes => (byte[]?)bytes)));

    /// <summary>Configuration as the tool may have it: none; items declared by a glob (every declared file is an item,
    /// broken or not); a small size limit (big files are refused unread).</summary>
    private static readonly Gen<BacklogLintConfig> Config = Gen.FrequencyConst(
        (2, new BacklogLintConfig()),
        (1, new BacklogLintConfig { Items = ["backlog/**/*.md"] }),
        (1, new BacklogLintConfig { Items = ["**/*.md"], MaxFileBytes = 20_000 }),
        (1, new BacklogLintConfig { MaxFileBytes = 20_000 }));

    private static readonly Gen<(List<(string Path, byte[] Bytes)> Files, byte[]? CodeOwners, bool AtCommit, BacklogLintConfig Config)> Repository =
        Gen.Select(File.Array[1, 8], CodeOwners, Gen.Bool, Config, (files, codeOwners, atCommit, config) =>
            (files.DistinctBy(file => file.Path, StringComparer.Ordinal).ToList(), codeOwners, atCommit, config));

    [Fact]
    public void Generated_repositories_load_and_analyse_without_throwing_and_lose_no_file() =>
        PropertyRun.ForAll(Repository, PropertyRun.Iterations(25, share: 0.01), seed: 1123,
            input =>
            {
                using var test = TestRepository.Create();
                foreach (var (path, bytes) in input.Files) test.WriteBytes(path, bytes);
                if (input.CodeOwners is { } codeOwners) test.WriteBytes(".github/CODEOWNERS", codeOwners);
                test.Commit("2026-11-01");

                var config = input.Config;
                var location = PlanningLocation.Find(test.Path);
                var repository = input.AtCommit ? RepositoryLoader.LoadCommit(location, config, "HEAD") : RepositoryLoader.Load(location, config);
                var result = new AnalysisEngine(BuiltInRules.All).AnalyzeWithSuppressions(repository, config, Now);
                var diagnostics = result.Diagnostics.Concat(result.Suppressed.Select(suppressed => suppressed.Diagnostic)).ToList();

                var written = input.Files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
                var loaded = repository.Files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
                loaded.SetEquals(written).ShouldBeTrue(
                    $"written: {string.Join(", ", written.Order(StringComparer.Ordinal))}\nloaded: {string.Join(", ", loaded.Order(StringComparer.Ordinal))}");
                foreach (var diagnostic in diagnostics)
                {
                    if (diagnostic.Path is not { } path) continue;
                    System.IO.File.Exists(test.FullPath(path)).ShouldBeTrue($"{diagnostic.Id} points at {path}: {diagnostic.Message}");
                    var span = diagnostic.Span.ShouldNotBeNull($"{diagnostic.Id} at {path} has no line");
                    span.Line.ShouldBeGreaterThanOrEqualTo(1, $"{diagnostic.Id} at {path}");
                    span.EndLine.ShouldBeGreaterThanOrEqualTo(span.Line, $"{diagnostic.Id} at {path}");
                    span.Column.ShouldBeGreaterThanOrEqualTo(1, $"{diagnostic.Id} at {path}");
                }

                // No finding is lost: each problem found while reading is reported (or suppressed), once.
                var problems = repository.Files.SelectMany(file => file.Problems.Select(problem => $"{file.Path}{problem.Span}: {problem.Message}")).ToList();
                var reported = diagnostics.Where(d => d.Id is RuleIds.InvalidFrontMatter or RuleIds.InvalidFieldValue).Select(d => $"{d.Path}{d.Span}: {d.Message}").ToList();
                reported.Order(StringComparer.Ordinal).ShouldBe(problems.Order(StringComparer.Ordinal));
            });
}
