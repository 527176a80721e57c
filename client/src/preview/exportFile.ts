import * as vscode from 'vscode';
import { renderSvg } from '../../../server/src/core/graph/render/svg';
import { toSvgString } from '../../../server/src/core/graph/render/tree';
import type { PositionedGraph } from '../../../server/src/core/graph/types';

/** Saves the drawing as a standalone SVG (the CLI's light theme), through a save dialog. */
export async function exportSvg(script: vscode.Uri, graph: PositionedGraph): Promise<void> {
  const svg = toSvgString(renderSvg(graph, { embedStyle: true }));
  await save(script, 'svg', 'SVG image', Buffer.from(svg, 'utf8'));
}

/** Saves a PNG drawn by the webview (a `data:image/png;base64,` URL). */
export async function exportPng(script: vscode.Uri, dataUrl: string): Promise<void> {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  await save(script, 'png', 'PNG image', Buffer.from(base64, 'base64'));
}

async function save(script: vscode.Uri, extension: string, label: string, bytes: Uint8Array): Promise<void> {
  const suggested = script.with({ path: script.path.replace(/(\.call)?\.ya?ml$/i, '') + `.flow.${extension}` });
  const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [label]: [extension] }, title: `Save the call flow as ${extension.toUpperCase()}` });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Saved the call flow to ${vscode.workspace.asRelativePath(target)}.`);
  } catch (e) {
    void vscode.window.showErrorMessage(`Could not save the call flow: ${(e as Error)?.message ?? String(e)}`);
  }
}
