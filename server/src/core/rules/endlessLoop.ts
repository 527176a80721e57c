import type { FlowIndex } from '../model/flow';
import type { ScriptModel } from '../model/types';
import type { Rule } from './rule';

/**
 * Steps from which the call can never end: every way on leads back into the same steps. Reported
 * once per group of such steps, at the first of them in the file. Dead ends are left to `dead-end`.
 */
export const endlessLoop: Rule = {
  id: 'endless-loop',
  defaultSeverity: 'error',
  summary: 'Steps loop with no way out to any outcome, transfer or escalation.',
  check({ model, flow, reachable }) {
    const canEnd = stepsThatCanEnd(model, flow);
    const reached = reachable();
    const trapped = [...model.steps.values()].filter((s) => reached.has(s.id) && !canEnd.has(s.id) && s.exits.length > 0);
    const seen = new Set<string>();
    const findings = [];
    for (const step of trapped) {
      if (seen.has(step.id)) continue;
      // The group: trapped steps reachable from this one.
      const group = [step.id];
      seen.add(step.id);
      for (let i = 0; i < group.length; i++) {
        for (const next of flow.get(group[i])?.steps ?? []) {
          if (!seen.has(next) && !canEnd.has(next)) {
            seen.add(next);
            group.push(next);
          }
        }
      }
      const names = group.slice(0, 5).map((id) => `"${id}"`).join(', ') + (group.length > 5 ? `, … (${group.length} steps)` : '');
      findings.push({ message: `The call can never end from step "${step.id}": ${names} only lead to each other, never to an outcome.`, ...step.key, data: { id: step.id } });
    }
    return findings;
  },
};

/** Steps with some path to an end of the call, found by walking the flow backwards from the ends. */
function stepsThatCanEnd(model: ScriptModel, flow: FlowIndex): Set<string> {
  const preds = new Map<string, string[]>();
  const canEnd = new Set<string>();
  const queue: string[] = [];
  // A step whose step targets are missing is reported by unknown-target, and a step with no way
  // on by dead-end: neither is a loop, nor are the steps that lead to them.
  const broken = new Set(model.refs.filter((r) => r.kind === 'step' && r.owner !== undefined && !model.steps.has(r.id)).map((r) => r.owner));
  for (const step of model.steps.values()) {
    const targetless = step.exits.some((e) => e.kind === 'branches' && e.branches.some((b) => !b.target));
    if (step.exits.length === 0 || targetless) broken.add(step.id);
  }
  for (const [id, succ] of flow) {
    for (const next of succ.steps) {
      let list = preds.get(next);
      if (!list) preds.set(next, (list = []));
      list.push(id);
    }
    if (succ.ends.length > 0 || broken.has(id)) {
      canEnd.add(id);
      queue.push(id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const p of preds.get(queue[i]) ?? []) {
      if (!canEnd.has(p)) {
        canEnd.add(p);
        queue.push(p);
      }
    }
  }
  return canEnd;
}
