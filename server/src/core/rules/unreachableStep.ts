import type { RawFinding } from '../findings';
import type { Rule } from './rule';

/** A step that no path from `start` reaches is dead text: agents will never read it. */
export const unreachableStep: Rule = {
  id: 'unreachable-step',
  defaultSeverity: 'warning',
  summary: 'A step cannot be reached from the start step.',
  check({ model, graph, reachable }) {
    if (graph.start < 0) return [];
    const { parent } = reachable();
    const findings: RawFinding[] = [];
    for (let i = 0; i < graph.steps.length; i++) {
      if (parent[i] >= 0) continue;
      const s = graph.steps[i];
      findings.push({ message: `Step "${s.id}" cannot be reached from the start step "${model.start?.id}".`, ...s.key, data: { id: s.id } });
    }
    return findings;
  },
};
