/**
 * The preview page's CSS: the graph's variables mapped to VS Code's theme colours (light, dark and
 * high contrast; VS Code sets the --vscode-* variables and a body class per theme kind), with the
 * light defaults as fallbacks, and the toolbar, banner and viewport.
 */
export const VSCODE_THEME = `
.callscript-graph {
  --cs-bg: var(--vscode-editor-background, #ffffff);
  --cs-fg: var(--vscode-editor-foreground, #1f2328);
  --cs-muted: var(--vscode-descriptionForeground, #59636e);
  --cs-node-bg: var(--vscode-editorWidget-background, #f6f8fa);
  --cs-node-border: var(--vscode-editorWidget-border, #8c959f);
  --cs-edge: var(--vscode-editorLineNumber-foreground, #818b98);
  --cs-label-bg: var(--vscode-editor-background, #ffffff);
  --cs-accent: var(--vscode-textLink-foreground, #0969da);
  --cs-happy: var(--vscode-charts-green, #1a7f37);
  --cs-objection: var(--vscode-charts-orange, #bc4c00);
  --cs-handover: var(--vscode-charts-purple, #8250df);
  --cs-success: var(--vscode-charts-green, #1a7f37);
  --cs-failure: var(--vscode-charts-red, #cf222e);
  --cs-error: var(--vscode-editorError-foreground, #cf222e);
  --cs-warning: var(--vscode-editorWarning-foreground, #9a6700);
  --cs-info: var(--vscode-editorInfo-foreground, #0969da);
  --cs-selected: var(--vscode-focusBorder, #0969da);
  --cs-match: var(--vscode-charts-yellow, #d4a72c);
  --cs-font: var(--vscode-font-family, sans-serif);
}
body.vscode-high-contrast .callscript-graph,
body.vscode-high-contrast-light .callscript-graph {
  --cs-node-border: var(--vscode-contrastBorder, #6fc3df);
  --cs-edge: var(--vscode-contrastBorder, #6fc3df);
  --cs-selected: var(--vscode-contrastActiveBorder, #f38518);
}
body.vscode-high-contrast .callscript-graph .node-box,
body.vscode-high-contrast-light .callscript-graph .node-box { stroke-width: 2; }
body.vscode-high-contrast .callscript-graph .edge-line,
body.vscode-high-contrast-light .callscript-graph .edge-line { stroke-width: 2; }
`;

export const PAGE_CSS = `
html, body { height: 100%; }
body {
  margin: 0; padding: 0; overflow: hidden;
  color: var(--vscode-foreground, #1f2328);
  background: var(--vscode-editor-background, #ffffff);
  font-family: var(--vscode-font-family, sans-serif);
  font-size: var(--vscode-font-size, 13px);
}
#toolbar {
  position: absolute; top: 0; left: 0; right: 0; z-index: 2;
  display: flex; align-items: center; gap: 4px; padding: 4px 8px;
  background: var(--vscode-editorWidget-background, #f6f8fa);
  border-bottom: 1px solid var(--vscode-editorWidget-border, #d0d7de);
}
#toolbar button {
  min-width: 28px; height: 24px; padding: 0 8px; cursor: pointer;
  color: var(--vscode-button-secondaryForeground, #1f2328);
  background: var(--vscode-button-secondaryBackground, #e7ecf0);
  border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px;
  font: inherit;
}
#toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, #d5dce3); }
#toolbar button:focus-visible, #search:focus { outline: 1px solid var(--vscode-focusBorder, #0969da); outline-offset: -1px; }
#search {
  width: 180px; height: 22px; padding: 0 6px; font: inherit;
  color: var(--vscode-input-foreground, #1f2328);
  background: var(--vscode-input-background, #ffffff);
  border: 1px solid var(--vscode-input-border, #d0d7de); border-radius: 2px;
}
#search-status, #counts { color: var(--vscode-descriptionForeground, #59636e); white-space: nowrap; }
#counts { margin-left: auto; }
#counts .errors { color: var(--vscode-editorError-foreground, #cf222e); }
#counts .warnings { color: var(--vscode-editorWarning-foreground, #9a6700); }
.sep { width: 1px; align-self: stretch; margin: 2px 4px; background: var(--vscode-editorWidget-border, #d0d7de); }
#banner {
  position: absolute; top: 33px; left: 0; right: 0; z-index: 2; padding: 6px 10px;
  color: var(--vscode-inputValidation-errorForeground, var(--vscode-foreground, #1f2328));
  background: var(--vscode-inputValidation-errorBackground, #ffebe9);
  border-bottom: 1px solid var(--vscode-inputValidation-errorBorder, #cf222e);
}
#banner[hidden], #empty[hidden] { display: none; }
#viewport { position: absolute; top: 33px; left: 0; right: 0; bottom: 0; overflow: hidden; cursor: grab; outline: none; }
#viewport.dragging { cursor: grabbing; }
#canvas { position: absolute; top: 0; left: 0; transform-origin: 0 0; }
#canvas .node { cursor: pointer; }
#empty { position: absolute; top: 45%; width: 100%; text-align: center; color: var(--vscode-descriptionForeground, #59636e); }
`;
