using System.CommandLine;

namespace BacklogLint.Cli.Commands;

/// <summary>The argument and options several commands share, declared once so that they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Argument<string> PlanningFolder() => new("path")
    {
        Description = "The planning folder (default: the current folder).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    /// <param name="note">Appended to the description, for what the command does with it.</param>
    public static Option<string?> Config(string note = "") => new("--config", "-c")
    {
        Description = "The configuration file (default: .backloglint.yml in PATH, else at the repository root)." + note,
    };

    public static Option<string?> Now() => new("--now")
    {
        Description = "The date to check as of, YYYY-MM-DD or ISO 8601 (default: today, UTC).",
    };

    public static Option<string> FailOn(string description)
    {
        var option = new Option<string>("--fail-on") { Description = description, DefaultValueFactory = _ => "error" };
        option.AcceptOnlyFromAmong("error", "warning", "none");
        return option;
    }
}
