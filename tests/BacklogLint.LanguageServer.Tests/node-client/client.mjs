// VS Code's own protocol layer (vscode-languageserver-protocol over vscode-jsonrpc) as a client of `backloglint lsp`,
// run by NodeClientTests: it says what VS Code says in `initialize` (pull diagnostics, dynamic file watchers, UTF-16),
// answers the server's requests, pulls diagnostics for a file and for the workspace, edits a buffer, asks for code
// actions and a hover, and shuts the server down. It prints what it saw as one JSON object on stdout (the server's
// stderr goes to this process's stderr); on a failure the JSON has `error` and the step, and the exit code is 1.
//
// Environment: BACKLOGLINT_DLL (the tool), BACKLOGLINT_REPO (the repository: backlog/PAY-1.md has the status typo
// `in-progres`, backlog/PAY-2.md no owner), BACKLOGLINT_TIMEOUT_MS (for each wait).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, createProtocolConnection, DiagnosticRefreshRequest, DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification, DocumentDiagnosticRequest, ExitNotification, HoverRequest, InitializedNotification,
  InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest, StreamMessageReader,
  StreamMessageWriter, WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';

const repo = process.env.BACKLOGLINT_REPO;
const timeout = Number(process.env.BACKLOGLINT_TIMEOUT_MS ?? 30000);
const result = { pushes: 0, refreshes: 0, registrations: [] };
let step = 'start';

const uriOf = (relative) => pathToFileURL(join(repo, relative)).href;
const textOf = (relative) => readFileSync(join(repo, relative), 'utf8');
const codes = (items) => (items ?? []).map((d) => d.code);

