import type { FlowEdge, FlowGraph, FlowNode } from '../types';

/** A string as a DOT quoted string: quotes and backslashes escaped, line breaks as \n, controls dropped. */
export function dotString(s: string): string {
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u001F\u007F]/g, '');
  return `"${body}"`;
}

const SHAPES: Record<FlowNode['kind'], string> = {
  start: 'shape=oval, style="filled", fillcolor="#0969da", fontcolor="white"',
  step: 'shape=box, style="rounded"',
  objection: 'shape=box, style="rounded,dashed", color="#bc4c00"',
  outcome: 'shape=oval',
  handover: 'shape=cds, color="#8250df"',
  missing: 'shape=box, style="dashed", color="#cf222e"',
};

const SEVERITY_COLOURS: Record<string, string> = { error: '#cf222e', warning: '#9a6700', info: '#0969da', hint: '#0969da' };

/** The flow graph in Graphviz DOT; `dot -Tsvg` lays it out on its own. */
export function toDot(graph: FlowGraph): string {
  const out = [
    `digraph ${dotString(graph.scriptId ?? 'callscript')} {`,
    '  rankdir=TB;',
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const n of graph.nodes) out.push(`  ${dotString(n.id)} [${nodeAttrs(n)}];`);
  for (const e of graph.edges) out.push(`  ${dotString(e.source)} -> ${dotString(e.target)}${edgeAttrs(e)};`);
  out.push('}');
  return out.join('\n') + '\n';
}

function nodeAttrs(n: FlowNode): string {
  const label = [n.title, [n.caption, n.unreachable && 'unreachable', n.deadEnd && 'dead end'].filter(Boolean).join(' · '), n.excerpt].filter((s) => s !== '').join('\n');
  const attrs = [SHAPES[n.kind], `label=${dotString(label)}`];
  if (n.kind === 'outcome') attrs.push(n.success ? 'color="#1a7f37", penwidth=2' : 'color="#cf222e"');
  if (n.happy && n.kind === 'step') attrs.push('color="#1a7f37", penwidth=2');
  if (n.severity) attrs.push(`color=${dotString(SEVERITY_COLOURS[n.severity])}, penwidth=2`);
  if (n.unreachable) attrs.push('fontcolor="#59636e"');
  if (n.findings.length) attrs.push(`tooltip=${dotString(n.findings.map((f) => `${f.severity}: ${f.message} [${f.ruleId}]`).join('\n'))}`);
  return attrs.join(', ');
}

function edgeAttrs(e: FlowEdge): string {
  const attrs: string[] = [];
  if (e.label !== undefined) attrs.push(`label=${dotString(e.label)}`);
  if (e.kind === 'objection' || e.kind === 'resume' || e.kind === 'return') attrs.push('style=dashed, color="#bc4c00"');
  if (e.happy) attrs.push('color="#1a7f37", penwidth=2.5');
  return attrs.length ? ` [${attrs.join(', ')}]` : '';
}
