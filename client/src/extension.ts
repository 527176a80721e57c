import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_ENV, SERVER_NODE_OPTIONS } from '../../server/src/node/serverProcess';
import { registerFlowPreview } from './preview';
import { createStatusItem } from './status';
import { showRuleDocs } from './ruleDocs';

let client: LanguageClient | undefined;

/** Starts the Callscript language server and registers the extension's commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Callscript');
  const status = createStatusItem();
  context.subscriptions.push(output, status.item);

  const start = async (): Promise<void> => {
    client = createClient(context, output);
    client.onDidChangeState((e) => status.show(e.newState === State.Running ? 'ready' : e.newState === State.Starting ? 'starting' : 'stopped'));
    status.show('starting');
    try {
      await client.start();
    } catch (e) {
      status.show('stopped');
      output.appendLine(`Callscript language server failed to start: ${(e as Error).message}`);
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('callscript.restartServer', async () => {
      await client?.stop().catch(() => undefined);
      await start();
    }),
    vscode.commands.registerCommand('callscript.showRuleDocs', (ruleId?: string) => showRuleDocs(context, ruleId)),
    vscode.commands.registerCommand('callscript.showOutput', () => output.show(true)),
    ...registerFlowPreview(context),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  // The bundled server sits beside the bundled client in dist/.
  const module = context.asAbsolutePath(path.join('dist', 'server', 'main.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS], env: { ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6019'], env: { ...SERVER_ENV } } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'callscript' }],
    outputChannel: output,
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/callscript.config.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/.callscript.yaml'),
        vscode.workspace.createFileSystemWatcher('**/*.glossary.yaml'),
        vscode.workspace.createFileSystemWatcher('**/*.call.{yaml,yml}'),
      ],
    },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('callscript'),
      docsBaseUri: vscode.Uri.file(context.asAbsolutePath('docs/rules')).toString() + '/',
    },
  };
  return new LanguageClient('callscript', 'Callscript Language Server', serverOptions, clientOptions);
}
