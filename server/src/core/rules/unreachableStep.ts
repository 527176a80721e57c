import type { Rule } from './rule';

/** A step that no path from `start` reaches is dead text: agents will never read it. */
export const unreachableStep: Rule = {
  id: 'unreachable-step',
  defaultSeverity: 'warning',
  summary: 'A step cannot be reached from the start step.',
  check({ model, reachable }) {
    if (!model.start || !model.steps.has(model.start.id)) return [];
    const reached = reachable();
    return [...model.steps.values()]
      .filter((s) => !reached.has(s.id))
      .map((s) => ({ message: `Step "${s.id}" cannot be reached from the start step "${model.start?.id}".`, ...s.key, data: { id: s.id } }));
  },
};
