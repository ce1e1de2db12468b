namespace BacklogLint.Core.Analysis;

/// <summary>The groups of the catalogue; each owns a hundred of rule IDs.</summary>
public enum RuleCategory
{
    /// <summary>BL00xx: who is accountable.</summary>
    Ownership,

    /// <summary>BL01xx: agreements between teams.</summary>
    Agreements,

    /// <summary>BL02xx: work handed from one team to another.</summary>
    Handoffs,

    /// <summary>BL03xx: work that stalls, slips or closes unfinished.</summary>
    Flow,

    /// <summary>BL04xx: links between items.</summary>
    References,

    /// <summary>BL05xx: the files themselves.</summary>
    Format,

    /// <summary>BL06xx: the suppression directives themselves.</summary>
    Suppressions,

    /// <summary>BL9xxx: the tool's own circumstances.</summary>
    Tooling,

    /// <summary>A team's own rules: rule packs and the configuration's <c>policies</c> (IDs of their own, never BL).</summary>
    Policy,
}
