using System.Runtime.InteropServices;
using BacklogLint.Core.History;
using LibGit2Sharp;
using Microsoft.Win32.SafeHandles;

namespace BacklogLint.Core.Interop;

/// <summary>The few libgit2 calls the history walk makes itself (<see cref="History.GitObjects"/>), against the same
/// native library LibGit2Sharp ships and loads. Every handle is a <see cref="SafeHandle"/>: freed exactly once, also
/// when a call throws half-way, and never used after it is freed.</summary>
internal static partial class Libgit2
{
    private const string Library = "libgit2";

    public const int ObjectCommit = 1;
    public const int ObjectTree = 2;
    public const int ObjectBlob = 3;

    /// <summary>The oldest libgit2 whose object-database calls are used here as declared below (1.x keeps them
    /// stable); LibGit2Sharp 0.32 ships 1.8.</summary>
    private static readonly System.Version Oldest = new(1, 1);

    /// <summary>Points this assembly's imports at LibGit2Sharp's native library, whose file name carries the libgit2
    /// commit it was built from. Called by <see cref="NativeSettings.Initialize"/>, once.</summary>
    internal static void Resolve() =>
        NativeLibrary.SetDllImportResolver(typeof(Libgit2).Assembly, (name, _, _) =>
            name == Library
                ? NativeLibrary.Load("git2-" + GlobalSettings.Version.LibGit2CommitSha, typeof(Repository).Assembly, null)
                : IntPtr.Zero);

    /// <summary>The libgit2 that is loaded, refused when its calls may not be what is declared here.</summary>
    internal static System.Version CheckVersion()
    {
        Check(LibraryVersion(out var major, out var minor, out var revision), "read the libgit2 version");
        var loaded = new System.Version(major, minor, revision);
        if (loaded.Major != Oldest.Major || loaded < Oldest)
            throw new LibGit2SharpException($"libgit2 {loaded} is loaded, but BacklogLint needs {Oldest.Major}.x from {Oldest} (reinstall the tool)");
        return loaded;
    }

    /// <summary>Sets one of libgit2's process-wide options that take a size (<c>git_libgit2_opts</c>), throwing when
    /// libgit2 refuses it.</summary>
    internal static void SetOption(Option option, nuint value)
    {
        // git_libgit2_opts is variadic. Where variadic arguments are passed as fixed ones are (x64, Linux and Windows
        // arm64) a fixed signature reaches it; on Apple's arm64 they go on the stack, after the eight registers, so
        // seven unused arguments fill x1-x7 first. LibGit2Sharp calls it the same way.
        var status = OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64
            ? OptionsOnAppleArm64((int)option, 0, 0, 0, 0, 0, 0, 0, value)
            : Options((int)option, value);
        Check(status, "set libgit2's option " + option);
    }

    /// <summary>The options of <c>git_libgit2_opts</c> used here (libgit2's <c>git_libgit2_opt_t</c>, stable in 1.x).</summary>
    internal enum Option
    {
        /// <summary>How much of a pack file one mapping covers (<c>size_t</c>; 1 GB by default on 64-bit).</summary>
        SetMappedWindowSize = 1,

        /// <summary>How much of all pack files may be mapped at once before the least recently used windows are
        /// unmapped (<c>size_t</c>; 8 GB by default on 64-bit).</summary>
        SetMappedLimit = 3,

        /// <summary>How much libgit2's object cache may hold in all (<c>ssize_t</c>; 256 MB by default).</summary>
        SetCacheMaxSize = 7,
    }

    /// <summary>Opens a repository and its object database; libgit2 counts its users, so each open initialises it
    /// and the database handle shuts it down again when freed.</summary>
    public static ObjectDatabaseHandle OpenObjectDatabase(string gitDirectory)
    {
        Check(Init(), "initialise libgit2");
        try
        {
            // The database counts its own references: it outlives the repository handle freed here.
            using var repository = Check(RepositoryOpen(out var opened, gitDirectory), "open the repository", opened);
            return Check(RepositoryOdb(out var database, repository), "open the object database", database);
        }
        catch
        {
            _ = Shutdown(); // no database handle was made valid, so none will
            throw;
        }
    }

    /// <summary>The <c>.git</c> directory of the repository that <paramref name="startPath"/> lies in, found upwards as git
    /// finds it (a <c>.git</c> folder or file, <c>GIT_CEILING_DIRECTORIES</c>, not across file systems); null outside
    /// git. LibGit2Sharp's <c>Repository.Discover</c> receives the path in a buffer class that libgit2 fills, which
    /// only the JIT-compiled runtime's marshalling copies back: ahead-of-time compiled it silently returned null.</summary>
    public static string? Discover(string startPath)
    {
        Check(Init(), "initialise libgit2");
        var found = default(GitBuffer);
        try
        {
            var status = RepositoryDiscover(ref found, startPath, acrossFileSystems: 0, ceilingDirectories: null);
            if (status == NotFound) return null;
            Check(status, "find the repository of " + startPath);
            var path = Marshal.PtrToStringUTF8(found.Pointer, checked((int)found.Size));
            return OperatingSystem.IsWindows() ? path.Replace('/', Path.DirectorySeparatorChar) : path;
        }
        finally
        {
            BufferDispose(ref found);
            _ = Shutdown();
        }
    }

