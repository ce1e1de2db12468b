using System.Security.Cryptography;
using System.Text;

namespace BacklogLint.Reporting;

/// <summary>A stream in front of stdout or stderr that lets no text start a workflow command the Actions runner would
/// obey, whatever command prints it and whatever it carries: the runner reads both streams line by line (a line ends
/// at CR or LF) and runs a line that starts with <c>::</c> after leading white space, and, in the legacy syntax, a line
/// with <c>##[</c> anywhere. So in every line a leading <c>::</c> becomes <c>:&#x200B;:</c> and every <c>##[</c>
/// becomes <c>##&#x200B;[</c> (a zero-width space: the text reads the same), and every line is redacted
/// (<see cref="Redactor"/>). The tool's own workflow commands pass only through <see cref="Trust"/>, which marks a
/// line with a secret chosen for this process, so that no repository text can pass for one.</summary>
/// <remarks>Lines are written whole: a partial line waits for its end (or <see cref="Complete"/>), so that a command
/// or a secret split across two writes is still seen as one.</remarks>
public sealed class WorkflowCommandGuardStream : Stream
{
    public const char Break = '\u200B';

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _inner;
    private readonly Lock _gate = new();
    private readonly List<byte> _line = [];
    // Made on the first Trust: a process that writes no workflow command of its own (check, in text) loads no
    // cryptography for it, and no line can carry a mark that does not exist yet.
    private string? _nonce;
    private Func<string, string> _redactor = SecretRedactor.Shapes.Redact;

    public WorkflowCommandGuardStream(Stream inner) => _inner = inner;

    /// <summary>Removes secrets from every line; by default every token shape (<see cref="SecretRedactor.Shapes"/>).
    /// A command that learns the exact token sets one that knows it.</summary>
    public Func<string, string> Redactor
    {
        get => _redactor;
        set => _redactor = value ?? SecretRedactor.Shapes.Redact;
    }

    /// <summary><paramref name="commandLine"/> (one line, a command this tool wrote, its data escaped) marked so that
    /// this guard lets its leading <c>::</c> through; <c>##[</c> in it is still broken.</summary>
    public string Trust(string commandLine)
    {
        lock (_gate) return (_nonce ??= "\uE000" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)) + "\uE001") + commandLine;
    }

    /// <summary>The same text as the guard would write it, for a line with no line break in it.</summary>
    public static string Neutralize(string line, bool trusted = false)
    {
        var text = line.Contains("##[", StringComparison.Ordinal) ? line.Replace("##[", "##" + Break + "[", StringComparison.Ordinal) : line;
        if (trusted) return text;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        return text.AsSpan(start).StartsWith("::", StringComparison.Ordinal) ? text.Insert(start + 1, Break.ToString()) : text;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            foreach (var b in buffer)
            {
                _line.Add(b);
                if (b is (byte)'\n' or (byte)'\r') EmitLine();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Passes on what was written up to the last line break; a partial line waits.</summary>
    public override void Flush()
    {
        lock (_gate) _inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    /// <summary>Writes a partial last line too (the process is about to end).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_line.Count > 0) EmitLine();
            _inner.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void EmitLine()
    {
        var bytes = _line.ToArray();
        _line.Clear();
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] is (byte)'\n' or (byte)'\r') end--;
        var text = Utf8.GetString(bytes, 0, end);
        var trusted = false;
        if (_nonce is { } nonce && text.StartsWith(nonce, StringComparison.Ordinal))
        {
            trusted = true;
            text = text[nonce.Length..];
        }

        var safe = Neutralize(Redact(text), trusted);
        if (!trusted && string.Equals(safe, text, StringComparison.Ordinal))
        {
            _inner.Write(bytes);
            return;
        }

        _inner.Write(Utf8.GetBytes(safe));
        _inner.Write(bytes.AsSpan(end));
    }

    private string Redact(string text)
    {
        try
        {
            return _redactor(text);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return text;
        }
    }
}
