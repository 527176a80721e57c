import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { nodeAtOffset } from '../../../server/src/core/graph/nodeAt';
import { drawScript, type Drawing } from './compute';
import { DIAGNOSTIC_SOURCE, serverFindings } from './diagnostics';
import { exportPng, exportSvg } from './exportFile';
import { previewHtml } from './html';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from './protocol';

export const VIEW_TYPE = 'callscript.flowPreview';

/** Typing pauses this long before the graph is redrawn. */
const DEBOUNCE_MS = 150;

/**
 * One flow preview: a webview panel drawing one script. The extension host computes the drawing
 * (analysis, graph, layout) and posts it; the webview only draws. Redraws as the script changes,
 * follows the editor's cursor, reveals a step when its node is clicked.
 */
export class FlowPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private drawing: Drawing | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** the latest draw started; older results are dropped */
  private generation = 0;
  private fitNext = true;
  private highlighted: string | undefined;
  /** the language server has published diagnostics for this script: flag those (configuration applied), not the analysis's own */
  private serverSeen = false;
  private disposed = false;

  constructor(
    extensionUri: vscode.Uri,
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly onDispose: () => void,
  ) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
    const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'main.js')).toString();
    webview.html = previewHtml({ cspSource: webview.cspSource, nonce: randomBytes(18).toString('base64'), scriptUri, title: `Flow: ${path.basename(uri.fsPath)}` });
    this.serverSeen = vscode.languages.getDiagnostics(uri).some((d) => d.source === DIAGNOSTIC_SOURCE);
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => {
        if (isWebviewMessage(m)) void this.onMessage(m);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Redraw soon (debounced), e.g. after an edit. */
  scheduleDraw(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.draw(), delay);
  }

  /** Diagnostics of this script changed (ours, once the language server has published, are flagged). */
  diagnosticsChanged(): void {
    this.serverSeen ||= vscode.languages.getDiagnostics(this.uri).some((d) => d.source === DIAGNOSTIC_SOURCE);
    this.scheduleDraw();
  }

  /** The editor's cursor moved to `position`: highlight the step there. */
  cursorMoved(position: vscode.Position): void {
    if (!this.drawing) return;
    const node = nodeAtOffset(this.drawing.graph, this.drawing.lines.offsetAt(position));
    if (node?.id === this.highlighted) return;
    this.highlighted = node?.id;
    this.post({ type: 'highlight', nodeId: node?.id, scroll: true });
  }

  action(action: 'fit' | 'zoomIn' | 'zoomOut' | 'exportPng'): void {
    this.post({ type: 'action', action });
  }

  async exportSvg(): Promise<void> {
    if (this.drawing) await exportSvg(this.uri, this.drawing.graph);
  }

  private async draw(): Promise<void> {
    const generation = ++this.generation;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.uri);
    } catch {
      return; // deleted or unreadable: keep the last drawing
    }
    const result = await drawScript(document.getText(), (lines) => (this.serverSeen ? serverFindings(this.uri, lines) : undefined)).catch((e: unknown) => ({
      problem: `The flow could not be drawn: ${(e as Error)?.message ?? String(e)}`,
      line: undefined,
    }));
    if (generation !== this.generation || this.disposed) return;
    if ('problem' in result) {
      this.post({ type: 'problem', message: result.problem, line: result.line });
      return;
    }
    this.drawing = result.drawing;
    this.post({ type: 'graph', graph: result.drawing.graph, counts: result.drawing.counts, fit: this.fitNext });
    this.fitNext = false;
    // The highlight is redrawn with the graph; send it again without scrolling.
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    this.highlighted = editor ? nodeAtOffset(result.drawing.graph, result.drawing.lines.offsetAt(editor.selection.active))?.id : this.highlighted;
    if (this.highlighted) this.post({ type: 'highlight', nodeId: this.highlighted, scroll: false });
  }

  private async onMessage(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A (re)loaded webview has nothing drawn: tell it its script, draw now and fit.
        this.post({ type: 'document', uri: this.uri.toString() });
        this.fitNext = true;
        this.highlighted = undefined;
        await this.draw();
        return;
      case 'reveal':
        await this.reveal(m.nodeId);
        return;
      case 'exportSvg':
        await this.exportSvg();
        return;
      case 'exportPng':
        await exportPng(this.uri, m.dataUrl);
        return;
      case 'log':
        console.log(`[callscript preview] ${m.message}`);
        return;
    }
  }

  /** Shows the source of a node (its step's key) selected in the editor beside the preview. */
  private async reveal(nodeId: string): Promise<void> {
    const drawing = this.drawing;
    const node = drawing?.graph.nodes.find((n) => n.id === nodeId);
    if (!drawing || !node) return;
    const start = drawing.lines.positionAt(node.range.start);
    const end = drawing.lines.positionAt(node.range.end);
    const selection = new vscode.Range(new vscode.Position(start.line, start.character), new vscode.Position(end.line, end.character));
    const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const column = open?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: column, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.highlighted = nodeId;
  }

  private post(message: HostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.onDispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
