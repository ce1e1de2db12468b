// Says whether assemblies are ReadyToRun images: a managed native header in the CLI header is what crossgen writes
// (an IL-only assembly has none). Exit 0 when every file given is one, 1 otherwise. Used by .ci/install-test:
//   dotnet run .ci/readytorun.cs -- FILE...
using System.Reflection.PortableExecutable;

var allReadyToRun = args.Length > 0;
foreach (var path in args)
{
    using var stream = File.OpenRead(path);
    using var reader = new PEReader(stream);
    var header = reader.PEHeaders.CorHeader;
    var readyToRun = header is not null && header.ManagedNativeHeaderDirectory.Size > 0;
    Console.WriteLine($"{(readyToRun ? "ReadyToRun" : "IL only   ")}  {path}");
    allReadyToRun &= readyToRun;
}
return allReadyToRun ? 0 : 1;
