/**
 * The graph's look: CSS classes whose colours are CSS variables. `LIGHT_THEME` gives the variables
 * sensible values for a standalone SVG (the CLI embeds both); the preview maps the same variables
 * to VS Code's theme colours instead. (No `>` or `&` here: the CSS is also written as XML text.)
 */
export const LIGHT_THEME = `
.callscript-graph {
  --cs-bg: #ffffff;
  --cs-fg: #1f2328;
  --cs-muted: #59636e;
  --cs-node-bg: #f6f8fa;
  --cs-node-border: #8c959f;
  --cs-edge: #818b98;
  --cs-label-bg: #ffffff;
  --cs-accent: #0969da;
  --cs-happy: #1a7f37;
  --cs-objection: #bc4c00;
  --cs-handover: #8250df;
  --cs-success: #1a7f37;
  --cs-failure: #cf222e;
  --cs-error: #cf222e;
  --cs-warning: #9a6700;
  --cs-info: #0969da;
  --cs-selected: #0969da;
  --cs-match: #d4a72c;
  --cs-font: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
}`;

export const GRAPH_CSS = `
.callscript-graph { font-family: var(--cs-font); color: var(--cs-fg); }
.callscript-graph .background { fill: var(--cs-bg); }
.callscript-graph text { fill: var(--cs-fg); }
.callscript-graph .node-box { fill: var(--cs-node-bg); stroke: var(--cs-node-border); stroke-width: 1.2; }
.callscript-graph .node-stripe { fill: var(--cs-accent); }
.callscript-graph .kind-say .node-stripe { fill: var(--cs-accent); }
.callscript-graph .kind-ask .node-stripe { fill: var(--cs-happy); }
.callscript-graph .kind-note .node-stripe { fill: var(--cs-muted); }
.callscript-graph .kind-transfer .node-stripe, .callscript-graph .kind-escalate .node-stripe { fill: var(--cs-handover); }
.callscript-graph .kind-empty .node-stripe { fill: var(--cs-node-border); }
.callscript-graph .node-caption { font-size: 10px; letter-spacing: 0.06em; text-transform: uppercase; fill: var(--cs-muted); }
.callscript-graph .node-title { font-size: 13px; font-weight: 600; }
.callscript-graph .node-text { font-size: 12px; }
.callscript-graph .node-start .node-box { fill: var(--cs-accent); stroke: var(--cs-accent); }
.callscript-graph .node-start .node-title { fill: var(--cs-bg); font-size: 12px; }
.callscript-graph .node-objection .node-box { stroke: var(--cs-objection); stroke-dasharray: 5 3; }
.callscript-graph .node-objection .node-caption { fill: var(--cs-objection); }
.callscript-graph .node-handover .node-box { stroke: var(--cs-handover); stroke-width: 1.6; }
.callscript-graph .node-handover .node-caption { fill: var(--cs-handover); }
.callscript-graph .node-outcome .node-box { stroke: var(--cs-failure); }
.callscript-graph .node-outcome .node-caption { fill: var(--cs-failure); }
.callscript-graph .node-outcome.success .node-box { stroke: var(--cs-success); stroke-width: 2; }
.callscript-graph .node-outcome.success .node-caption { fill: var(--cs-success); }
.callscript-graph .missing .node-box { stroke: var(--cs-error); stroke-dasharray: 3 3; fill: none; }
.callscript-graph .missing .node-caption { fill: var(--cs-error); }
.callscript-graph .unreachable { opacity: 0.6; }
.callscript-graph .unreachable .node-box { stroke-dasharray: 4 3; }
.callscript-graph .dead-end .node-box { stroke: var(--cs-error); stroke-width: 2; }
.callscript-graph .happy .node-box { stroke: var(--cs-happy); stroke-width: 2.2; }
.callscript-graph .node-start.happy .node-box { stroke: var(--cs-accent); }
.callscript-graph .severity-error .node-box { stroke: var(--cs-error); stroke-width: 2.2; }
.callscript-graph .severity-warning .node-box { stroke: var(--cs-warning); stroke-width: 2; }
.callscript-graph .badge { stroke: var(--cs-bg); stroke-width: 1.5; }
.callscript-graph .badge.severity-error { fill: var(--cs-error); }
.callscript-graph .badge.severity-warning { fill: var(--cs-warning); }
.callscript-graph .badge.severity-info, .callscript-graph .badge.severity-hint { fill: var(--cs-info); }
.callscript-graph .badge-text { fill: #ffffff; font-size: 10px; font-weight: 700; }
.callscript-graph .edge-line { fill: none; stroke: var(--cs-edge); stroke-width: 1.4; }
.callscript-graph .edge-objection .edge-line, .callscript-graph .edge-resume .edge-line, .callscript-graph .edge-return .edge-line { stroke: var(--cs-objection); stroke-dasharray: 5 3; }
.callscript-graph .edge.happy .edge-line { stroke: var(--cs-happy); stroke-width: 2.6; }
.callscript-graph .arrow { fill: var(--cs-edge); }
.callscript-graph .arrow-happy { fill: var(--cs-happy); }
.callscript-graph .arrow-objection { fill: var(--cs-objection); }
.callscript-graph .edge-label rect { fill: var(--cs-label-bg); stroke: var(--cs-edge); stroke-width: 0.6; }
.callscript-graph .edge-label text { font-size: 11px; fill: var(--cs-muted); }
.callscript-graph .edge-label.happy rect { stroke: var(--cs-happy); }
.callscript-graph .edge-label.happy text { fill: var(--cs-happy); font-weight: 600; }
.callscript-graph .node.selected .node-box { stroke: var(--cs-selected); stroke-width: 3.5; }
.callscript-graph .node.match .node-box { stroke: var(--cs-match); stroke-width: 3.5; }
.callscript-graph .node:focus { outline: none; }
.callscript-graph .node:focus .node-box { stroke: var(--cs-selected); stroke-width: 3; }
`;
