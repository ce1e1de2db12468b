using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BacklogLint.Core.Interop;

/// <summary>The one libc call: <c>open(2)</c> with <c>O_NONBLOCK</c>, which .NET's file APIs cannot ask for, so that
/// opening a FIFO named <c>x.md</c> returns at once instead of blocking until a writer comes (Unix only).</summary>
internal static partial class Libc
{
    private static int NonBlocking => OperatingSystem.IsLinux() ? 0x800 : 0x4; // O_NONBLOCK: Linux, macOS and the BSDs

    /// <summary>The file opened read-only and non-blocking; an invalid handle when it cannot be (errno says why, and
    /// the caller opens it again through .NET for a proper exception).</summary>
    public static SafeFileHandle OpenNonBlocking(string path) => Open(path, NonBlocking /* | O_RDONLY (0) */);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial SafeFileHandle Open(string path, int flags);
}