    /// <summary>libgit2's <c>GIT_ENOTFOUND</c>.</summary>
    private const int NotFound = -3;

    /// <summary>A <c>git_buf</c>: bytes libgit2 allocated, freed with <c>git_buf_dispose</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct GitBuffer
    {
        public IntPtr Pointer;
        public nuint Reserved;
        public nuint Size;
    }

    /// <summary>One object's bytes; dispose to free them.</summary>
    public static ObjectHandle Read(ObjectDatabaseHandle database, in GitId id) =>
        Check(OdbRead(out var handle, database, in id), "read object " + id, handle);

    public static (long Size, int Type) ReadHeader(ObjectDatabaseHandle database, in GitId id)
    {
        Check(OdbReadHeader(out var size, out var type, database, in id), "read the header of object " + id);
        return (checked((long)size), type);
    }

    public static int TypeOf(ObjectHandle handle) => OdbObjectType(handle);

    public static long SizeOf(ObjectHandle handle) => checked((long)OdbObjectSize(handle));

    /// <summary>The object's bytes, valid while <paramref name="handle"/> is.</summary>
    public static unsafe ReadOnlySpan<byte> DataOf(ObjectHandle handle, int length) =>
        new((void*)OdbObjectData(handle), length);

    private static T Check<T>(int status, string what, T handle) where T : SafeHandle
    {
        if (status >= 0) return handle;
        handle.Dispose();
        Check(status, what);
        return handle;
    }

    private static void Check(int status, string what)
    {
        if (status >= 0) return;
        var error = ErrorLast();
        var message = error == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error));
        throw new LibGit2SharpException($"cannot {what}: {message ?? "error " + status}");
    }

    /// <summary>A <c>git_repository*</c>.</summary>
    internal sealed class RepositoryHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
    {
        protected override bool ReleaseHandle()
        {
            RepositoryFree(handle);
            return true;
        }
    }

    /// <summary>A <c>git_odb*</c>; freeing it also balances the <c>git_libgit2_init</c> of its opening.</summary>
    internal sealed class ObjectDatabaseHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
    {
        protected override bool ReleaseHandle()
        {
            OdbFree(handle);
            _ = Shutdown();
            return true;
        }
    }

    /// <summary>A <c>git_odb_object*</c>.</summary>
    internal sealed class ObjectHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
    {
        protected override bool ReleaseHandle()
        {
            OdbObjectFree(handle);
            return true;
        }
    }

    [LibraryImport(Library, EntryPoint = "git_libgit2_version")]
    private static partial int LibraryVersion(out int major, out int minor, out int revision);

    [LibraryImport(Library, EntryPoint = "git_libgit2_opts")]
    private static partial int Options(int option, nuint value);

    [LibraryImport(Library, EntryPoint = "git_libgit2_opts")]
    private static partial int OptionsOnAppleArm64(int option, nint x1, nint x2, nint x3, nint x4, nint x5, nint x6, nint x7, nuint value);

    [LibraryImport(Library, EntryPoint = "git_libgit2_init")]
    private static partial int Init();

    [LibraryImport(Library, EntryPoint = "git_libgit2_shutdown")]
    private static partial int Shutdown();

    [LibraryImport(Library, EntryPoint = "git_error_last")]
    private static partial IntPtr ErrorLast();

    [LibraryImport(Library, EntryPoint = "git_repository_discover", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RepositoryDiscover(ref GitBuffer found, string startPath, int acrossFileSystems, string? ceilingDirectories);

    [LibraryImport(Library, EntryPoint = "git_buf_dispose")]
    private static partial void BufferDispose(ref GitBuffer buffer);

    [LibraryImport(Library, EntryPoint = "git_repository_open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RepositoryOpen(out RepositoryHandle repository, string path);

    [LibraryImport(Library, EntryPoint = "git_repository_odb")]
    private static partial int RepositoryOdb(out ObjectDatabaseHandle database, RepositoryHandle repository);

    [LibraryImport(Library, EntryPoint = "git_repository_free")]
    private static partial void RepositoryFree(IntPtr repository);

    [LibraryImport(Library, EntryPoint = "git_odb_free")]
    private static partial void OdbFree(IntPtr database);

    [LibraryImport(Library, EntryPoint = "git_odb_read")]
    private static partial int OdbRead(out ObjectHandle handle, ObjectDatabaseHandle database, in GitId id);

    [LibraryImport(Library, EntryPoint = "git_odb_read_header")]
    private static partial int OdbReadHeader(out nuint size, out int type, ObjectDatabaseHandle database, in GitId id);

    [LibraryImport(Library, EntryPoint = "git_odb_object_type")]
    private static partial int OdbObjectType(ObjectHandle handle);

    [LibraryImport(Library, EntryPoint = "git_odb_object_size")]
    private static partial nuint OdbObjectSize(ObjectHandle handle);

    [LibraryImport(Library, EntryPoint = "git_odb_object_data")]
    private static partial IntPtr OdbObjectData(ObjectHandle handle);

    [LibraryImport(Library, EntryPoint = "git_odb_object_free")]
    private static partial void OdbObjectFree(IntPtr handle);
}
