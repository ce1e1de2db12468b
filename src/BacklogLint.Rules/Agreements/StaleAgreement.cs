using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Agreements;

/// <summary>BL0101: an in-force or proposed agreement nobody has revisited: its <c>review-by</c> has passed, or with
/// <c>review-every</c> the last revisit is older than that period, otherwise older than <c>max-age</c>.</summary>
public sealed class StaleAgreement : AgreementRule
{
    public static PeriodOption MaxAge { get; } = new(
        "max-age", "How long an agreement with neither review-by nor review-every holds before it is stale.", new Period(180, PeriodUnit.Day));

    public static RuleDescriptor Rule { get; } = new(
        RuleIds.StaleAgreement,
        "stale-agreement",
        "Agreement not revisited in time",
        "Agreement {0} is stale: {1}",
        RuleCategory.Agreements,
        Severity.Warning)
    {
        Options = [MaxAge],
    };

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.History;

    public override void Analyze(AgreementContext context)
    {
        var agreement = context.Agreement;
        if (!agreement.Status.IsLiveAgreement()) return;
        var wholeItem = agreement.Kind == AgreementKind.WholeItem;
        // A settled record (an accepted decision, an implemented proposal) stands until superseded.
        if (wholeItem && context.Item.Status.IsFinal) return;
        var name = Name(context.Item, agreement);

        if (agreement.ReviewBy is { } reviewBy)
        {
            if (reviewBy.Value < context.Today)
                context.Report(Point(agreement, reviewBy.Span), name, $"its review-by date {Date(reviewBy.Value)} has passed");
            return;
        }

        if (context.LastRevisited is not { } revisited) return;
        if (agreement.ReviewEvery is { } every)
        {
            if (every.Value.HasElapsed(revisited, context.Today))
                context.Report(Point(agreement, every.Span), name, $"last revisited {Date(revisited)}, and it is to be reviewed every {every.Value}");
            return;
        }

        // A status with a time limit of its own (EIP-1's Draft) is BL0301's, one with a deadline (Last Call) BL0302's: the
        // format's process says when it is stale.
        if (wholeItem && (context.Item.Status.Lifecycle.Limit is not null || context.Item.Status.Deadline is not null)) return;
        var maxAge = context.Option(MaxAge);
        if (maxAge.HasElapsed(revisited, context.Today))
            context.Report(agreement.Span, name, $"last revisited {Date(revisited)}, more than {maxAge} ago (max-age)");
    }

    // An inline agreement is one line: point at all of it; a whole item: at the key that decided.
    private static SourceSpan Point(Agreement agreement, SourceSpan key) =>
        agreement.Kind == AgreementKind.Inline ? agreement.Span : key;

    private static string Name(WorkItem item, Agreement agreement)
    {
        if (agreement.Kind == AgreementKind.WholeItem) return $"'{item.Id.Value}'";
        var text = agreement.Text.Length > 60 ? agreement.Text[..57] + "..." : agreement.Text;
        return $"\"{text}\" in '{item.Id.Value}'";
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
