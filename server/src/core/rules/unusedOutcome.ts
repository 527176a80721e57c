import type { Rule } from './rule';

/** An outcome nothing leads to is usually a leftover or a typo in a reference. */
export const unusedOutcome: Rule = {
  id: 'unused-outcome',
  defaultSeverity: 'info',
  summary: 'An outcome is declared but no step, branch, transfer or objection ends in it.',
  check({ model }) {
    const used = new Set(model.refs.filter((r) => r.kind === 'outcome').map((r) => r.id));
    return [...model.outcomes.values()]
      .filter((o) => !used.has(o.id))
      .map((o) => ({ message: `Outcome "${o.id}" is declared but no call ends in it.`, ...o.key, data: { id: o.id } }));
  },
};
