using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Core.Configuration;

/// <summary>The configuration cannot be used. The message names the file, line and key; the CLI prints it and exits 2.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string path, SourceSpan? span, string problem)
        : base(span is { } at ? $"{path}({at.Line},{at.Column}): {problem}" : $"{path}: {problem}")
    {
        Problem = problem;
    }

    public ConfigurationException()
    {
        Problem = "";
    }

    public ConfigurationException(string message)
        : base(message)
    {
        Problem = message;
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    public string Problem { get; }
}