/** The promise's value, or an error naming what was awaited after `timeout` ms. */
function within(what, promise) {
  step = what;
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms: ${what}`)), timeout); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A protocol edit list applied to a text: JavaScript strings count UTF-16 code units, as the protocol's positions do. */
function apply(text, edits) {
  const offset = ({ line, character }) => {
    let at = 0;
    for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
    return at + character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const edit of sorted) text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
  return text;
}

const server = spawn('dotnet', [process.env.BACKLOGLINT_DLL, 'lsp'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
server.stderr.on('data', (chunk) => process.stderr.write(chunk));
const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));

let registered;
const registration = new Promise((resolve) => { registered = resolve; });
connection.onRequest(RegistrationRequest.type, (params) => {
  for (const r of params.registrations) {
    result.registrations.push({ method: r.method, watchers: r.registerOptions?.watchers?.length ?? 0 });
  }
  registered();
  return null;
});
let refreshed;
const refresh = new Promise((resolve) => { refreshed = resolve; });
connection.onRequest(DiagnosticRefreshRequest.type, () => { result.refreshes++; refreshed(); return null; });
connection.onNotification(PublishDiagnosticsNotification.type, () => { result.pushes++; });
connection.onClose(() => { result.closed = step; });
connection.listen();

async function run() {
  // What VS Code 1.9x sends, trimmed to what bears on this server.
  const initialize = await within('initialize', connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: 'vscode-languageserver-protocol client', version: '3.18.5' },
    locale: 'en',
    rootPath: repo,
    rootUri: pathToFileURL(repo).href,
    workspaceFolders: [{ uri: pathToFileURL(repo).href, name: 'planning' }],
    capabilities: {
      general: { positionEncodings: ['utf-16'], markdown: { parser: 'marked', version: '1.1.0' } },
      workspace: {
        applyEdit: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional', normalizesLineEndings: true, changeAnnotationSupport: { groupsOnLabel: true } },
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        diagnostics: { refreshSupport: true },
        workspaceFolders: true,
        configuration: true,
      },
      textDocument: {
        synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
        diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
        hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          dynamicRegistration: true,
          isPreferredSupport: true,
          disabledSupport: true,
          dataSupport: true,
          resolveSupport: { properties: ['edit'] },
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } },
          honorsChangeAnnotations: true,
        },
      },
      window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
    },
    trace: 'off',
  }));
  result.initialize = initialize;
  await connection.sendNotification(InitializedNotification.type, {});
  await within('client/registerCapability for file watchers', registration);
  // Once the first analysis is done the server asks the client to pull (a request; VS Code pulls again on it).
  await within('workspace/diagnostic/refresh', refresh);

  // A file nobody opened: full, then unchanged for the same resultId.
  const pay2 = uriOf('backlog/PAY-2.md');
  const first = await within('the first pull', connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: pay2 } }));
  result.first = { kind: first.kind, resultId: first.resultId, codes: codes(first.items) };
  const again = await within('the second pull', connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: pay2 }, previousResultId: first.resultId }));
  result.again = { kind: again.kind, resultId: again.resultId, items: again.items ?? null };

  // The buffer gets an owner: the pull after the edit has changed.
  const unowned = textOf('backlog/PAY-2.md');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: pay2, languageId: 'markdown', version: 1, text: unowned } });
  const owned = unowned.replace('status: in-progress', 'status: in-progress\nowner: "@bob"');
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: pay2, version: 2 }, contentChanges: [{ text: owned }] });
  const edited = await within('the pull after the edit', connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: pay2 }, previousResultId: first.resultId }));
  result.edited = { kind: edited.kind, resultId: edited.resultId, codes: codes(edited.items) };

  // The workspace, given PAY-2's latest resultId: PAY-2 is left out (unchanged), PAY-1 comes with its finding.
  const workspace = await within('workspace/diagnostic', connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [{ uri: pay2, value: edited.resultId }] }));
  result.workspace = workspace.items.map((item) => ({ uri: item.uri, kind: item.kind, version: item.version ?? null, codes: codes(item.items) }));

  // Code actions on PAY-1's finding: the quick fix is a workspace edit (no command), applied here, and the pull clears.
  const pay1 = uriOf('backlog/PAY-1.md');
  const typo = textOf('backlog/PAY-1.md');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: pay1, languageId: 'markdown', version: 1, text: typo } });
  const finding = workspace.items.find((item) => item.uri === pay1)?.items.find((d) => d.code === 'BL0502');
  if (!finding) throw new Error('no BL0502 for PAY-1 in the workspace report');
  result.finding = { range: finding.range, codeDescription: finding.codeDescription, source: finding.source };
  const actions = await within('code actions', connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: pay1 }, range: finding.range, context: { diagnostics: [finding], triggerKind: 1 },
  }));
  result.actions = actions.map((a) => ({ title: a.title, kind: a.kind, isPreferred: a.isPreferred === true, hasEdit: a.edit !== undefined, hasCommand: a.command !== undefined }));
  const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  if (!fix?.edit?.changes?.[pay1]) throw new Error(`no preferred quick fix with a workspace edit for ${pay1}: ${JSON.stringify(actions)}`);
  result.fixed = apply(typo, fix.edit.changes[pay1]);
  const fixAll = await within('source.fixAll', connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: pay1 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
  }));
  result.fixAll = fixAll.map((a) => ({ title: a.title, kind: a.kind, hasEdit: a.edit !== undefined }));

  const hover = await within('hover', connection.sendRequest(HoverRequest.type, { textDocument: { uri: pay1 }, position: finding.range.start }));
  result.hover = { kind: hover?.contents?.kind, value: hover?.contents?.value, range: hover?.range };

  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: pay1, version: 2 }, contentChanges: [{ text: result.fixed }] });
  const cleared = await within('the pull after the fix', connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: pay1 } }));
  result.cleared = { kind: cleared.kind, codes: codes(cleared.items) };

  await within('shutdown', connection.sendRequest(ShutdownRequest.type));
  await connection.sendNotification(ExitNotification.type);
  result.exit = await within('the server to exit', exited);
}

let failed = false;
try {
  await run();
} catch (error) {
  failed = true;
  result.error = String(error?.stack ?? error);
  result.step = step;
  server.kill();
}

connection.dispose();
process.stdout.write(JSON.stringify(result) + '\n');
process.exitCode = failed ? 1 : 0;
