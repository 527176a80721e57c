import type { Rule } from './rule';

/** An objection that no step expects is never offered to the agent at the right moment. */
export const unusedObjection: Rule = {
  id: 'unused-objection',
  defaultSeverity: 'warning',
  summary: 'An objection is declared but no step lists it under `objections`.',
  check({ model }) {
    const expected = new Set([...model.steps.values()].flatMap((s) => s.objections.map((o) => o.id)));
    return [...model.objections.values()]
      .filter((o) => !expected.has(o.id))
      .map((o) => ({ message: `Objection "${o.id}" is declared but no step expects it (list it under a step's \`objections\`).`, ...o.key, data: { id: o.id } }));
  },
};
