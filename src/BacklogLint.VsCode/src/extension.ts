// Starts `backloglint lsp` for the workspace: diagnostics for the whole planning repository as you type, hover with
// the rule's page, and quick fixes. Everything is the server's: its code actions are workspace edits, so this
// extension registers no commands of its own.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration('backloglint');
  const useLocalTool = settings.get<boolean>('useLocalTool', false);
  const command = useLocalTool ? 'dotnet' : settings.get<string>('path', 'backloglint');
  const args = useLocalTool ? ['backloglint', 'lsp'] : ['lsp'];
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio, options: { cwd } };
  const clientOptions: LanguageClientOptions = {
    // Items are Markdown (and YAML for formats such as KEPs); the configuration's own findings go to it.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/*.{yml,yaml}' },
    ],
    // The server registers its file watchers itself (workspace/didChangeWatchedFiles).
  };
  client = new LanguageClient('backloglint', 'BacklogLint', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('backloglint.path') || event.affectsConfiguration('backloglint.useLocalTool')) {
        await vscode.commands.executeCommand('workbench.action.restartExtensionHost');
      }
    }),
  );
  try {
    await client.start();
  } catch (error) {
    const how = useLocalTool ? '`dotnet tool restore` in the repository' : '`dotnet tool install --global BacklogLint`';
    void vscode.window.showErrorMessage(`BacklogLint could not start '${command} ${args.join(' ')}': ${String(error)}. Install the tool (${how}) or set backloglint.path.`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
