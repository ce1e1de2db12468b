using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Rules.Format;

/// <summary>BL0501: front matter that cannot be read (not YAML, never closed, a binary, oversized or unreadable file).
/// Such a file yields no item, so no other rule checks it until it is fixed: this is an error.</summary>
public sealed class InvalidFrontMatter : RepositoryRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.InvalidFrontMatter,
        "invalid-front-matter",
        "Front matter cannot be read",
        "{0}",
        RuleCategory.Format,
        Severity.Error)
    {
        Fixable = true,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.AllItems | RuleInputs.Files;

    public override void Analyze(RepositoryContext context) => FileProblems.Report(context, ParseProblemKind.Syntax);
}
