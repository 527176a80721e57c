import {
  CodeActionKind,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { packageVersion } from './packageRoot';
import * as requests from './requests';
import { safely, safelyNotify } from './safe';
import { Session } from './session';

/**
 * Starts the Callscript language server on a connection, however it is hosted (stdio, Node IPC,
 * a socket, or in-process in tests). This only wires protocol events to the session and the
 * request handlers; every handler is wrapped so one failure answers null and the server goes on.
 */
export function startServer(connection: Connection): void {
  let session: Session | undefined;
  const s = (): Session => {
    if (!session) throw new Error('the server has not been initialized');
    return session;
  };

  connection.onInitialize((params): InitializeResult => {
    session = new Session(connection, params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['{', ' ', '[', ','] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'callscript-language-server', version: packageVersion() },
    };
  });
  connection.onInitialized(safelyNotify(connection, 'initialized', () => s().initialized()));
  connection.onShutdown(() => session?.dispose());

  connection.onDidOpenTextDocument(safelyNotify(connection, 'didOpen', (p) => s().opened(p)));
  connection.onDidChangeTextDocument(safelyNotify(connection, 'didChange', (p) => s().changed(p)));
  connection.onDidCloseTextDocument(safelyNotify(connection, 'didClose', (p) => s().closed(p)));
  connection.onDidChangeConfiguration(safelyNotify(connection, 'didChangeConfiguration', (p) => s().configurationChanged(p)));
  connection.onDidChangeWatchedFiles(safelyNotify(connection, 'didChangeWatchedFiles', (p) => s().watchedFilesChanged(p)));

  connection.onHover(safely(connection, 'hover', null, (p) => requests.onHover(s(), p)));
  connection.onCompletion(safely(connection, 'completion', null, (p) => requests.onCompletion(s(), p)));
  connection.onDefinition(safely(connection, 'definition', null, (p) => requests.onDefinition(s(), p)));
  connection.onReferences(safely(connection, 'references', [], (p) => requests.onReferences(s(), p)));
  connection.onPrepareRename(safely(connection, 'prepareRename', null, (p) => requests.onPrepareRename(s(), p)));
  connection.onRenameRequest(safely(connection, 'rename', null, (p) => requests.onRename(s(), p)));
  connection.onDocumentSymbol(safely(connection, 'documentSymbol', [], (p) => requests.onDocumentSymbol(s(), p)));
  connection.onFoldingRanges(safely(connection, 'foldingRange', [], (p) => requests.onFoldingRanges(s(), p)));
  connection.onCodeAction(safely(connection, 'codeAction', [], (p) => requests.onCodeAction(s(), p)));
  connection.languages.inlayHint.on(safely(connection, 'inlayHint', [], (p) => requests.onInlayHints(s(), p)));

  connection.listen();
}
