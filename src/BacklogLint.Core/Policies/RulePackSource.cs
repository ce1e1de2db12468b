using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BacklogLint.Core.Policies;

/// <summary>Where a <c>rule-packs:</c> entry's assembly is. An entry is one of:
/// <list type="bullet">
/// <item>a path to the assembly (<c>tools/Acme.BacklogRules.dll</c>), relative to the configuration;</item>
/// <item>a path to a NuGet package file (<c>tools/Acme.BacklogRules.1.2.0.nupkg</c>): its <c>lib/</c> folder for the
/// newest framework this tool runs is unpacked once into a cache folder named by the package's hash;</item>
/// <item>a package and version (<c>Acme.BacklogRules@1.2.0</c>) in the NuGet global packages folder
/// (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>), where any restore puts it (a <c>PackageDownload</c> or
/// <c>PackageReference</c> in the repository's build).</item>
/// </list>
/// A package's assembly is the one named like the package, else its only assembly.</summary>
public static partial class RulePackSource
{
    /// <summary>The assembly to load for <paramref name="entry"/>. Throws <see cref="RulePackException"/> saying what is
    /// missing and how to get it.</summary>
    /// <param name="folder">The configuration's folder.</param>
    /// <param name="packagesFolder">The NuGet global packages folder; default: NuGet's own rule.</param>
    /// <param name="cacheFolder">Where package files are unpacked; default: the user's cache folder.</param>
    public static string Resolve(string folder, string entry, string? packagesFolder = null, string? cacheFolder = null)
    {
        if (PackageReference().Match(entry) is { Success: true } reference)
            return FromPackagesFolder(reference.Groups["id"].Value, reference.Groups["version"].Value, packagesFolder ?? GlobalPackagesFolder(), entry);
        var path = Path.GetFullPath(Path.Combine(folder, entry));
        if (!path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase)) return path;
        if (!File.Exists(path)) throw new RulePackException($"the rule pack '{entry}' does not exist (pack it, or fix the path)");
        return FromPackageFile(path, cacheFolder ?? DefaultCacheFolder(), entry);
    }

    private static string FromPackagesFolder(string id, string version, string packagesFolder, string entry)
    {
        var root = Path.Combine(packagesFolder, id.ToLowerInvariant(), version.ToLowerInvariant());
        if (!Directory.Exists(root))
            throw new RulePackException($"the rule pack '{entry}' is not in the NuGet packages folder {packagesFolder}; restore it first (e.g. a <PackageDownload Include=\"{id}\" Version=\"[{version}]\" /> in a project, then dotnet restore)");
        return PickAssembly(id, Path.Combine(root, "lib"), entry);
    }

    private static string FromPackageFile(string packagePath, string cacheFolder, string entry)
    {
        string hash;
        using (var stream = File.OpenRead(packagePath)) hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
        string id;
        try
        {
            using var archive = ZipFile.OpenRead(packagePath);
            id = PackageId(archive, entry);
            var target = Path.Combine(cacheFolder, id.ToLowerInvariant(), hash);
            if (!Directory.Exists(target)) Unpack(archive, target);
            return PickAssembly(id, Path.Combine(target, "lib"), entry);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            throw new RulePackException($"the rule pack '{entry}' cannot be read as a NuGet package: {e.Message}");
        }
    }

    /// <summary>Unpacks the package's <c>lib/</c> into a fresh folder, then moves it into place, so that two runs at
    /// once (or one stopped half-way) never load a half-written pack.</summary>
    private static void Unpack(ZipArchive archive, string target)
    {
        var staging = target + "." + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
            foreach (var file in archive.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) && e.Name.Length > 0))
            {
                var destination = Path.GetFullPath(Path.Combine(staging, Uri.UnescapeDataString(file.FullName)));
                if (!destination.StartsWith(root, StringComparison.Ordinal)) throw new InvalidDataException($"the entry '{file.FullName}' points outside the package");
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                file.ExtractToFile(destination);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // another run unpacked the same package first
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static string PackageId(ZipArchive archive, string entry)
    {
        var nuspec = archive.Entries.FirstOrDefault(e => !e.FullName.Contains('/') && e.Name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            ?? throw new RulePackException($"the rule pack '{entry}' is not a NuGet package (it has no .nuspec)");
        using var stream = nuspec.Open();
        var id = XDocument.Load(stream).Descendants().FirstOrDefault(e => e.Name.LocalName == "id")?.Value.Trim();
        return string.IsNullOrEmpty(id) || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains("..", StringComparison.Ordinal)
            ? throw new RulePackException($"the rule pack '{entry}' has no usable package id in its .nuspec")
            : id;
    }

    /// <summary>The assembly in the newest <c>lib/netN.M</c> folder this runtime can load.</summary>
    private static string PickAssembly(string id, string lib, string entry)
    {
        var runtime = Environment.Version;
        var frameworks = Directory.Exists(lib) ? Directory.GetDirectories(lib) : [];
        var best = frameworks
            .Select(dir => (Dir: dir, Version: FrameworkVersion().IsMatch(Path.GetFileName(dir)) ? Version.Parse(Path.GetFileName(dir)[3..]) : null))
            .Where(f => f.Version is not null && f.Version <= new Version(runtime.Major, runtime.Minor))
            .OrderByDescending(f => f.Version)
            .Select(f => f.Dir)
            .FirstOrDefault()
            ?? throw new RulePackException($"the rule pack '{entry}' has no lib/net{runtime.Major}.0 (or older .NET) assembly; it has {(frameworks.Length == 0 ? "no lib folder" : string.Join(", ", frameworks.Select(Path.GetFileName)))}");
        var assemblies = Directory.GetFiles(best, "*.dll");
        return assemblies.FirstOrDefault(a => Path.GetFileNameWithoutExtension(a).Equals(id, StringComparison.OrdinalIgnoreCase))
            ?? (assemblies.Length == 1 ? assemblies[0] : throw new RulePackException($"the rule pack '{entry}' has {assemblies.Length} assemblies in {Path.GetFileName(best)} and none is named {id}.dll"));
    }

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string DefaultCacheFolder()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "backloglint", "rule-packs");
    }

    /// <summary><c>Id@Version</c>: NuGet's id characters, and a version; no path separator.</summary>
    [GeneratedRegex(@"^(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)@(?<version>[0-9][A-Za-z0-9_.+-]*)$")]
    private static partial Regex PackageReference();

    [GeneratedRegex(@"^net(\d+)\.(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FrameworkVersion();
}
