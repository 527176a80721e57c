import { pathTo, walkFromStart } from '../model/flow';
import type { RawFinding } from '../findings';
import type { Rule } from './rule';

/**
 * For each item of `compliance.require`: walk from the start without passing any step that
 * satisfies it. If a successful end is still reachable, some sale (or resolution) skips the item.
 */
export const compliancePath: Rule = {
  id: 'compliance-path',
  defaultSeverity: 'error',
  summary: 'A required compliance item (compliance.require) is not passed on some path to a successful outcome.',
  check({ model, flow }) {
    const findings: RawFinding[] = [];
    for (const item of model.compliance) {
      const reached = walkFromStart(model, flow, (s) => s.satisfies.some((x) => x.id === item.id));
      const leak = [...reached.keys()].find((id) => {
        const step = model.steps.get(id);
        return step && !step.satisfies.some((x) => x.id === item.id) && flow.get(id)?.ends.some((e) => e.success);
      });
      if (!leak) continue;
      const end = flow.get(leak)?.ends.find((e) => e.success);
      const path = pathTo(reached, leak).join(' → ') + (end?.outcome ? ` → outcome "${end.outcome}"` : '');
      findings.push({ message: `A call can reach a successful outcome without "${item.id}": ${path}.`, start: item.start, end: item.end, data: { id: item.id } });
    }
    return findings;
  },
};
