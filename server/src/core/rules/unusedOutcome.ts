import type { RawFinding } from '../findings';
import type { Rule } from './rule';

/** An outcome nothing leads to is usually a leftover or a typo in a reference. */
export const unusedOutcome: Rule = {
  id: 'unused-outcome',
  defaultSeverity: 'info',
  summary: 'An outcome is declared but no step, branch, transfer or objection ends in it.',
  check({ model, references }) {
    const findings: RawFinding[] = [];
    if (model.outcomes.size === 0) return findings;
    const { usedOutcomes } = references();
    for (const o of model.outcomes.values()) {
      if (!usedOutcomes.has(o)) findings.push({ message: `Outcome "${o.id}" is declared but no call ends in it.`, ...o.key, data: { id: o.id } });
    }
    return findings;
  },
};
