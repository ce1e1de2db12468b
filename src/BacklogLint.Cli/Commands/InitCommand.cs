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
                return ExitCodes.Fail($"'{folder}' is not a folder");

            var target = Path.Combine(folder, BacklogLintConfig.FileName);
            if (File.Exists(target) && !parseResult.GetValue(force))
                return ExitCodes.Fail($"{target} exists; use --force to overwrite it");

            var location = PlanningLocation.Find(folder);
            var dialect = DialectDetector.Detect(location.Folder);
            var repository = RepositoryLoader.Load(location, ConfigLoader.ForDialect(dialect));
            var yaml = StarterConfig.Generate(repository, repoPath => Path.GetRelativePath(location.Folder, Path.Combine(location.PathBase, repoPath)).Replace('\\', '/'), dialect);
            File.WriteAllText(target, yaml);
            Console.Out.WriteLine($"Wrote {target} for {repository.Items.Count} items (dialect {dialect}). Check the roster, then run 'backloglint check'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
