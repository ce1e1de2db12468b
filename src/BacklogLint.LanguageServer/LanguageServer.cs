using System.Text.Json;
using System.Threading.Channels;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Configuration;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Loading;
using BacklogLint.Reporting;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace BacklogLint.LanguageServer;

/// <summary>The protocol's methods. Every change (a buffer typed in, a file changed on disk, a reload) goes through one
/// queue and one worker, which coalesces what arrived meanwhile, applies it to the <see cref="Workspace"/>, and then
/// pushes the diagnostics of every file whose findings changed (an empty list for a file that has none left), or, for
/// a client that pulls, tells it to pull again. Requests (hover, code actions, pulls) read the latest analysis.</summary>
internal sealed partial class LanguageServer : IDisposable
{
    private const string Source = "backloglint";

    private readonly ILogger _logger;
    private bool _movesReading; // a walk for moved link targets runs (ReadAskedMovesInBackground)
    private bool _movesRead; // and has ended: analyse again without reusing findings
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string? Text, bool Reload)> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenDocument> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Diagnostic>> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _uris = new(StringComparer.Ordinal); // full path → the URI the client used
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _idle = NewIdle();
    private TaskCompletionSource _changed = NewIdle();
    private JsonRpc? _rpc;
    private Workspace? _workspace;
    private ClientCapabilities? _client;
    private bool _pull;
    private bool _reloadAll;
    private FileWatcher? _watcher;
    private Task? _worker;

    public LanguageServer(AnalysisEngine engine, ConfigLoader loader, TimeProvider time, ILogger logger)
    {
        Engine = engine;
        Loader = loader;
        Time = time;
        _logger = logger;
    }

    private AnalysisEngine Engine { get; }

    private ConfigLoader Loader { get; }

    private TimeProvider Time { get; }

    /// <summary>Whether <c>shutdown</c> came before <c>exit</c> (the exit code: 0 if so, else 1).</summary>
    public bool ShutdownRequested { get; private set; }

    /// <summary>Completes when the client says <c>exit</c> or the connection ends.</summary>
    public Task Exited => _exited.Task;

    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Attach(JsonRpc rpc) => _rpc = rpc;

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams request)
    {
        _client = request.Capabilities;
        _pull = request.Capabilities?.TextDocument?.Diagnostic is { ValueKind: JsonValueKind.Object };
        var root = RootOf(request) ?? Environment.CurrentDirectory;
        _workspace = new Workspace(root, Engine, Loader, Time);
        LogStarting(root, _pull ? "pull" : "push");
        var capabilities = new ServerCapabilities
        {
            DiagnosticProvider = _pull ? new DiagnosticOptions(Source, InterFileDependencies: true, WorkspaceDiagnostics: true) : null,
        };
        return new InitializeResult(capabilities, new ServerInfo("BacklogLint", Core.ToolInfo.Version));
    }

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public async Task InitializedAsync(JsonElement _)
    {
        await WatchFilesAsync();
        lock (_gate) _reloadAll = true;
        _worker = Task.Run(WorkAsync);
        Wake();
    }

    [JsonRpcMethod("shutdown")]
    public async Task<object?> ShutdownAsync()
    {
        ShutdownRequested = true;
        await _stopping.CancelAsync();
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exited.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams request)
    {
        var path = PathOf(request.TextDocument.Uri);
        lock (_gate) _open[path] = new OpenDocument(request.TextDocument.Uri, request.TextDocument.Version, request.TextDocument.Text);
        Change(path, request.TextDocument.Text);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams request)
    {
        var path = PathOf(request.TextDocument.Uri);
        string text;
        lock (_gate)
        {
            text = _open.TryGetValue(path, out var open) ? open.Text : "";
            foreach (var change in request.ContentChanges)
                text = change.Range is { } range ? Positions.Apply(text, range, change.Text) : change.Text;
            _open[path] = new OpenDocument(request.TextDocument.Uri, request.TextDocument.Version ?? 0, text);
        }

        Change(path, text);
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams request)
    {
        var path = PathOf(request.TextDocument.Uri);
        if (_workspace?.NeedsReload(path) == true) ReloadAll();
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams request)
    {
        var path = PathOf(request.TextDocument.Uri);
        lock (_gate) _open.Remove(path);
        Change(path, null); // as the disk has it: a closed buffer's unsaved text is gone
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request)
    {
        foreach (var change in request.Changes) OnDiskChange(PathOf(change.Uri));
    }

    [JsonRpcMethod("textDocument/diagnostic", UseSingleObjectParameterDeserialization = true)]
    public async Task<DocumentDiagnosticReport> DocumentDiagnosticAsync(DocumentDiagnosticParams request, CancellationToken cancellation)
    {
        await _idle.Task.WaitAsync(cancellation);
        var path = PathOf(request.TextDocument.Uri);
        var findings = FindingsOf(path);
        var resultId = ResultId(findings);
        return request.PreviousResultId == resultId
            ? new DocumentDiagnosticReport("unchanged", resultId, null)
            : new DocumentDiagnosticReport("full", resultId, [.. findings.Select(ToLsp)]);
    }

    /// <summary>Every file with findings, and every file the client had findings for that now has none. When nothing
    /// changed since the client's last pull, the request waits for the next change (VS Code asks again as soon as it is
    /// answered, so an immediate answer would be a busy loop).</summary>
    [JsonRpcMethod("workspace/diagnostic", UseSingleObjectParameterDeserialization = true)]
    public async Task<WorkspaceDiagnosticReport> WorkspaceDiagnosticAsync(WorkspaceDiagnosticParams request, CancellationToken cancellation)
    {
        while (true)
        {
            await _idle.Task.WaitAsync(cancellation);
            Task changed;
            List<WorkspaceDocumentDiagnosticReport> reports = [];
            lock (_gate)
            {
                changed = _changed.Task;
                var previous = (request.PreviousResultIds ?? []).ToDictionary(p => PathOf(p.Uri), p => p.Value, StringComparer.Ordinal);
                var findings = _workspace?.Findings ?? new Dictionary<string, IReadOnlyList<Diagnostic>>();
                foreach (var path in findings.Keys.Union(previous.Keys).Order(StringComparer.Ordinal))
                {
                    var list = findings.GetValueOrDefault(path) ?? [];
                    var resultId = ResultId(list);
                    if (previous.GetValueOrDefault(path) == resultId) continue;
                    reports.Add(new WorkspaceDocumentDiagnosticReport("full", UriOf(path), _open.GetValueOrDefault(path)?.Version, resultId, [.. list.Select(ToLsp)]));
                }
            }

            if (reports.Count > 0 || request.PreviousResultIds is null or { Count: 0 }) return new WorkspaceDiagnosticReport(reports);
            await changed.WaitAsync(cancellation);
        }
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public async Task<Hover?> HoverAsync(TextDocumentPositionParams request, CancellationToken cancellation)
    {
        await _idle.Task.WaitAsync(cancellation);
        var here = FindingsOf(PathOf(request.TextDocument.Uri))
            .Where(d => Positions.Contains(Positions.ToRange(d.Span), request.Position))
            .ToList();
        if (here.Count == 0) return null;
        var pages = here.Select(d => d.Descriptor).Distinct().Select(descriptor => RulePages.Markdown(descriptor).Trim());
        var messages = string.Join("\n", here.Select(d => $"**{d.Id}** ({d.Severity.ToName()}): {MarkdownText.EscapeForEditor(d.Message)}"));
        return new Hover(new MarkupContent("markdown", messages + "\n\n---\n\n" + string.Join("\n\n---\n\n", pages)), Positions.ToRange(here[0].Span));
    }

    /// <summary>Quick fixes computed here, as workspace edits (no client-side commands, which only one editor has): the
    /// rule's safe fix (the one <c>check --fix</c> applies; removing an unused suppression is BL0601's), "suppress with
    /// a reason", fixing every finding of that rule in the file, and (<c>source.fixAll</c>) every safe fix in the file.</summary>
    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams request, CancellationToken cancellation)
    {
        await _idle.Task.WaitAsync(cancellation);
        var path = PathOf(request.TextDocument.Uri);
        var findings = FindingsOf(path);
        var asked = request.Context.Diagnostics.Select(d => d.Fingerprint).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var here = findings.Where(d => asked.Contains(d.Fingerprint) || Positions.Overlaps(Positions.ToRange(d.Span), request.Range)).ToList();
        var actions = new List<CodeAction>();
        foreach (var finding in here.Where(d => d.Fix is not null))
            actions.Add(new CodeAction(finding.Fix!.Title, CodeActionKinds.QuickFix, [ToLsp(finding)], IsPreferred: true, EditOf(finding.Fix.Edits)));
        foreach (var group in here.Where(d => d.Fix is not null).GroupBy(d => d.Id))
        {
            var all = findings.Where(d => d.Id == group.Key && d.Fix is not null).ToList();
            if (all.Count > 1 && FixAll(all) is { } edit)
                actions.Add(new CodeAction($"Fix all {group.Key} in this file ({all.Count})", CodeActionKinds.QuickFix, [.. group.Select(ToLsp)], IsPreferred: false, edit));
        }

        if (TextOf(path) is { } text)
        {
            var source = new Core.Parsing.SourceText(text);
            foreach (var finding in here.Where(d => d.Path is not null && d.Fingerprint != "configuration"))
                foreach (var fix in Core.Suppressions.SuppressionFixes.For(finding, source))
                    actions.Add(new CodeAction(fix.Title, CodeActionKinds.QuickFix, [ToLsp(finding)], IsPreferred: false, EditOf(fix.Edits)));
        }

        var fixable = findings.Where(d => d.Fix is not null).ToList();
        if (fixable.Count > 0 && FixAll(fixable) is { } everything)
            actions.Add(new CodeAction($"Fix all safe BacklogLint findings in this file ({fixable.Count})", CodeActionKinds.SourceFixAll, null, IsPreferred: false, everything));
        return request.Context.Only is { Count: > 0 } only
            ? [.. actions.Where(action => only.Any(kind => action.Kind == kind || action.Kind.StartsWith(kind + ".", StringComparison.Ordinal)))]
            : actions;
    }

    /// <summary>Several fixes at once, as <c>--fix</c> applies them (overlapping ones left out), as one edit per file.</summary>
    private WorkspaceEdit? FixAll(IReadOnlyList<Diagnostic> findings)
    {
        var outcome = Core.Fixes.FixApplier.Apply(findings, relative => TextOf(FullPathOf(relative)) is { } text ? new Core.Fixes.FileContent(text, Core.Fixes.FileEncoding.Utf8) : null, _ => [], maxPasses: 1);
        return outcome.Files.Count == 0 ? null : EditOf([.. outcome.Files.Select(file => file.Edit)]);
    }

    private WorkspaceEdit EditOf(IReadOnlyList<Core.Diagnostics.TextEdit> edits)
    {
        var changes = new Dictionary<string, IReadOnlyList<TextEdit>>(StringComparer.Ordinal);
        foreach (var group in edits.GroupBy(edit => FullPathOf(edit.Path)))
        {
            var lineBreak = TextOf(group.Key) is { } text ? new Core.Parsing.SourceText(text).LineBreak : "\n";
            changes[UriOf(group.Key)] = [.. group.Select(edit => new TextEdit(
                new Range(new Position(edit.Range.LspStart.Line, edit.Range.LspStart.Character), new Position(edit.Range.LspEnd.Line, edit.Range.LspEnd.Character)),
                Core.Fixes.FixApplier.WithLineBreak(edit.NewText, lineBreak)))];
        }

        return new WorkspaceEdit(changes);
    }

    /// <summary>A file's text as analysed: the editor's buffer when open, else the disk's.</summary>
    private string? TextOf(string fullPath)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(fullPath, out var open)) return open.Text;
        }

        try
        {
            return File.Exists(fullPath) ? File.ReadAllText(fullPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string FullPathOf(string repositoryRelative) => _workspace?.FullPathOf(repositoryRelative) ?? Path.GetFullPath(repositoryRelative);

    public void Dispose()
    {
        _watcher?.Dispose();
        _stopping.Dispose();
    }

    private void Change(string path, string? text)
    {
        lock (_gate) _pending[path] = (text, false);
        Wake();
    }

    private void OnDiskChange(string path)
    {
        if (_workspace?.NeedsReload(path) == true)
        {
            ReloadAll();
            return;
        }

        lock (_gate)
        {
            if (_open.ContainsKey(path)) return; // the editor's buffer is what counts while it is open
            _pending[path] = (null, false);
        }

        Wake();
    }

    private void ReloadAll()
    {
        lock (_gate) _reloadAll = true;
        Wake();
    }

    /// <summary>Where the link targets typed since loading went is a walk of history (seconds on a long one): done
    /// beside the worker, which goes on with edits, then analysed again.</summary>
    private void ReadAskedMovesInBackground()
    {
        if (_workspace?.Live is not { HasAskedMoves: true } live) return;
        lock (_gate)
        {
            if (_movesReading) return;
            _movesReading = true;
        }

        _ = Task.Run(() =>
        {
            try
            {
                live.ReadAskedMoves();
            }
            catch (Exception e)
            {
                LogFailed(e);
            }

            lock (_gate)
            {
                _movesReading = false;
                _movesRead = true;
            }

            Wake();
        });
    }

    private void Wake()
    {
        lock (_gate)
        {
            if (_idle.Task.IsCompleted) _idle = NewIdle();
        }

        _wake.Writer.TryWrite(true);
    }

    private async Task WorkAsync()
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(_stopping.Token))
            {
                _wake.Reader.TryRead(out _);
                bool reload, movesRead;
                List<(string, string?)> changes;
                Dictionary<string, string> buffers;
                lock (_gate)
                {
                    reload = _reloadAll;
                    _reloadAll = false;
                    movesRead = _movesRead;
                    _movesRead = false;
                    changes = [.. _pending.Select(entry => (entry.Key, entry.Value.Text))];
                    _pending.Clear();
                    buffers = _open.ToDictionary(entry => entry.Key, entry => entry.Value.Text, StringComparer.Ordinal);
                }

                try
                {
                    var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                    if (reload || _workspace!.Live is null) _workspace!.Load(buffers);
                    else _workspace.Apply(changes, reuse: !movesRead);
                    LogAnalyzed(reload ? "loaded (rules that read no history)" : movesRead ? "moves of new link targets read" : $"{changes.Count} change(s)", stopwatch.ElapsedMilliseconds);
                    await PublishAsync();
                    // The first findings are out; the rules that read git history follow once it is walked.
                    stopwatch.Restart();
                    if (_workspace.Live is { HasHistory: false })
                    {
                        var progress = await BeginProgressAsync("BacklogLint: reading git history");
                        _workspace.ReadHistory();
                        LogAnalyzed("history read", stopwatch.ElapsedMilliseconds);
                        await PublishAsync();
                        await EndProgressAsync(progress);
                    }

                    ReadAskedMovesInBackground();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                }

                lock (_gate)
                {
                    if (_pending.Count == 0 && !_reloadAll && !_movesReading && !_movesRead)
                    {
                        _idle.TrySetResult();
                        var changed = _changed;
                        _changed = NewIdle();
                        changed.TrySetResult();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // shutdown
        }
    }

    private async Task PublishAsync()
    {
        if (_rpc is null || _workspace is null) return;
        var findings = _workspace.Findings;
        if (_pull)
        {
            if (_client?.Workspace?.Diagnostics?.RefreshSupport == true) _ = RefreshAsync(_rpc);
            return;
        }

        foreach (var path in findings.Keys.Union(_published.Keys).Order(StringComparer.Ordinal).ToList())
        {
            var now = findings.GetValueOrDefault(path) ?? [];
            var before = _published.GetValueOrDefault(path) ?? [];
            if (now.SequenceEqual(before)) continue;
            int? version;
            lock (_gate) version = _open.GetValueOrDefault(path)?.Version;
            await _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(UriOf(path), version, [.. now.Select(ToLsp)]));
            if (now.Count == 0) _published.Remove(path);
            else _published[path] = now;
        }
    }

    /// <summary>Shows work in progress where the client can (<c>window.workDoneProgress</c>); the token, or null.</summary>
    private async Task<string?> BeginProgressAsync(string title)
    {
        if (_client?.Window?.WorkDoneProgress != true || _rpc is null) return null;
        var token = $"backloglint-{Guid.NewGuid():N}";
        try
        {
            await _rpc.InvokeWithParameterObjectAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token));
            await _rpc.NotifyWithParameterObjectAsync("$/progress", new ProgressParams(token, new WorkDoneProgress("begin", title)));
            return token;
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException)
        {
            return null;
        }
    }

    private async Task EndProgressAsync(string? token)
    {
        if (token is null || _rpc is null) return;
        await _rpc.NotifyWithParameterObjectAsync("$/progress", new ProgressParams(token, new WorkDoneProgress("end")));
    }

    /// <summary>Asks a client that pulls to pull again. <c>workspace/diagnostic/refresh</c> is a request (sent as a
    /// notification, VS Code's client and vscode-jsonrpc drop it); the worker does not wait for the answer.</summary>
    private async Task RefreshAsync(JsonRpc rpc)
    {
        try
        {
            await rpc.InvokeWithParameterObjectAsync("workspace/diagnostic/refresh", (object?)null, _stopping.Token);
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            LogRefreshFailed(e.Message);
        }
    }

    private async Task WatchFilesAsync()
    {
        if (_client?.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true && _rpc is not null)
        {
            var options = JsonSerializer.SerializeToElement(
                new DidChangeWatchedFilesRegistrationOptions([
                    new("**/*.md"), new("**/*.{yml,yaml,json,txt}"), new("**/CODEOWNERS"), new("**/.git-blame-ignore-revs"),
                    new("**/.git/HEAD"), new("**/.git/refs/heads/**"), new("**/.git/packed-refs"),
                ]),
                LspJson.Default.DidChangeWatchedFilesRegistrationOptions);
            try
            {
                await _rpc.InvokeWithParameterObjectAsync("client/registerCapability",
                    new RegistrationParams([new Registration("backloglint-files", "workspace/didChangeWatchedFiles", options)]));
                return;
            }
            catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException)
            {
                LogNoWatchers(e.Message);
            }
        }

        // A client that watches nothing for the server (Neovim before 0.9, Helix, eglot): a watcher of its own.
        _watcher = FileWatcher.Start(_workspace!.Root, OnDiskChange, _logger);
    }

    private LspDiagnostic ToLsp(Diagnostic finding) => new(
        Positions.ToRange(finding.Span),
        finding.Severity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            Severity.Suggestion => DiagnosticSeverity.Information,
            _ => DiagnosticSeverity.Hint,
        },
        finding.Id,
        new CodeDescription(finding.Descriptor.HelpUri.AbsoluteUri),
        Source,
        finding.Message,
        new DiagnosticData(finding.Fingerprint));

    private IReadOnlyList<Diagnostic> FindingsOf(string path)
    {
        lock (_gate) return _workspace?.Findings.GetValueOrDefault(path) ?? [];
    }

    private static string ResultId(IReadOnlyList<Diagnostic> findings)
    {
        var hash = new HashCode();
        foreach (var finding in findings)
        {
            hash.Add(finding.Fingerprint);
            hash.Add(finding.Message);
            hash.Add(finding.Span);
            hash.Add(finding.Severity);
        }

        return $"{findings.Count}-{hash.ToHashCode():x8}";
    }

    private string PathOf(string uri)
    {
        // Resolved as the workspace's root is (a folder opened through a symbolic link); findings go back to the URI
        // the client named.
        var path = PlanningLocation.WithoutLinks(Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri);
        lock (_gate) _uris.TryAdd(path, uri);
        return path;
    }

    private string UriOf(string path)
    {
        lock (_gate) return _uris.TryGetValue(path, out var uri) ? uri : new Uri(path).AbsoluteUri;
    }

    private static string? RootOf(InitializeParams request)
    {
        var uri = request.WorkspaceFolders is [var first, ..] ? first.Uri : request.RootUri;
        if (uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile) return parsed.LocalPath;
        return request.RootPath;
    }

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record OpenDocument(string Uri, int Version, string Text);

    [LoggerMessage(Level = LogLevel.Information, Message = "serving {Root} ({Mode} diagnostics)")]
    private partial void LogStarting(string root, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "analysed after {What} in {Milliseconds} ms")]
    private partial void LogAnalyzed(string what, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "analysis failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "workspace/diagnostic/refresh was not answered ({Reason})")]
    private partial void LogRefreshFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the client did not register file watchers ({Reason}); watching the folder instead")]
    private partial void LogNoWatchers(string reason);
}
