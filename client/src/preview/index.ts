import * as vscode from 'vscode';
import { FlowPreview, VIEW_TYPE } from './panel';
import { stateUri } from './protocol';

/**
 * Registers the flow preview: its commands and the events that keep each open preview in step
 * with its script (edits, diagnostics, cursor).
 */
export function registerFlowPreview(context: vscode.ExtensionContext): vscode.Disposable[] {
  const previews = new Map<string, FlowPreview>();
  const forUri = (uri: vscode.Uri): FlowPreview | undefined => previews.get(uri.toString());

  const open = (toSide: boolean) => async (uri?: vscode.Uri) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('Open a call script (*.call.yaml) to preview its flow.');
      return;
    }
    const existing = forUri(target);
    if (existing) {
      existing.panel.reveal(toSide ? vscode.ViewColumn.Beside : undefined, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      `Flow: ${target.path.split('/').pop() ?? 'script'}`,
      { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: toSide },
    );
    adopt(target, panel);
  };
  const adopt = (target: vscode.Uri, panel: vscode.WebviewPanel): void => {
    previews.get(target.toString())?.panel.dispose();
    previews.set(target.toString(), new FlowPreview(context.extensionUri, target, panel, () => previews.delete(target.toString())));
  };

  /** The preview the user is looking at: the active panel, else the one of the active editor. */
  const current = (): FlowPreview | undefined =>
    [...previews.values()].find((p) => p.panel.active) ?? (vscode.window.activeTextEditor ? forUri(vscode.window.activeTextEditor.document.uri) : undefined);

  return [
    // After a window reload, VS Code recreates open previews from the state their webview saved.
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const uri = stateUri(state);
        if (uri) adopt(vscode.Uri.parse(uri), panel);
        else panel.dispose();
      },
    }),
    vscode.commands.registerCommand('callscript.openPreview', open(false)),
    vscode.commands.registerCommand('callscript.openPreviewToSide', open(true)),
    vscode.commands.registerCommand('callscript.preview.fit', () => current()?.action('fit')),
    vscode.commands.registerCommand('callscript.preview.exportSvg', () => current()?.exportSvg()),
    vscode.commands.registerCommand('callscript.preview.exportPng', () => current()?.action('exportPng')),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) forUri(e.document.uri)?.scheduleDraw();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) forUri(uri)?.diagnosticsChanged();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => forUri(e.textEditor.document.uri)?.cursorMoved(e.selections[0].active)),
    { dispose: () => [...previews.values()].forEach((p) => p.dispose()) },
  ];
}
