using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Session;
using BacklogLint.Rules;

namespace BacklogLint.Cli.Commands;

/// <summary>The rules a command in this folder sees: the built-in ones, then the rule packs' and policies' of the
/// configuration found as <c>check</c> finds it (upward from the current folder, or <c>--config</c>).</summary>
internal static class Catalogue
{
    /// <summary>The rules, or null after one error line on stderr (a configuration that cannot be read).</summary>
    public static IReadOnlyList<Rule>? Load(string? configPath)
    {
        try
        {
            return LintSession.Open(".", configPath, new AnalysisEngine(BuiltInRules.All), new ConfigLoader(BuiltInRules.Descriptors), TimeProvider.System).Engine.Rules;
        }
        catch (Exception e) when (e is LintSessionException or ConfigurationException)
        {
            ExitCodes.Fail(e.Message);
            return null;
        }
    }
}
