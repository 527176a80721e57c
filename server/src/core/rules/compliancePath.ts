import { pathTo, successors, SUCCEEDS, walk } from '../model/flow';
import type { RawFinding } from '../findings';
import type { Step } from '../model/types';
import type { Rule } from './rule';

/**
 * For each item of `compliance.require`: walk from the start without passing any step that
 * satisfies it. If a successful end is still reachable, some sale (or resolution) skips the item.
 */
export const compliancePath: Rule = {
  id: 'compliance-path',
  defaultSeverity: 'error',
  summary: 'A required compliance item (compliance.require) is not passed on some path to a successful outcome.',
  check({ model, graph }) {
    const findings: RawFinding[] = [];
    for (const item of model.compliance) {
      const passes = (s: Step): boolean => s.satisfies.some((x) => x.id === item.id);
      const reached = walk(graph, passes);
      let leak = -1;
      for (let k = 0; k < reached.count && leak < 0; k++) {
        const i = reached.order[k];
        if (graph.flags[i] & SUCCEEDS && !passes(graph.steps[i])) leak = i;
      }
      if (leak < 0) continue;
      const end = successors(model, graph.steps[leak]).ends.find((e) => e.success);
      const path = pathTo(graph, reached, leak).join(' → ') + (end?.outcome ? ` → outcome "${end.outcome}"` : '');
      findings.push({ message: `A call can reach a successful outcome without "${item.id}": ${path}.`, start: item.start, end: item.end, data: { id: item.id } });
    }
    return findings;
  },
};
