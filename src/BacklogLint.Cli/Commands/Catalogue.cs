using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Loading;
using BacklogLint.Rules;

namespace BacklogLint.Cli.Commands;

/// <summary>The rules a command in this folder sees: the built-in ones, then the rule packs' and policies' of the
/// configuration found as <c>check</c> finds it (upward from the current folder, or <c>--config</c>).</summary>
internal static class Catalogue
{
    /// <summary>The rules, or null after one error line on stderr (a configuration that cannot be read).</summary>
    public static IReadOnlyList<Rule>? Load(string? configPath)
    {
        if (configPath is not null && !File.Exists(configPath))
        {
            Console.Error.WriteLine($"backloglint: {configPath}: the configuration file does not exist");
            return null;
        }

        var found = CheckScope.For(".", configPath).ConfigPath;
        if (found is null) return BuiltInRules.All;
        try
        {
            return [.. BuiltInRules.All, .. new ConfigLoader(BuiltInRules.Descriptors).Load(found).ExtraRules];
        }
        catch (ConfigurationException e)
        {
            Console.Error.WriteLine($"backloglint: {e.Message}");
            return null;
        }
    }
}
