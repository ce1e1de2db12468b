using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.Agreements;

/// <summary>BL0102: an in-force or proposed agreement that names nobody who agreed: a whole-item agreement with no
/// <c>parties</c> (absent, empty, or only placeholders such as <c>TBD</c>), or an inline agreement with no
/// @-mention. Retired agreements are not checked, nor agreements in a format with no key for parties.</summary>
public sealed class AgreementWithoutParties : AgreementRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.AgreementWithoutParties,
        "agreement-without-parties",
        "Agreement names no parties",
        "Agreement {0} names no parties: {1}",
        RuleCategory.Agreements,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.Item;

    public override void Analyze(AgreementContext context)
    {
        var agreement = context.Agreement;
        if (agreement.PartiesKey is not { } partiesKey || !agreement.Status.IsLiveAgreement() || agreement.Parties.Any(party => !Party.IsPlaceholder(party.Value))) return;
        // The format's process names who agrees later (a provisional KEP), or the record is settled.
        if (agreement.Kind == AgreementKind.WholeItem && (!context.Item.Status.Lifecycle.NeedsParties || context.Item.Status.IsFinal)) return;
        if (agreement.Kind == AgreementKind.WholeItem)
            context.Report(agreement.Span, $"'{context.Item.Id.Value}'", $"list who agreed in '{partiesKey}'");
        else
            context.Report(agreement.Span, $"\"{Shorten(agreement.Text)}\" in '{context.Item.Id.Value}'", "mention who agreed (@team or @person)");
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;
}
