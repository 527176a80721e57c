import { GRAPH_CSS } from '../../../server/src/core/graph/render/theme';
import { PAGE_CSS, VSCODE_THEME } from './styles';

export interface PreviewPage {
  /** the webview's `cspSource` */
  cspSource: string;
  /** a fresh random value per page */
  nonce: string;
  /** the bundled webview script (dist/webview/main.js) as a webview URI */
  scriptUri: string;
  /** the script's file name, for the page title */
  title: string;
}

/**
 * The preview page: a strict content security policy, one nonce'd stylesheet and the bundled
 * script. It holds no script data; the graph arrives later by postMessage.
 */
export function previewHtml(page: PreviewPage): string {
  const { cspSource, nonce } = page;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    // blob: and data: for drawing the PNG export on a canvas
    `img-src ${cspSource} blob: data:`,
    `font-src ${cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${escapeHtml(nonce)}">${PAGE_CSS}${GRAPH_CSS}${VSCODE_THEME}</style>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Flow preview">
  <button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="fit" title="Fit to the view (0)">Fit</button>
  <span class="sep"></span>
  <input id="search" type="search" placeholder="Find a step" title="Find a step by id or text (Enter: next match)" aria-label="Find a step by id or text" spellcheck="false">
  <span id="search-status" aria-live="polite"></span>
  <span id="counts"></span>
  <span class="sep"></span>
  <button id="export-svg" title="Save the flow as SVG">SVG</button>
  <button id="export-png" title="Save the flow as PNG">PNG</button>
</div>
<div id="banner" role="alert" hidden></div>
<div id="viewport" tabindex="0" aria-label="Call flow; drag to pan, wheel to zoom"><div id="canvas"></div></div>
<div id="empty">Drawing the call flow…</div>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>
`;
}

/** Escapes text for HTML content or a double-quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

