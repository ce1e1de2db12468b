using System.Diagnostics;
using System.Text.Json;
using BacklogLint.Core.Parsing;
using BacklogLint.Testing;

namespace BacklogLint.Cli.Tests;

/// <summary>The bad-input corpus (<c>BadInput/</c>), end to end through the real CLI process. Each case is a folder of
/// files plus <c>case.yml</c>; the files become a real git repository, <c>setup</c> steps make what cannot be committed
/// (a 50 MB file, symlinks, a FIFO, a submodule, a shallow clone, a bare repository, a worktree, …), then the tool runs.
/// Every case: the exit code is the expected one and never other than 0, 1 or 2; stderr has no stack frame; the JSON
/// report parses and accounts for every readable Markdown file.</summary>
/// <remarks><c>case.yml</c> keys: <c>exit</c>; <c>rules</c> (IDs that must be reported); <c>files</c> and <c>items</c>
/// (<c>summary</c> counts); <c>stderr</c> / <c>stderr-not</c>, <c>stdout</c> / <c>stdout-not</c> (text that must or
/// must not appear); <c>args</c> (extra arguments); <c>path</c> (the folder checked, relative to the repository);
/// <c>formats</c> (true: also run text, sarif, github and markdown and apply <c>stdout-not</c> to each);
/// <c>setup</c> (steps, see <see cref="SetUp"/>).</remarks>
public sealed class BadInputCorpusTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "BadInput");
    private static readonly string[] OtherFormats = ["text", "sarif", "github", "markdown"];

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Corpus).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_ends_in_a_finding_or_one_line_error_and_every_other_file_is_checked(string name)
    {
        var spec = CaseSpec.Read(Path.Combine(Corpus, name, "case.yml"));
        using var repository = TestRepository.Create();
        var scratch = new List<string>();
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus, name), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Path.Combine(Corpus, name), file).Replace('\\', '/');
                if (relative != "case.yml") repository.WriteBytes(relative, File.ReadAllBytes(file));
            }

            var target = SetUp(repository, spec, scratch);
            var arguments = new List<string> { "check", target, "--format", "json", "--now", "2026-11-23" };
            arguments.AddRange(spec.Args);
            var result = await BackloglintProcess.RunAsync([.. arguments]);

            result.ExitCode.ShouldBeOneOf(0, 1, 2);
            result.ExitCode.ShouldBe(spec.Exit, $"{name}: {result}");
            if (!spec.Args.Contains("--verbose")) result.Stderr.ShouldNotContain("   at ", Case.Sensitive, $"{name}: a stack trace leaked: {result}");
            result.Stderr.ShouldNotContain("internal error", Case.Sensitive, $"{name}: {result}");
            foreach (var text in spec.Stderr) result.Stderr.ShouldContain(text, Case.Sensitive, $"{name}: {result}");
            foreach (var text in spec.StderrNot) result.Stderr.ShouldNotContain(text, Case.Sensitive, $"{name}: {result}");
            foreach (var text in spec.Stdout) result.Stdout.ShouldContain(text, Case.Sensitive, $"{name}: {result}");
            foreach (var text in spec.StdoutNot) result.Stdout.ShouldNotContain(text, Case.Sensitive, $"{name}: {result}");

            if (result.ExitCode == 2)
            {
                result.Stdout.ShouldBeEmpty($"{name}: {result}");
                result.Stderr.Trim().Split('\n').Length.ShouldBe(1, $"{name}: one line on stderr: {result}");
                return;
            }

            using var json = JsonDocument.Parse(result.Stdout);
            var summary = json.RootElement.GetProperty("summary");
            var ids = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
            foreach (var rule in spec.Rules) ids.ShouldContain(rule, $"{name}: {result}");
            if (spec.Files is { } files) summary.GetProperty("files").GetInt32().ShouldBe(files, $"{name}: {result}");
            if (spec.Items is { } items) summary.GetProperty("items").GetInt32().ShouldBe(items, $"{name}: {result}");

            if (!spec.AllFormats) return;
            foreach (var format in OtherFormats)
            {
                arguments[3] = format;
                var other = await BackloglintProcess.RunAsync([.. arguments]);
                other.ExitCode.ShouldBe(spec.Exit, $"{name} as {format}: {other}");
                other.Stderr.ShouldNotContain("   at ", Case.Sensitive, $"{name} as {format}: {other}");
                foreach (var text in spec.StdoutNot) other.Stdout.ShouldNotContain(text, Case.Sensitive, $"{name} as {format}: {other}");
                if (format == "github")
                {
                    // No item text may start a workflow command of its own: every command line is one of ours.
                    foreach (var line in other.Stdout.Split('\n').Where(line => line.StartsWith("::", StringComparison.Ordinal)))
                        line.ShouldMatch(@"^::(error|warning|notice)( [^:]*)?::", $"{name}: {line}");
                    other.Stdout.Split('\n').ShouldNotContain(line => line.TrimStart('\r').StartsWith("::error::pwned", StringComparison.Ordinal));
                }

                if (format == "sarif") JsonDocument.Parse(other.Stdout).Dispose();
            }
        }
        finally
        {
            foreach (var folder in scratch) Delete(folder);
        }
    }

    /// <summary>Steps, one per line of <c>setup</c>: <c>big-file PATH BYTES</c> (an item header, then zeros, as a
    /// sparse file), <c>symlink LINK TARGET</c> (TARGET <c>{parent}</c> is the repository's parent folder),
    /// <c>fifo PATH</c>, <c>folder PATH</c>, <c>copy FROM TO</c>, <c>no-commit</c>, <c>detach</c>, <c>shallow</c>,
    /// <c>submodule PATH</c>, <c>bare</c> (check a bare clone), <c>worktree</c> (check a linked worktree).</summary>
    /// <returns>The folder to check.</returns>
    private static string SetUp(TestRepository repository, CaseSpec spec, List<string> scratch)
    {
        var steps = spec.Setup.Select(step => step.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var step in steps)
        {
            switch (step[0])
            {
                case "symlink":
                    var link = repository.FullPath(step[1]);
                    Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                    var linkTarget = step[2] == "{parent}" ? Path.GetDirectoryName(repository.Path)! : step[2];
                    if (Directory.Exists(linkTarget) || step[2].EndsWith('/')) Directory.CreateSymbolicLink(link, linkTarget.TrimEnd('/') is { Length: > 0 } t ? t : "/");
                    else File.CreateSymbolicLink(link, linkTarget);
                    break;
                case "generate":
                    File.WriteAllText(repository.FullPath(step[2]), Generate(step[1]));
                    break;
                case "folder":
                    Directory.CreateDirectory(repository.FullPath(step[1]));
                    break;
                case "copy":
                    Directory.CreateDirectory(Path.GetDirectoryName(repository.FullPath(step[2]))!);
                    File.Copy(repository.FullPath(step[1]), repository.FullPath(step[2]));
                    break;
            }
        }

        bool Has(string name) => steps.Any(step => step[0] == name);
        if (!Has("no-commit")) Commit(repository.Path);
        // Made after the commit: git refuses to add a FIFO.
        foreach (var step in steps.Where(step => step[0] == "fifo")) Run("mkfifo", repository.Path, step[1]);
        // Never committed, and sparse: no 50 MB is written.
        foreach (var step in steps.Where(step => step[0] == "big-file"))
        {
            using var stream = File.Create(repository.FullPath(step[1]));
            stream.Write("---\nid: BIG-1\nstatus: todo\nowner: \"@alice\"\n---\n# Huge\n"u8);
            stream.SetLength(long.Parse(step[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var step in steps.Where(step => step[0] == "submodule"))
        {
            var module = Path.Combine(Path.GetTempPath(), "backloglint-tests", Guid.NewGuid().ToString("N")[..12]);
            scratch.Add(module);
            Directory.CreateDirectory(Path.Combine(module, "backlog"));
            File.WriteAllText(Path.Combine(module, "backlog", "SUB-1.md"), "---\nid: SUB-1\nstatus: todo\n---\n# In the submodule\n");
            Git(module, "init", "-q");
            Commit(module);
            Git(repository.Path, "-c", "protocol.file.allow=always", "submodule", "add", "-q", module, step[1]);
            Commit(repository.Path);
        }

        if (Has("detach")) Git(repository.Path, "checkout", "-q", "--detach", "HEAD");
        if (Has("shallow")) repository.MakeShallow();
        if (Has("bare"))
        {
            var bare = repository.Path + ".git";
            scratch.Add(bare);
            Git(repository.Path, "clone", "-q", "--bare", repository.Path, bare);
            return bare;
        }

        if (Has("worktree"))
        {
            var worktree = repository.Path + "-worktree";
            scratch.Add(worktree);
            Git(repository.Path, "worktree", "add", "-q", worktree);
            return Path.Combine(worktree, spec.Path);
        }

        return Path.Combine(repository.Path, spec.Path);
    }

    /// <summary>Large inputs, made at test time so that none is committed.</summary>
    private static string Generate(string kind)
    {
        const string Header = "---\nid: GEN-1\nstatus: todo\nowner: \"@alice\"\n";
        var text = new System.Text.StringBuilder();
        switch (kind)
        {
            case "huge-scalar":
                text.Append(Header).Append("title: ").Append('x', 4 * 1024 * 1024).Append("\n---\n# Huge title\n");
                break;
            case "long-lines":
                text.Append(Header).Append("---\n# Long lines\n\n");
                for (var i = 0; i < 3; i++) text.Append('w', 1024 * 1024).Append(" [link](missing-").Append(i).Append(".md)\n\n");
                break;
            case "many-lines":
                text.Append(Header).Append("---\n# Many lines\n\n");
                for (var i = 0; i < 100_000; i++) text.Append("line ").Append(i).Append('\n');
                break;
            case "nested-lists":
                text.Append(Header).Append("---\n# Nested lists\n\n");
                for (var i = 0; i < 1_000; i++) text.Append(' ', 2 * i).Append("- level ").Append(i).Append('\n');
                break;
            case "nested-quotes":
                text.Append(Header).Append("---\n# Nested quotes\n\n").Append('>', 20_000).Append(" deep\n\n");
                for (var i = 0; i < 1_500; i++) text.Append('>', i).Append(" - [ ] ").Append(i).Append('\n');
                break;
            default:
                throw new InvalidOperationException($"unknown generator '{kind}'");
        }

        return text.ToString();
    }

    private static void Commit(string folder)
    {
        Git(folder, "add", "-A");
        Git(folder, "-c", "user.name=alice", "-c", "user.email=alice@example.com", "commit", "-q", "--allow-empty", "-m", "corpus", "--date", "2026-01-05T12:00:00Z");
    }

    private static void Git(string folder, params string[] arguments) => Run("git", folder, arguments);

    private static void Run(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GIT_COMMITTER_DATE"] = "2026-01-05T12:00:00Z";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments)}: {error}");
    }

    private static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is not worth failing a test for.
        }
    }

    private sealed record CaseSpec(int Exit, IReadOnlyList<string> Rules, int? Files, int? Items, IReadOnlyList<string> Stderr, IReadOnlyList<string> StderrNot,
        IReadOnlyList<string> Stdout, IReadOnlyList<string> StdoutNot, IReadOnlyList<string> Args, string Path, bool AllFormats, IReadOnlyList<string> Setup)
    {
        public static CaseSpec Read(string file)
        {
            var (root, problem) = YamlReader.Read(File.ReadAllText(file), firstLine: 1);
            problem.ShouldBeNull($"{file}: {problem?.Message}");
            var map = root.ShouldBeOfType<YamlMapping>();
            string? Text(string key) => (map.Find(key)?.Value as YamlScalar)?.Value;
            List<string> List(string key) => map.Find(key)?.Value switch
            {
                YamlSequence sequence => [.. sequence.Items.Cast<YamlScalar>().Select(item => item.Value)],
                YamlScalar { IsNull: false } scalar => [scalar.Value],
                _ => [],
            };
            int? Number(string key) => Text(key) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;
            return new CaseSpec(Number("exit") ?? throw new InvalidOperationException($"{file}: no exit"), List("rules"), Number("files"), Number("items"),
                List("stderr"), List("stderr-not"), List("stdout"), List("stdout-not"), List("args"), Text("path") ?? ".", Text("formats") == "true", List("setup"));
        }
    }
}
