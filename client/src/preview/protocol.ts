/**
 * Every message between the extension and the flow preview webview. The webview receives data
 * only through these messages (never through its HTML) and draws what it is sent.
 */
import type { PositionedGraph } from '../../../server/src/core/graph/types';

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

/** Extension → webview. */
export type HostMessage =
  /** a new drawing; `fit` asks to fit it to the view (first drawing of a document) */
  | { type: 'graph'; graph: PositionedGraph; counts: FindingCounts; fit: boolean }
  /** the script does not parse: keep the last drawing and say why */
  | { type: 'problem'; message: string; line: number | undefined }
  /** the step under the editor's cursor (undefined: none); `scroll` brings it into view */
  | { type: 'highlight'; nodeId: string | undefined; scroll: boolean }
  /** the script this preview shows, kept in the webview's state so the preview survives a window reload */
  | { type: 'document'; uri: string }
  /** toolbar actions also offered as editor commands */
  | { type: 'action'; action: 'fit' | 'zoomIn' | 'zoomOut' | 'exportPng' };

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** a node was clicked (or activated with Enter): reveal its source */
  | { type: 'reveal'; nodeId: string }
  | { type: 'exportSvg' }
  /** a PNG drawn by the webview, as a data: URL */
  | { type: 'exportPng'; dataUrl: string }
  | { type: 'log'; message: string };

/** Checks a message from the webview before the extension acts on it (the webview is less trusted). */
export function isWebviewMessage(m: unknown): m is WebviewMessage {
  if (typeof m !== 'object' || m === null) return false;
  const msg = m as Record<string, unknown>;
  switch (msg.type) {
    case 'ready':
    case 'exportSvg':
      return true;
    case 'reveal':
      return typeof msg.nodeId === 'string' && msg.nodeId.length < 10_000;
    case 'exportPng':
      return typeof msg.dataUrl === 'string' && msg.dataUrl.startsWith('data:image/png;base64,');
    case 'log':
      return typeof msg.message === 'string';
    default:
      return false;
  }
}

/** What the webview keeps with `setState`: VS Code hands it back to the serializer after a reload. */
export interface WebviewState {
  uri?: string;
  view?: unknown;
}

/** The script URI in a restored webview's state, if it holds a usable one. */
export function stateUri(state: unknown): string | undefined {
  const uri = (state as WebviewState | undefined)?.uri;
  return typeof uri === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(uri) ? uri : undefined;
}
