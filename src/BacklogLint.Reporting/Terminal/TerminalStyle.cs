using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Reporting.Terminal;

/// <summary>How text is painted in a terminal: with ANSI SGR colours, or not at all. These are the only escape sequences
/// the tool writes; every text it paints must already be one safe line (<see cref="TerminalText.OneLine"/>), so item
/// text can never carry an escape of its own.</summary>
public sealed class TerminalStyle
{
    private TerminalStyle(bool colour) => Colour = colour;

    /// <summary>No escapes at all: the layout of a terminal, for <c>NO_COLOR</c> or <c>--color never</c>.</summary>
    public static TerminalStyle Plain { get; } = new(false);

    /// <summary>ANSI colours.</summary>
    public static TerminalStyle Ansi { get; } = new(true);

    public bool Colour { get; }

    public string Bold(string text) => Paint("1", text);

    public string Dim(string text) => Paint("2", text);

    public string Underline(string text) => Paint("4", text);

    public string Code(string text) => Paint("36", text);

    public string Good(string text) => Paint("32", text);

    /// <summary>Red for errors, yellow for warnings, cyan for anything milder.</summary>
    public string For(Severity severity, string text) => severity switch
    {
        Severity.Error => Paint("1;31", text),
        Severity.Warning => Paint("33", text),
        _ => Paint("36", text),
    };

    private string Paint(string code, string text) => Colour && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
