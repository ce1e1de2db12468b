namespace BacklogLint.Rules;

/// <summary>Every built-in rule ID, in sequence. An ID is never reused: a retired rule's constant stays, commented.</summary>
public static class RuleIds
{
    public const string MissingOwner = "BL0001";
    public const string StaleAgreement = "BL0101";
    public const string OrphanedHandoff = "BL0201";
    public const string UnacceptedHandoff = "BL0202";
    public const string OwnerUnchangedAfterHandoff = "BL0203";
    public const string InvalidFrontMatter = "BL0501";
    public const string InvalidFieldValue = "BL0502";
    public const string HistoryUnavailable = "BL9001";
}
