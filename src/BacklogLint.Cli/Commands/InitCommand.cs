using System.CommandLine;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Dialects;
using BacklogLint.Core.Loading;

namespace BacklogLint.Cli.Commands;

/// <summary><c>backloglint init [PATH]</c>: a starter configuration for the repository it is run in.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var path = CommonOptions.PlanningFolder();
        var force = new Option<bool>("--force") { Description = "Overwrite an existing .backloglint.yml." };
        var command = new Command("init", "Write a starter .backloglint.yml: the dialect the layout shows, item folders and a roster from the owners and teams found.") { path, force };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(path)!;
            if (!Directory.Exists(folder))
                return ExitCodes.Fail(File.Exists(folder) ? $"'{folder}' is a file: init writes the configuration into a folder" : $"'{folder}' does not exist");

            var target = Path.Combine(folder, BacklogLintConfig.FileName);
            if (File.Exists(target) && !parseResult.GetValue(force))
                return ExitCodes.Fail($"{target} exists; use --force to overwrite it");

            var location = PlanningLocation.Find(folder);
            var (format, counts) = DialectDetector.Propose(location);
            var dialect = format.Dialect;
            var config = ConfigLoader.ForDialect(dialect);
            var repository = RepositoryLoader.Load(location, format.Items is null ? config : config with { Items = format.Items });
            var yaml = StarterConfig.Generate(repository, repoPath => Path.GetRelativePath(location.Folder, Path.Combine(location.PathBase, repoPath)).Replace('\\', '/'), dialect, format.Items);
            File.WriteAllText(target, yaml);
            var others = string.Join(", ", counts.Where(pair => pair.Key != dialect).OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}"));
            Console.Out.WriteLine($"Wrote {target}: dialect {dialect}, {repository.Items.Count} items. Check the roster, then run 'backloglint check'.");
            Console.Out.WriteLine($"Why {dialect}: {format.Reason}; it reads {counts[dialect]} items, the other formats {others}.");
            if (repository.Items.Count == 0)
                Console.Error.WriteLine($"backloglint: warning: no built-in format reads a work item here ({repository.MarkdownPaths.Count} Markdown files seen): list the item files under 'items:' and describe their keys under 'format:' (README, Dialects)");
            return ExitCodes.Success;
        });
        return command;
    }
}
