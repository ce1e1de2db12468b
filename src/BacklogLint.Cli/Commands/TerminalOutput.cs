using BacklogLint.Reporting.Terminal;

namespace BacklogLint.Cli.Commands;

/// <summary>What stdout is: a terminal a person reads (the grouped layout with quoted lines, colour when wanted), or a
/// file or pipe a tool reads (the plain format, byte for byte as it always was).</summary>
/// <param name="Rich">The layout for a person: stdout is a terminal, or colour was forced.</param>
internal sealed record TerminalOutput(bool Rich, TerminalStyle Style)
{
    public static readonly TerminalOutput Redirected = new(false, TerminalStyle.Plain);

    /// <summary>Colour, strongest first: <c>--color always|never</c>; <c>FORCE_COLOR</c> (any value but <c>0</c> or
    /// <c>false</c> forces it, those two turn it off); <c>NO_COLOR</c> (any non-empty value turns it off, see
    /// no-color.org); <c>TERM=dumb</c> (off); else on when stdout is a terminal.</summary>
    public static TerminalOutput Resolve(string color, bool stdoutRedirected, Func<string, string?> environment)
    {
        var force = environment("FORCE_COLOR");
        bool? wanted = color switch
        {
            "always" => true,
            "never" => false,
            _ when force is not null => force is not ("0" or "false"),
            _ when !string.IsNullOrEmpty(environment("NO_COLOR")) => false,
            _ when environment("TERM") == "dumb" => false,
            _ => null,
        };
        var colour = wanted ?? !stdoutRedirected;
        var rich = !stdoutRedirected || colour;
        return new TerminalOutput(rich, colour ? TerminalStyle.Ansi : TerminalStyle.Plain);
    }

    /// <summary>For the command being run: stdout as the process has it, the real environment.</summary>
    public static TerminalOutput ForConsole(string color) =>
        Resolve(color, Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
}
