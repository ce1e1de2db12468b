using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Rules.Format;

/// <summary>BL0501: front matter that cannot be read (not YAML, never closed, a binary or oversized file). The item
/// in it is not checked by any other rule until it is fixed, so this is an error.</summary>
public sealed class InvalidFrontMatter : RepositoryRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.InvalidFrontMatter,
        "invalid-front-matter",
        "Front matter is not valid YAML",
        "{0}",
        RuleCategory.Format,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RepositoryContext context) => FileProblems.Report(context, ParseProblemKind.Syntax);
}
