import { strict as assert } from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { analyze, type Analysis } from '../../server/src/core';
import { buildFlowGraph, layoutGraph } from '../../server/src/core/graph';
import type { FlowEdge, FlowGraph, FlowNode, PositionedGraph } from '../../server/src/core/graph/types';

export const ROOT = resolve(__dirname, '../../..');

/** The analysis and flow graph of a script that must be readable as a call script. */
export function graphOf(text: string): { analysis: Analysis; graph: FlowGraph } {
  const analysis = analyze(text);
  assert.ok(analysis.model, `not a call script: ${analysis.findings.map((f) => f.message).join('; ')}`);
  return { analysis, graph: buildFlowGraph({ model: analysis.model, findings: analysis.findings }) };
}

export async function laidOutOf(text: string): Promise<PositionedGraph> {
  return layoutGraph(graphOf(text).graph);
}

export function node(graph: FlowGraph, id: string): FlowNode {
  const n = graph.nodes.find((x) => x.id === id);
  assert.ok(n, `no node ${id}; nodes: ${graph.nodes.map((x) => x.id).join(', ')}`);
  return n;
}

/** Edges as `source -kind(label)-> target` strings, for readable assertions. */
export function edgeList(graph: FlowGraph): string[] {
  return graph.edges.map(describe);
}

export function describe(e: FlowEdge): string {
  return `${e.source} -${e.kind}${e.label !== undefined ? `(${e.label})` : ''}-> ${e.target}`;
}

/** The examples/*.call.yaml shipped with the project (none when they are not written yet). */
export function examples(): { name: string; text: string }[] {
  const dir = join(ROOT, 'examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.call\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/** A step text that tries to break out of SVG, HTML, DOT, Mermaid and JSON. */
export const HOSTILE = `</svg><script>alert(1)</script> " ' & \\" ]] --> %% \`x\` |y| #quot; \\n end`;
