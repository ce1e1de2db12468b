using BacklogLint.Core.Analysis;

namespace BacklogLint.Rules;

/// <summary>The built-in rules, in ID order: every rule class of this assembly. Adding a rule: its ID in
/// <see cref="RuleIds"/> (the one list: IDs are never reused), a class in its category folder (copy a neighbour), a
/// page <c>rules/BLxxxx.md</c> and a fixture <c>Fixtures/BLxxxx/firing</c> (ConventionTests say what is missing).</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } =
        [.. typeof(BuiltInRules).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(Rule).IsAssignableFrom(type))
            .Select(type => (Rule)Activator.CreateInstance(type)!)
            .OrderBy(rule => rule.Descriptor.Id, StringComparer.Ordinal)];

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [.. All.Select(rule => rule.Descriptor)];
}
