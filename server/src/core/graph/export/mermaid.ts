import type { FlowEdge, FlowGraph, FlowNode } from '../types';

/**
 * Text for a quoted Mermaid label: every character Mermaid or HTML could read as syntax becomes a
 * Mermaid entity code (`#quot;`, `#lt;`, ...), line breaks become spaces.
 */
export function mermaidText(s: string): string {
  return s
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/["#&<>`|\\]/g, (c) => `#${c.charCodeAt(0)};`);
}

const SHAPES: Record<FlowNode['kind'], [string, string]> = {
  start: ['((', '))'],
  step: ['[', ']'],
  objection: ['{{', '}}'],
  outcome: ['([', '])'],
  handover: ['[/', '/]'],
  missing: ['[', ']'],
};

/** The flow graph as a Mermaid flowchart. Node ids are n0, n1, ... in the graph's order. */
export function toMermaid(graph: FlowGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const out = ['flowchart TD'];
  for (const n of graph.nodes) {
    const [open, close] = SHAPES[n.kind];
    out.push(`  ${ids.get(n.id)}${open}"${label(n)}"${close}`);
  }
  const happy: number[] = [];
  graph.edges.forEach((e, i) => {
    if (e.happy) happy.push(i);
    out.push(`  ${ids.get(e.source)} ${arrow(e)}${e.label !== undefined ? `|"${mermaidText(e.label)}"|` : ''} ${ids.get(e.target)}`);
  });
  out.push(
    '  classDef happy stroke:#1a7f37,stroke-width:2px',
    '  classDef success stroke:#1a7f37,stroke-width:2px',
    '  classDef failure stroke:#cf222e',
    '  classDef objection stroke:#bc4c00,stroke-dasharray:5 3',
    '  classDef handover stroke:#8250df',
    '  classDef missing stroke:#cf222e,stroke-dasharray:3 3',
    '  classDef unreachable opacity:0.6,stroke-dasharray:4 3',
    '  classDef error stroke:#cf222e,stroke-width:3px',
    '  classDef warning stroke:#9a6700,stroke-width:2px',
  );
  for (const [cls, pick] of CLASSES) {
    const members = graph.nodes.filter(pick).map((n) => ids.get(n.id));
    if (members.length) out.push(`  class ${members.join(',')} ${cls}`);
  }
  if (happy.length) out.push(`  linkStyle ${happy.join(',')} stroke:#1a7f37,stroke-width:3px`);
  return out.join('\n') + '\n';
}

/** Later classes win in Mermaid, so problems come last. */
const CLASSES: [string, (n: FlowNode) => boolean][] = [
  ['happy', (n) => !!n.happy && n.kind === 'step'],
  ['success', (n) => n.kind === 'outcome' && !!n.success],
  ['failure', (n) => n.kind === 'outcome' && !n.success && !n.missing],
  ['objection', (n) => n.kind === 'objection' && !n.missing],
  ['handover', (n) => n.kind === 'handover'],
  ['unreachable', (n) => !!n.unreachable],
  ['warning', (n) => n.severity === 'warning'],
  ['error', (n) => n.severity === 'error' || !!n.deadEnd],
  ['missing', (n) => !!n.missing],
];

function label(n: FlowNode): string {
  const caption = [n.caption, n.unreachable && 'unreachable', n.deadEnd && 'dead end'].filter(Boolean).join(' · ');
  return [n.title, caption, n.excerpt].filter((s) => s !== '').map(mermaidText).join('<br/>');
}

function arrow(e: FlowEdge): string {
  if (e.kind === 'objection' || e.kind === 'resume' || e.kind === 'return') return '-.->';
  return e.happy ? '==>' : '-->';
}
