using System.Diagnostics;
using System.Globalization;
using BacklogLint.Benchmarks;

// generate <folder> <items> <commits>: a git repository of native work items with that much history.
if (args.Length != 4 || args[0] != "generate")
{
    Console.Error.WriteLine("usage: generate <folder> <items> <commits>");
    return 2;
}

var folder = Path.GetFullPath(args[1]);
var items = int.Parse(args[2], CultureInfo.InvariantCulture);
var commits = int.Parse(args[3], CultureInfo.InvariantCulture);
var stopwatch = Stopwatch.StartNew();
PlanningRepoGenerator.Generate(folder, items, commits);
Console.Error.WriteLine($"generated {items} items, {commits} commits in {folder} ({stopwatch.Elapsed.TotalSeconds:F1} s)");
return 0;
