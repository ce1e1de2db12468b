using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using BacklogLint.Core.Analysis;

namespace BacklogLint.Core.Policies;

/// <summary>Loads a rule pack: an assembly of a team's own rules, written against the same public API as the
/// built-in ones (<see cref="Rule"/> and its kinds, <see cref="RuleDescriptor"/>, <see cref="RuleOption"/>), each in
/// its own <see cref="AssemblyLoadContext"/>. The pack's own dependencies resolve beside it (its <c>.deps.json</c>);
/// BacklogLint's assemblies and the framework are shared with the tool, so the types are the tool's own.</summary>
public static class RulePackLoader
{
    /// <summary>The rules of the pack at <paramref name="path"/>: every public, non-abstract <see cref="Rule"/> with a
    /// public parameterless constructor, in ID order. Throws <see cref="RulePackException"/> saying what is wrong.</summary>
    /// <param name="shownAs">How messages name the pack (the path as the configuration writes it); default: the path.</param>
    public static IReadOnlyList<Rule> Load(string path, string? shownAs = null)
    {
        var name = shownAs ?? path;
        if (!File.Exists(path)) throw new RulePackException($"the rule pack '{name}' does not exist (build it, or fix the path)");
        if (!RuntimeFeature.IsDynamicCodeSupported) throw new JitRuntimeRequiredException($"the rule pack '{name}' is an assembly, which only the JIT-compiled build can load");
        Assembly assembly;
        try
        {
            assembly = new PackLoadContext(path).LoadFromAssemblyPath(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            throw new RulePackException($"the rule pack '{name}' cannot be loaded: {e.Message}");
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new RulePackException($"the rule pack '{name}' needs what cannot be loaded ({e.Message}); was it built against this version of BacklogLint?");
        }

        var rules = new List<Rule>();
        foreach (var type in types.Where(type => type is { IsClass: true, IsAbstract: false } && typeof(Rule).IsAssignableFrom(type)))
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
                throw new RulePackException($"the rule pack '{name}': {type.FullName} needs a public parameterless constructor");
            try
            {
                rules.Add((Rule)Activator.CreateInstance(type)!);
            }
            catch (TargetInvocationException e)
            {
                throw new RulePackException($"the rule pack '{name}': {type.FullName} failed to start: {e.InnerException?.Message}");
            }
        }

        if (rules.Count == 0) throw new RulePackException($"the rule pack '{name}' has no public rule class");
        return [.. rules.OrderBy(rule => rule.Descriptor.Id, StringComparer.Ordinal)];
    }

    private sealed class PackLoadContext(string path) : AssemblyLoadContext($"BacklogLint rule pack {Path.GetFileName(path)}")
    {
        private readonly AssemblyDependencyResolver _resolver = new(Path.GetFullPath(path));

        protected override Assembly? Load(AssemblyName name)
        {
            // The tool's own assemblies (and whatever it already loaded) are shared: a pack's Rule is the tool's Rule.
            if (Default.Assemblies.Any(loaded => AssemblyName.ReferenceMatchesDefinition(loaded.GetName(), name)) || name.Name?.StartsWith("BacklogLint.", StringComparison.Ordinal) == true)
                return null;
            return _resolver.ResolveAssemblyToPath(name) is { } resolved ? LoadFromAssemblyPath(resolved) : null;
        }
    }
}

/// <summary>A rule pack that cannot be used; the message names it and what to do.</summary>
public sealed class RulePackException(string message) : Exception(message);

/// <summary>Thrown in the ahead-of-time compiled build for what only a JIT runtime can do (loading a rule pack): the
/// front end runs the same command in its JIT-compiled build instead.</summary>
public sealed class JitRuntimeRequiredException(string message) : Exception(message);
