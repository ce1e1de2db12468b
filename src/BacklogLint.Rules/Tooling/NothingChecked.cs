using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Tooling;

/// <summary>BL9002: the configuration selects no work item, so a green run would mean nothing: reported at the
/// configuration's <c>items</c> (or for the repository as a whole when there is no configuration file), saying which
/// globs matched nothing, how many Markdown files were seen and which built-in format would read them. A glob that
/// selects no item while others do is reported at the glob.</summary>
public sealed class NothingChecked : RepositoryRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.NothingChecked,
        "nothing-checked",
        "The configuration selects no work item",
        "{0}",
        RuleCategory.Tooling,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.AllItems | RuleInputs.Files;

    public override void Analyze(RepositoryContext context)
    {
        var repository = context.Repository;
        var selection = repository.Selection;
        if (repository.Items.Count > 0)
        {
            foreach (var glob in selection.Globs.Where(glob => glob.Items == 0 && glob.Span is not null))
                if (selection.ConfigPath is { } config)
                    context.Report(config, glob.Span!.Value, "glob:" + glob.Glob,
                        $"'items' glob '{glob.Glob}' selects no work item ({repository.Items.Count} items come from the others): correct it or remove it");
            return;
        }

        var message = $"Nothing was checked: {What(selection)}, so no rule could find anything; {Proposal(selection)}";
        if (selection.ConfigPath is { } path && selection.Globs.FirstOrDefault(glob => glob.Span is not null)?.Span is { } span)
            context.Report(path, new SourceSpan(span.Line, 1, span.Line, span.Line == span.EndLine ? span.EndColumn : span.Column + 1), "nothing-checked", message);
        else if (selection.ConfigPath is { } configPath)
            context.Report(configPath, SourceSpan.At(1), "nothing-checked", message);
        else
            context.ReportRepository("nothing-checked", message);
    }

    private static string What(ItemSelection selection)
    {
        var files = selection.MarkdownFiles == 1 ? "1 Markdown file was" : $"{selection.MarkdownFiles} Markdown files were";
        if (selection.Globs.Count == 0) return $"{files} seen and none is a work item";
        var globs = string.Join(", ", selection.Globs.Select(glob => $"'{glob.Glob}'"));
        var own = selection.Globs.All(glob => glob.Span is null) ? " (the dialect's own)" : "";
        var (noun, verb) = selection.Globs.Count == 1 ? ("glob", "selects") : ("globs", "select");
        return $"the 'items' {noun} {globs}{own} {verb} no work item, and {files} seen";
    }

    private static string Proposal(ItemSelection selection) => selection.Proposal is var (dialect, items)
        ? $"the built-in '{dialect}' dialect reads {items} of them (dialect: {dialect}; `backloglint init --force` writes it)"
        : "no built-in format reads them: list the item files under 'items' and describe their keys under 'format' (README, Dialects)";
}
