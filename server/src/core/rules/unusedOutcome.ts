import type { Rule } from './rule';
import { unusedFindings } from './references';

/** An outcome nothing leads to is usually a leftover or a typo in a reference. */
export const unusedOutcome: Rule = {
  id: 'unused-outcome',
  defaultSeverity: 'info',
  summary: 'An outcome is declared but no step, branch, transfer or objection ends in it.',
  check({ model, references }) {
    if (model.outcomes.size === 0) return [];
    return unusedFindings(model.outcomes.values(), references().usedOutcomes, (o) => ({ id: o.id, message: `Outcome "${o.id}" is declared but no call ends in it.` }));
  },
};
