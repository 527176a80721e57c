import type { FlowGraph, FlowNode } from './types';

/**
 * The node to highlight for a cursor at `offset`: the step whose source holds it, else the
 * objection or outcome declaration that holds it (its first node), else none.
 */
export function nodeAtOffset(graph: Pick<FlowGraph, 'nodes'>, offset: number): FlowNode | undefined {
  let best: FlowNode | undefined;
  for (const n of graph.nodes) {
    if (n.kind !== 'step' && n.kind !== 'objection' && n.kind !== 'outcome') continue;
    if (n.missing || offset < n.extent.start || offset > n.extent.end) continue;
    if (n.kind === 'step') return n;
    best ??= n;
  }
  return best;
}
