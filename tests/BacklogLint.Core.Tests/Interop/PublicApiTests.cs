using System.Reflection;
using BacklogLint.Core.Session;

namespace BacklogLint.Core.Tests.Interop;

/// <summary>Core's public API is what rules, rule packs and every front end are written against: no type of the native
/// git binding may show in it, so that the binding can change (or be replaced) without breaking a rule pack.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void No_LibGit2Sharp_type_appears_in_the_public_api()
    {
        var leaks = PublicSignatures(typeof(LintSession).Assembly)
            .Where(signature => signature.Types.Any(type => type.Namespace?.StartsWith("LibGit2Sharp", StringComparison.Ordinal) == true))
            .Select(signature => signature.Member)
            .Order(StringComparer.Ordinal)
            .ToList();

        leaks.ShouldBeEmpty();
    }

    private static IEnumerable<(string Member, IEnumerable<Type> Types)> PublicSignatures(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes())
        {
            yield return (type.FullName!, Expand(type.BaseType).Concat(type.GetInterfaces().SelectMany(Expand)));
            foreach (var member in type.GetMembers(Declared | BindingFlags.NonPublic))
            {
                if (!IsVisible(member)) continue;
                var name = type.FullName + "." + member.Name;
                switch (member)
                {
                    case MethodBase method:
                        yield return (name, method.GetParameters().SelectMany(p => Expand(p.ParameterType))
                            .Concat(method is MethodInfo info ? Expand(info.ReturnType) : []));
                        break;
                    case PropertyInfo property:
                        yield return (name, Expand(property.PropertyType));
                        break;
                    case FieldInfo field:
                        yield return (name, Expand(field.FieldType));
                        break;
                    case EventInfo @event:
                        yield return (name, Expand(@event.EventHandlerType));
                        break;
                }
            }
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisible),
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
        _ => false,
    };

    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null) yield break;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType())) yield return inner;
            yield break;
        }
        yield return type;
        if (!type.IsGenericType) yield break;
        foreach (var argument in type.GetGenericArguments().SelectMany(Expand)) yield return argument;
    }
}
