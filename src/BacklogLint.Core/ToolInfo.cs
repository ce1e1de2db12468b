using System.Reflection;

namespace BacklogLint.Core;

/// <summary>The tool's version as reports, GitHub requests and the language server give it (every assembly of the
/// tool has the same). Its own class: a static of a runner would start that runner's logging definitions with it.</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
