using System.Text;
using BacklogLint.Reporting;

namespace BacklogLint.Cli;

/// <summary>stdout and stderr behind a <see cref="WorkflowCommandGuardStream"/> each: whatever any command prints — a file
/// name, an id, a configuration error, a server's answer — can start no workflow command in GitHub Actions and shows no
/// token. Installed once at start-up (<see cref="Install"/>, from Program.cs): <see cref="Console.Out"/> and
/// <see cref="Console.Error"/> are process-wide, so this is the one place that sets them.</summary>
internal sealed class ConsoleStreams : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private ConsoleStreams(WorkflowCommandGuardStream output, WorkflowCommandGuardStream error)
    {
        Output = output;
        Error = error;
    }

    /// <summary>The guards of this process; null until <see cref="Install"/> (in-process callers that never install
    /// them write unguarded).</summary>
    public static ConsoleStreams? Installed { get; private set; }

    public WorkflowCommandGuardStream Output { get; }

    public WorkflowCommandGuardStream Error { get; }

    public static ConsoleStreams Install()
    {
        var streams = new ConsoleStreams(new WorkflowCommandGuardStream(Console.OpenStandardOutput()), new WorkflowCommandGuardStream(Console.OpenStandardError()));
        Console.SetOut(new StreamWriter(streams.Output, Utf8, 4096, leaveOpen: true) { AutoFlush = true });
        Console.SetError(new StreamWriter(streams.Error, Utf8, 4096, leaveOpen: true) { AutoFlush = true });
        Installed = streams;
        return streams;
    }

    /// <summary>The stream stdout reports are written to (guarded when installed).</summary>
    public static Stream OpenStandardOutput() =>
        Installed is { } streams ? new NonClosing(streams.Output) : Console.OpenStandardOutput();

    /// <summary><paramref name="commandLine"/>, one of this tool's own workflow commands, marked so that stdout's guard
    /// lets it through.</summary>
    public static string Trust(string commandLine) => Installed?.Output.Trust(commandLine) ?? commandLine;

    /// <summary>How to mark this tool's own workflow commands written to <paramref name="stream"/>: trusted on the guarded
    /// stdout, unchanged in a file.</summary>
    public static Func<string, string> TrustFor(Stream stream) =>
        stream is NonClosing && Installed is { } streams ? streams.Output.Trust : line => line;

    /// <summary>From now on, every line on both streams also loses these exact secrets (the token).</summary>
    public static void Protect(SecretRedactor redactor)
    {
        if (Installed is not { } streams) return;
        streams.Output.Redactor = redactor.Redact;
        streams.Error.Redactor = redactor.Redact;
    }

    public void Dispose()
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Output.Complete();
        Error.Complete();
    }

    /// <summary>A writer over the guard that leaves it open when disposed.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}
