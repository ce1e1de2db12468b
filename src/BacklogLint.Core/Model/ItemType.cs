namespace BacklogLint.Core.Model;

/// <summary>The kind of a work item (<c>type:</c>).</summary>
public enum ItemType
{
    Task,
    Epic,
    Agreement,
}

/// <summary>What a status word means, by the item's type (DESIGN §1, status classes).</summary>
public enum StatusClass
{
    /// <summary>The status word is not known; rules that depend on the status leave the item alone.</summary>
    Unknown,

    Open,
    Active,
    Blocked,
    Closed,

    /// <summary>An agreement under discussion.</summary>
    Proposed,

    /// <summary>An agreement that holds.</summary>
    InForce,

    /// <summary>An agreement that no longer holds (superseded, withdrawn, …).</summary>
    Retired,
}

/// <summary>Questions about <see cref="StatusClass"/> that rules ask.</summary>
public static class StatusClasses
{
    /// <summary>Open, active or blocked: work that is not finished.</summary>
    public static bool IsUnfinished(this StatusClass status) =>
        status is StatusClass.Open or StatusClass.Active or StatusClass.Blocked;

    /// <summary>An agreement that is in force or proposed, and so must be kept current.</summary>
    public static bool IsLiveAgreement(this StatusClass status) =>
        status is StatusClass.InForce or StatusClass.Proposed;
}
