using System.Diagnostics;
using System.Globalization;
using BacklogLint.Benchmarks;
using BacklogLint.Testing.Accuracy;

const string Usage = """
    usage: generate <folder> <items> <commits> [body-kb] [agreements-%]
                                                 a git repository of native work items with that much history
                                                 (body-kb: KB of prose in each item, as in proposal documents;
                                                 agreements-%: the share of items with inline agreements, default 10)
           accuracy <folder> <items> [seed] [--tuned]
                                                 a repository with planted findings; prints precision and recall per rule
                                                 (--tuned: non-default rule options in .backloglint.yml)
           micro [BenchmarkDotNet options]       the hot paths (parsing, tree comparison, rules) with BenchmarkDotNet
           lsp <tool.dll> <folder> [edits]        the language server on a repository: first diagnostics, and the time
                                                 from an edit of one item to its diagnostics
           corpora <results> <labels.tsv>        the real-repository report of corpora.sh: findings per rule and
                                                 repository, precision from the labels
           items <folder>                        the paths of the work items a check of the folder reads, relative to
                                                 its git work tree, one a line (what bench.sh gives git log)
    """;

return args switch
{
    ["generate", var folder, var items, var commits] => Generate(Path.GetFullPath(folder), Number(items), Number(commits), 0),
    ["generate", var folder, var items, var commits, var body] => Generate(Path.GetFullPath(folder), Number(items), Number(commits), Number(body)),
    ["generate", var folder, var items, var commits, var body, var agreements] =>
        Generate(Path.GetFullPath(folder), Number(items), Number(commits), Number(body), Number(agreements)),
    ["accuracy", var folder, var items] => Accuracy(Path.GetFullPath(folder), Number(items), 1, AccuracyOptions.Defaults),
    ["accuracy", var folder, var items, var seed] => Accuracy(Path.GetFullPath(folder), Number(items), Number(seed), AccuracyOptions.Defaults),
    ["accuracy", var folder, var items, var seed, "--tuned"] => Accuracy(Path.GetFullPath(folder), Number(items), Number(seed), AccuracyOptions.Tuned),
    ["micro", .. var options] => Micro(options),
    ["corpora", var results, var labels] => CorporaReport.Run(results, labels),
    ["items", var folder] => Items(folder),
    ["lsp", var tool, var folder] => await LanguageServerBenchmark.RunAsync(tool, folder, 30),
    ["lsp", var tool, var folder, var edits] => await LanguageServerBenchmark.RunAsync(tool, folder, Number(edits)),
    _ => Fail(),
};

static int Micro(string[] options)
{
    // Reports go to the temp folder, not into the repository (BenchmarkDotNet's default is the current folder).
    string[] artifacts = options.Contains("--artifacts") ? [] : ["--artifacts", Path.Combine(Path.GetTempPath(), "backloglint-benchmarks")];
    BenchmarkDotNet.Running.BenchmarkRunner.Run<HotPaths>(args: [.. options, .. artifacts]);
    return 0;
}

static int Generate(string folder, int items, int commits, int bodyKilobytes, int agreementsPercent = 10)
{
    var stopwatch = Stopwatch.StartNew();
    PlanningRepoGenerator.Generate(folder, items, commits, bodyKilobytes, agreementsPercent);
    Console.Error.WriteLine($"generated {items} items, {commits} commits in {folder} ({stopwatch.Elapsed.TotalSeconds:F1} s)");
    return 0;
}

// The table goes to stdout; timings and up to 10 mismatches per rule to stderr. Exit code 1 when any rule disagrees.
static int Accuracy(string folder, int items, int seed, AccuracyOptions options)
{
    if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
    {
        Console.Error.WriteLine($"{folder} is not empty");
        return 2;
    }

    var stopwatch = Stopwatch.StartNew();
    var plan = AccuracyPlan.Generate(items, seed, options);
    var planned = stopwatch.Elapsed;
    plan.Write(folder);
    var generated = stopwatch.Elapsed;
    var result = plan.Check(folder);
    var checkedIn = stopwatch.Elapsed - generated;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Accuracy on {items} generated items (seed {seed}, options {options}), checked as of {AccuracyPlan.Now:yyyy-MM-dd}:\n"));
    Console.WriteLine(result.MarkdownTable());
    Console.Error.Write(result.Describe(10));
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"planned in {planned.TotalSeconds:F1} s, committed in {(generated - planned).TotalSeconds:F1} s, checked in {checkedIn.TotalSeconds:F1} s; {result.Mismatches.Count} mismatches; repository: {folder}"));
    return result.IsExact ? 0 : 1;
}

// As check opens PATH: the configuration found upward from it, the whole planning repository it describes.
static int Items(string folder)
{
    var session = BacklogLint.Core.Session.LintSession.Open(folder, null, new BacklogLint.Core.Analysis.AnalysisEngine(BacklogLint.Rules.BuiltInRules.All),
        new BacklogLint.Core.Configuration.ConfigLoader(BacklogLint.Rules.BuiltInRules.Descriptors), TimeProvider.System);
    foreach (var item in session.LoadWorkingTree().Items) Console.WriteLine(item.Path);
    return 0;
}

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Fail()
{
    Console.Error.WriteLine(Usage);
    return 2;
}
