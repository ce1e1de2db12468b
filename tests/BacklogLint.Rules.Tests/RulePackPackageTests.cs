using System.IO.Compression;
using Acme.BacklogRules;
using BacklogLint.Core.Policies;
using BacklogLint.Testing;

namespace BacklogLint.Rules.Tests;

/// <summary>A rule pack shipped as a NuGet package: a <c>.nupkg</c> file in the repository, or a package restored into
/// the NuGet global packages folder, named <c>Id@Version</c>.</summary>
public sealed class RulePackPackageTests : IDisposable
{
    private static readonly string Assembly = typeof(EpicWithoutTargetQuarter).Assembly.Location;

    private readonly TestRepository _folder = TestRepository.Create(withGit: false);

    public void Dispose() => _folder.Dispose();

    private string Cache => _folder.FullPath("cache");

    [Fact]
    public void A_package_file_is_unpacked_once_and_its_assembly_for_this_runtime_loaded()
    {
        WritePackage("tools/Acme.BacklogRules.1.2.0.nupkg", ("lib/net8.0/Acme.BacklogRules.dll", Assembly), ("lib/net10.0/Acme.BacklogRules.dll", Assembly), ("lib/net99.0/Acme.BacklogRules.dll", Assembly));

        var path = RulePackSource.Resolve(_folder.Path, "tools/Acme.BacklogRules.1.2.0.nupkg", cacheFolder: Cache);
        var again = RulePackSource.Resolve(_folder.Path, "tools/Acme.BacklogRules.1.2.0.nupkg", cacheFolder: Cache);

        path.ShouldBe(again);
        path.ShouldStartWith(Path.Combine(Cache, "acme.backlogrules"));
        path.Replace('\\', '/').ShouldEndWith("/lib/net10.0/Acme.BacklogRules.dll");
        RulePackLoader.Load(path).ShouldHaveSingleItem().Descriptor.Id.ShouldBe("ACME0001");
        Directory.GetDirectories(Path.Combine(Cache, "acme.backlogrules")).ShouldHaveSingleItem("unpacked once, with no staging folder left");
    }

    [Fact]
    public void A_package_in_the_global_packages_folder_is_found_by_id_and_version()
    {
        var lib = _folder.FullPath("packages/acme.backlogrules/1.2.0-beta.1/lib/net10.0");
        Directory.CreateDirectory(lib);
        File.Copy(Assembly, Path.Combine(lib, "Acme.BacklogRules.dll"));

        var path = RulePackSource.Resolve(_folder.Path, "Acme.BacklogRules@1.2.0-BETA.1", packagesFolder: _folder.FullPath("packages"));

        RulePackLoader.Load(path).ShouldHaveSingleItem().Descriptor.Id.ShouldBe("ACME0001");
    }

    [Fact]
    public void What_is_wrong_with_a_package_is_said_with_what_to_do()
    {
        Should.Throw<RulePackException>(() => RulePackSource.Resolve(_folder.Path, "Acme.BacklogRules@9.9.9", packagesFolder: _folder.FullPath("packages")))
            .Message.ShouldContain("is not in the NuGet packages folder");
        Should.Throw<RulePackException>(() => RulePackSource.Resolve(_folder.Path, "tools/missing.nupkg", cacheFolder: Cache))
            .Message.ShouldBe("the rule pack 'tools/missing.nupkg' does not exist (pack it, or fix the path)");

        _folder.Write("tools/text.nupkg", "not a zip");
        Should.Throw<RulePackException>(() => RulePackSource.Resolve(_folder.Path, "tools/text.nupkg", cacheFolder: Cache))
            .Message.ShouldStartWith("the rule pack 'tools/text.nupkg' cannot be read as a NuGet package");

        WritePackage("tools/old.nupkg", ("lib/netstandard2.0/Acme.BacklogRules.dll", Assembly));
        Should.Throw<RulePackException>(() => RulePackSource.Resolve(_folder.Path, "tools/old.nupkg", cacheFolder: Cache))
            .Message.ShouldBe("the rule pack 'tools/old.nupkg' has no lib/net10.0 (or older .NET) assembly; it has netstandard2.0");
    }

    [Fact]
    public void A_package_entry_that_points_outside_its_folder_is_refused()
    {
        WritePackage("tools/evil.nupkg", ("lib/net10.0/../../../../escaped.dll", Assembly));

        Should.Throw<RulePackException>(() => RulePackSource.Resolve(_folder.Path, "tools/evil.nupkg", cacheFolder: Cache))
            .Message.ShouldContain("points outside the package");
        File.Exists(_folder.FullPath("escaped.dll")).ShouldBeFalse();
    }

    /// <summary>A NuGet package is a zip with a <c>.nuspec</c> at its root.</summary>
    private void WritePackage(string relativePath, params (string Entry, string Source)[] files)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.FullPath(relativePath))!);
        using var archive = ZipFile.Open(_folder.FullPath(relativePath), ZipArchiveMode.Create);
        using (var nuspec = new StreamWriter(archive.CreateEntry("Acme.BacklogRules.nuspec").Open()))
        {
            nuspec.Write("""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>Acme.BacklogRules</id><version>1.2.0</version><authors>acme</authors><description>rules</description></metadata>
                </package>
                """);
        }

        foreach (var (entry, source) in files) archive.CreateEntryFromFile(source, entry);
    }
}
