namespace BacklogLint.Rules;

/// <summary>Every built-in rule ID, in sequence. An ID is never reused: a retired rule's constant stays, commented.</summary>
public static class RuleIds
{
    public const string MissingOwner = "BL0001";
    public const string OwnerNotInRoster = "BL0002";
    public const string WorkInProgressLimit = "BL0003";
    public const string StaleAgreement = "BL0101";
    public const string AgreementWithoutParties = "BL0102";
    public const string SupersededWithoutSuccessor = "BL0103";
    public const string OrphanedHandoff = "BL0201";
    public const string UnacceptedHandoff = "BL0202";
    public const string OwnerUnchangedAfterHandoff = "BL0203";
    public const string UntouchedActiveItem = "BL0301";
    public const string OverdueItem = "BL0302";
    public const string BlockedWithoutBlocker = "BL0303";
    public const string ClosedWithOpenTasks = "BL0304";
    public const string UnknownReference = "BL0401";
    public const string DependencyCycle = "BL0402";
    public const string DependsOnDropped = "BL0403";
    public const string DuplicateId = "BL0404";
    public const string CrossTeamDependency = "BL0405";
    public const string InvalidFrontMatter = "BL0501";
    public const string InvalidFieldValue = "BL0502";
    public const string UnusedSuppression = "BL0601";
    public const string SuppressionWithoutReason = "BL0602";
    public const string ExpiredSuppression = "BL0603";
    public const string HistoryUnavailable = "BL9001";
    public const string NothingChecked = "BL9002";
}
