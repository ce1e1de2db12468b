using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Rules.Format;

/// <summary>BL0502: a value of the wrong type or form: a bad date or period, an unknown status or type word, a list
/// where one value goes. The value is read as absent, so rules that need it stay silent until it is fixed.</summary>
public sealed class InvalidFieldValue : RepositoryRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.InvalidFieldValue,
        "invalid-field-value",
        "Invalid field value",
        "{0}",
        RuleCategory.Format,
        Severity.Error)
    {
        Fixable = true,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.AllItems | RuleInputs.Files;

    public override void Analyze(RepositoryContext context) => FileProblems.Report(context, ParseProblemKind.InvalidValue);
}
