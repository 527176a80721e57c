import { groupBy } from '../groupBy';
import type { EdgeKind, FlowEdge, FlowNode } from './types';

/** The ways a call goes on without an objection being raised. */
const PLAIN: ReadonlySet<EdgeKind> = new Set(['start', 'next', 'branch', 'handover', 'outcome']);

/**
 * Marks the happy path: a shortest path from the start to a success outcome, preferring the plain
 * flow over objection detours (these count only when no plain path exists). Ties go to the way
 * written first, so the same script always gets the same path.
 */
export function markHappyPath(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): void {
  const path = shortestToSuccess(nodes, edges, (e) => PLAIN.has(e.kind)) ?? shortestToSuccess(nodes, edges, () => true);
  if (!path) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of path) {
    e.happy = true;
    byId.get(e.source)!.happy = true;
    byId.get(e.target)!.happy = true;
  }
}

function shortestToSuccess(nodes: readonly FlowNode[], edges: readonly FlowEdge[], follow: (e: FlowEdge) => boolean): FlowEdge[] | undefined {
  const out = groupBy(edges.filter(follow), (e) => e.source);
  const success = new Set(nodes.filter((n) => n.kind === 'outcome' && n.success).map((n) => n.id));
  const via = new Map<string, FlowEdge | null>([['start', null]]);
  if (!nodes.some((n) => n.id === 'start')) return undefined;
  const queue = ['start'];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (success.has(id)) {
      const path: FlowEdge[] = [];
      for (let e = via.get(id); e; e = via.get(e.source)) path.push(e);
      return path.reverse();
    }
    for (const e of out.get(id) ?? []) {
      if (!via.has(e.target)) {
        via.set(e.target, e);
        queue.push(e.target);
      }
    }
  }
  return undefined;
}
