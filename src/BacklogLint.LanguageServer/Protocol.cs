using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogLint.LanguageServer;

// The Language Server Protocol 3.17 messages this server reads and writes, and no more: the OmniSharp library is
// unmaintained and Microsoft's protocol types are not published for .NET 10. Names follow the specification
// (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/); members this server
// does not use are left out (System.Text.Json skips what it does not know). Positions are 0-based, in UTF-16 code units.

#pragma warning disable CA1056, CA1054 // the protocol's URIs are strings: editors send forms System.Uri rewrites

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeParams(
    int? ProcessId, string? RootUri, string? RootPath, IReadOnlyList<WorkspaceFolder>? WorkspaceFolders,
    ClientCapabilities? Capabilities, JsonElement? InitializationOptions);

public sealed record ClientCapabilities(
    TextDocumentClientCapabilities? TextDocument, WorkspaceClientCapabilities? Workspace, GeneralClientCapabilities? General, WindowClientCapabilities? Window);

public sealed record WindowClientCapabilities(bool? WorkDoneProgress);

public sealed record WorkDoneProgressCreateParams(string Token);

/// <summary><c>$/progress</c> of work done: <paramref name="Value"/>'s kind is begin, report or end.</summary>
public sealed record ProgressParams(string Token, WorkDoneProgress Value);

public sealed record WorkDoneProgress(string Kind, string? Title = null, string? Message = null);

public sealed record TextDocumentClientCapabilities(JsonElement? Diagnostic, JsonElement? PublishDiagnostics, JsonElement? CodeAction);

public sealed record WorkspaceClientCapabilities(DynamicRegistrationCapability? DidChangeWatchedFiles, RefreshCapability? Diagnostics);

public sealed record DynamicRegistrationCapability(bool? DynamicRegistration);

public sealed record RefreshCapability(bool? RefreshSupport);

public sealed record GeneralClientCapabilities(IReadOnlyList<string>? PositionEncodings);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string Version);

public sealed record ServerCapabilities
{
    public string PositionEncoding { get; init; } = "utf-16";

    public TextDocumentSyncOptions TextDocumentSync { get; init; } = new(OpenClose: true, Change: TextDocumentSyncKind.Full, Save: new SaveOptions(IncludeText: false));

    public bool HoverProvider { get; init; } = true;

    public CodeActionOptions CodeActionProvider { get; init; } = new([CodeActionKinds.QuickFix, CodeActionKinds.SourceFixAll]);

    /// <summary>Pull diagnostics, offered only to a client that says it can pull.</summary>
    public DiagnosticOptions? DiagnosticProvider { get; init; }
}

public enum TextDocumentSyncKind
{
    None = 0,
    Full = 1,
    Incremental = 2,
}

public sealed record TextDocumentSyncOptions(bool OpenClose, TextDocumentSyncKind Change, SaveOptions Save);

public sealed record SaveOptions(bool IncludeText);

public sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);

public sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string SourceFixAll = "source.fixAll";
}

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);

public enum FileChangeType
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
}

public sealed record FileEvent(string Uri, FileChangeType Type);

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record Registration(string Id, string Method, JsonElement? RegisterOptions);

public sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

public sealed record FileSystemWatcher(string GlobPattern);

public sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileSystemWatcher> Watchers);

public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

public sealed record CodeDescription(string Href);

public sealed record LspDiagnostic(
    Range Range, DiagnosticSeverity Severity, string Code, CodeDescription CodeDescription, string Source, string Message, DiagnosticData? Data);

/// <summary>What the server needs back when a client asks for code actions on one of its diagnostics.</summary>
public sealed record DiagnosticData(string Fingerprint);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<LspDiagnostic> Diagnostics);

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier, string? PreviousResultId);

/// <summary>A full report (<c>kind: "full"</c>, with items) or an unchanged one (<c>kind: "unchanged"</c>, without).</summary>
public sealed record DocumentDiagnosticReport(string Kind, string ResultId, IReadOnlyList<LspDiagnostic>? Items);

public sealed record PreviousResultId(string Uri, string Value);

public sealed record WorkspaceDiagnosticParams(string? Identifier, IReadOnlyList<PreviousResultId>? PreviousResultIds);

public sealed record WorkspaceDocumentDiagnosticReport(string Kind, string Uri, int? Version, string ResultId, IReadOnlyList<LspDiagnostic>? Items);

public sealed record WorkspaceDiagnosticReport(IReadOnlyList<WorkspaceDocumentDiagnosticReport> Items);

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents, Range? Range);

/// <summary>The diagnostics a client sends with a code action request are every tool's on those lines (Neovim sends all
/// it has), with codes that may be numbers and data of any shape: only this server's own data is read from them.</summary>
public sealed record CodeActionContext(IReadOnlyList<ContextDiagnostic> Diagnostics, IReadOnlyList<string>? Only);

public sealed record ContextDiagnostic(JsonElement? Data)
{
    /// <summary>The <see cref="DiagnosticData.Fingerprint"/> of one of this server's diagnostics, else null.</summary>
    public string? Fingerprint =>
        Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("fingerprint", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record TextEdit(Range Range, string NewText);

public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

public sealed record CodeAction(string Title, string Kind, IReadOnlyList<LspDiagnostic>? Diagnostics, bool? IsPreferred, WorkspaceEdit Edit);

public sealed record LogMessageParams(int Type, string Message);

/// <summary>The serializer for every message: camelCase, nulls left out, enums as numbers (as the protocol has them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesRegistrationOptions))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(DocumentDiagnosticReport))]
[JsonSerializable(typeof(WorkspaceDiagnosticParams))]
[JsonSerializable(typeof(WorkspaceDiagnosticReport))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(WorkDoneProgressCreateParams))]
[JsonSerializable(typeof(ProgressParams))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class LspJson : JsonSerializerContext;
