namespace BacklogLint.Core.Analysis;

/// <summary>A rule: a descriptor and one analysis. Derive from <see cref="ItemRule"/>, <see cref="AgreementRule"/>
/// or <see cref="RepositoryRule"/>. Rules do no I/O: time, history and the roster come from the context.</summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>What it reads besides the item it looks at (<see cref="RuleInputs"/>): say no more than it reads, or an
    /// editor shows stale findings; a rule over suppressions reads every other rule's findings, so keeps the default.</summary>
    public virtual RuleInputs Reads => RuleInputs.Everything;
}

/// <summary>A rule that looks at one work item at a time.</summary>
public abstract class ItemRule : Rule
{
    public abstract void Analyze(ItemContext context);
}

/// <summary>A rule that looks at one agreement at a time, whole-item or inline, whatever its item's status.</summary>
public abstract class AgreementRule : Rule
{
    public abstract void Analyze(AgreementContext context);
}

/// <summary>A rule that looks at the repository once (cycles, duplicates, parties nobody knows).</summary>
public abstract class RepositoryRule : Rule
{
    public abstract void Analyze(RepositoryContext context);
}

/// <summary>A rule about the suppression directives themselves (unused, without a reason, expired). It runs after
/// every other rule's findings were matched against the suppressions.</summary>
public abstract class SuppressionRule : Rule
{
    public abstract void Analyze(SuppressionContext context);
}
