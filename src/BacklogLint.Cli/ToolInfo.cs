using System.Reflection;

namespace BacklogLint.Cli;

/// <summary>The tool's version as reports and GitHub requests give it. Its own class: a static of a runner would
/// start that runner's logging definitions with it.</summary>
internal static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
