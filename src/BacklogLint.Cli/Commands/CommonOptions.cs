using System.CommandLine;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Cli.Commands;

/// <summary>The argument and options several commands share, declared once so that they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Argument<string> PlanningFolder() => new("path")
    {
        Description = "A folder or file to check (default: the current folder). The configuration is found upward from it, the planning repository it describes is loaded whole, and the findings under PATH are reported.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    /// <param name="note">Appended to the description, for what the command does with it.</param>
    public static Option<string?> Config(string note = "") => new("--config", "-c")
    {
        Description = "The configuration file (default: the nearest .backloglint.yml at or above PATH, up to the repository root; its globs are relative to its folder)." + note,
    };

    public static Option<string?> Now() => new("--now")
    {
        Description = "The date to check as of, YYYY-MM-DD or ISO 8601 (default: today, UTC).",
    };

    public static Option<string> FailOn(string description)
    {
        var option = new Option<string>("--fail-on") { Description = description, DefaultValueFactory = _ => "error" };
        option.AcceptOnly("error", "warning", "none");
        return option;
    }

    /// <summary>The least severity that fails the run for a <c>--fail-on</c> value; null for <c>none</c>.</summary>
    public static Severity? FailureThreshold(string failOn) => failOn switch
    {
        "warning" => Severity.Warning,
        "none" => null,
        _ => Severity.Error,
    };

    /// <summary>Refuses any value but <paramref name="values"/> in one line that lists them (System.CommandLine's own
    /// <c>AcceptOnlyFromAmong</c> takes a line per value), and completes them.</summary>
    public static void AcceptOnly(this Option<string> option, params IEnumerable<string> values)
    {
        var allowed = values.ToList();
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            var value = result.Tokens[^1].Value;
            if (!allowed.Contains(value, StringComparer.Ordinal))
                result.AddError($"'{value}' is not a value of {option.Name}: use {string.Join(", ", allowed)}");
        });
        option.CompletionSources.Add([.. allowed]);
    }

    /// <summary><c>--color auto|always|never</c>: see <see cref="TerminalOutput.Resolve"/>.</summary>
    public static Option<string> Color()
    {
        var option = new Option<string>("--color")
        {
            Description = "Colour and the layout for a terminal: auto (when stdout is a terminal, NO_COLOR is unset and TERM is not dumb; FORCE_COLOR forces it), always, never.",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnly("auto", "always", "never");
        return option;
    }

    /// <summary><c>--quiet</c>: only what fails the run. Anything a command prints besides its report (progress on stderr)
    /// should stay silent when this is set: read it with <c>parseResult.GetValue(CommonOptions.Quiet)</c>.</summary>
    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only the findings that fail the run (at or above --fail-on; errors with --fail-on none), no summary.",
    };
}
