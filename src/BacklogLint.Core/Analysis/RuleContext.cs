using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;
using BacklogLint.Core.Suppressions;

namespace BacklogLint.Core.Analysis;

/// <summary>What every analysis gets: the repository, today's date, the rule's options, and a way to report.</summary>
public abstract class RuleContext
{
    private readonly RuleRun _run;

    private protected RuleContext(RuleRun run) => _run = run;

    public PlanningRepository Repository => _run.Repository;

    /// <summary>"Now" as a UTC date; injectable (<c>--now</c>), so analyses are reproducible.</summary>
    public DateOnly Today => _run.Today;

    /// <summary>The configured value of <paramref name="option"/>, else its default.</summary>
    public T Option<T>(RuleOption<T> option)
        where T : notnull => _run.Option(option);

    /// <summary>A value worked out once per run of this rule, on the first call, and shared by every context of the run
    /// (an index over the whole repository, say); <paramref name="compute"/> gets the repository. No static state: a
    /// rule that needs one run-wide value asks for it here.</summary>
    public T Computed<T>(Func<PlanningRepository, T> compute)
        where T : class => _run.Computed(compute);

    /// <summary>True when strictly more than <paramref name="days"/> whole days lie between <paramref name="date"/> and today.</summary>
    public bool IsOlderThan(DateOnly date, int days) => Today.DayNumber - date.DayNumber > days;

    private protected void Report(WorkItem? item, string? path, SourceSpan? span, string anchor, object?[] arguments, Fix? fix = null) =>
        _run.Report(item, path, span, anchor, arguments, fix);
}

/// <summary>The context of an <see cref="ItemRule"/>.</summary>
public sealed class ItemContext : RuleContext
{
    internal ItemContext(RuleRun run, WorkItem item)
        : base(run) => Item = item;

    public WorkItem Item { get; }

    /// <param name="anchor">What the finding is about within the item (a key, a handoff); with the rule and item
    /// it makes the fingerprint, so it must not contain line numbers.</param>
    public void Report(SourceSpan span, string anchor, params object?[] arguments) =>
        Report(Item, Item.Path, span, anchor, arguments);

    /// <summary>Reports with a fix that cannot change what the item means (<see cref="Diagnostic.Fix"/>); null: none.</summary>
    public void Report(SourceSpan span, string anchor, Fix? fix, params object?[] arguments) =>
        Report(Item, Item.Path, span, anchor, arguments, fix);

    /// <summary>Reports in a document that belongs to the item (<see cref="PlanningRepository.DocumentsOf"/>).</summary>
    public void Report(string documentPath, SourceSpan span, string anchor, params object?[] arguments) =>
        Report(Item, documentPath, span, anchor, arguments);

    /// <summary>Reports in a document that belongs to the item, with a fix (null: none).</summary>
    public void Report(string documentPath, SourceSpan span, string anchor, Fix? fix, params object?[] arguments) =>
        Report(Item, documentPath, span, anchor, arguments, fix);
}

/// <summary>The context of an <see cref="AgreementRule"/>.</summary>
public sealed class AgreementContext : RuleContext
{
    internal AgreementContext(RuleRun run, WorkItem item, Agreement agreement)
        : base(run)
    {
        Item = item;
        Agreement = agreement;
    }

    public WorkItem Item { get; }

    public Agreement Agreement { get; }

    /// <summary>When the agreement was last revisited; see <see cref="PlanningRepository.LastRevisited"/>.</summary>
    public DateOnly? LastRevisited => Repository.LastRevisited(Item, Agreement);

    public void Report(SourceSpan span, params object?[] arguments) =>
        Report(Item, Item.Path, span, Agreement.Key, arguments);
}

/// <summary>The context of a <see cref="SuppressionRule"/>: every suppression of the run with what it did.</summary>
public sealed class SuppressionContext : RuleContext
{
    internal SuppressionContext(RuleRun run, IReadOnlyList<SuppressionUse> suppressions)
        : base(run) => Suppressions = suppressions;

    public IReadOnlyList<SuppressionUse> Suppressions { get; }

    /// <summary>Reports on the directive itself.</summary>
    public void Report(SuppressionUse use, params object?[] arguments) => Report(use, (Fix?)null, arguments);

    /// <summary>Reports on the directive itself, with a fix (null: none).</summary>
    public void Report(SuppressionUse use, Fix? fix, params object?[] arguments) =>
        Report(Repository.ItemAt(use.Path), use.Path, use.Suppression.Span,
            "suppression:" + use.Suppression.Describe(), arguments, fix);
}

/// <summary>The context of a <see cref="RepositoryRule"/>.</summary>
public sealed class RepositoryContext : RuleContext
{
    internal RepositoryContext(RuleRun run)
        : base(run)
    {
    }

    public void Report(WorkItem item, SourceSpan span, string anchor, params object?[] arguments) =>
        Report(item, item.Path, span, anchor, arguments);

    /// <summary>Reports on a file that may hold no item.</summary>
    public void Report(string path, SourceSpan span, string anchor, params object?[] arguments) =>
        Report(Repository.ItemAt(path), path, span, anchor, arguments);

    /// <summary>Reports on a file that may hold no item, with a fix (null: none).</summary>
    public void Report(string path, SourceSpan span, string anchor, Fix? fix, params object?[] arguments) =>
        Report(Repository.ItemAt(path), path, span, anchor, arguments, fix);

    /// <summary>Reports on the repository as a whole: no file, no line.</summary>
    public void ReportRepository(string anchor, params object?[] arguments) =>
        Report(null, null, null, anchor, arguments);
}
