import { ENDS, STUCK, type FlowGraph } from '../model/flow';
import type { References } from './references';
import type { Rule } from './rule';

/**
 * Steps from which the call can never end: every way on leads back into the same steps. Reported
 * once per group of such steps, at the first of them in the file. Dead ends are left to `dead-end`.
 */
export const endlessLoop: Rule = {
  id: 'endless-loop',
  defaultSeverity: 'error',
  summary: 'Steps loop with no way out to any outcome, transfer or escalation.',
  check({ graph, reachable, references }) {
    const { steps, first, next } = graph;
    const { parent } = reachable();
    const canEnd = stepsThatCanEnd(graph, references());
    // `seen` marks the steps already in a group; groups are laid out one after another in `group`.
    const seen = new Uint8Array(steps.length);
    const group = new Int32Array(steps.length);
    let groupEnd = 0;
    const findings = [];
    for (let i = 0; i < steps.length; i++) {
      if (seen[i] || canEnd[i] || parent[i] < 0 || steps[i].exits.length === 0) continue;
      // The group: trapped steps reachable from this one.
      const groupStart = groupEnd;
      seen[i] = 1;
      group[groupEnd++] = i;
      for (let q = groupStart; q < groupEnd; q++) {
        for (let e = first[group[q]], end = first[group[q] + 1]; e < end; e++) {
          const to = next[e];
          if (!seen[to] && !canEnd[to]) {
            seen[to] = 1;
            group[groupEnd++] = to;
          }
        }
      }
      const size = groupEnd - groupStart;
      let names = '';
      for (let k = groupStart; k < groupStart + Math.min(size, 5); k++) names += `${k > groupStart ? ', ' : ''}"${steps[group[k]].id}"`;
      if (size > 5) names += `, … (${size} steps)`;
      const step = steps[i];
      findings.push({ message: `The call can never end from step "${step.id}": ${names} only lead to each other, never to an outcome.`, ...step.key, data: { id: step.id } });
    }
    return findings;
  },
};

/**
 * Marks the steps with some path to an end of the call, found by walking the flow backwards from
 * the steps that end it.
 */
function stepsThatCanEnd(graph: FlowGraph, references: References): Uint8Array {
  const { steps, flags, index } = graph;
  const n = steps.length;
  const canEnd = new Uint8Array(n);
  // A step whose step targets are missing is reported by unknown-target, and a step with no way
  // on by dead-end: neither is a loop, nor are the steps that lead to them.
  for (const r of references.unknown) {
    const owner = r.kind === 'step' && r.owner !== undefined ? index.get(r.owner) : undefined;
    if (owner !== undefined) canEnd[owner] = 1;
  }
  const queue = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (canEnd[i] || flags[i] & (ENDS | STUCK)) {
      canEnd[i] = 1;
      queue[count++] = i;
    }
  }
  if (count > 0 && count < n) markBackwards(graph, canEnd, queue, count);
  return canEnd;
}

/** Marks every step that leads to a marked one, from the marked steps queue[0 … count - 1]. */
function markBackwards({ first, next }: FlowGraph, marked: Uint8Array, queue: Int32Array, count: number): void {
  const n = marked.length;
  // The predecessors of step i are pred[predFirst[i]] … pred[predFirst[i + 1] - 1].
  const predFirst = new Int32Array(n + 1);
  for (let e = 0; e < next.length; e++) predFirst[next[e] + 1]++;
  for (let i = 0; i < n; i++) predFirst[i + 1] += predFirst[i];
  const pred = new Int32Array(next.length);
  const fill = predFirst.slice(0, n);
  for (let i = 0; i < n; i++) for (let e = first[i]; e < first[i + 1]; e++) pred[fill[next[e]]++] = i;
  for (let q = 0; q < count; q++) {
    for (let e = predFirst[queue[q]], end = predFirst[queue[q] + 1]; e < end; e++) {
      const p = pred[e];
      if (!marked[p]) {
        marked[p] = 1;
        queue[count++] = p;
      }
    }
  }
}
