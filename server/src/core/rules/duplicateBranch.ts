import type { RawFinding } from '../findings';
import type { Rule } from './rule';

/** Two branches with the same `when` leave the agent unable to choose. */
export const duplicateBranch: Rule = {
  id: 'duplicate-branch',
  defaultSeverity: 'error',
  summary: 'Two branches of one step have the same `when` label.',
  check({ model }) {
    const findings: RawFinding[] = [];
    for (const step of model.steps.values()) {
      for (const exit of step.exits) {
        if (exit.kind !== 'branches') continue;
        const seen = new Map<string, number>();
        for (const b of exit.branches) {
          const label = b.when.trim().toLowerCase();
          if (!label) continue;
          const first = seen.get(label);
          if (first === undefined) seen.set(label, b.index);
          else findings.push({ message: `Step "${step.id}" already has a branch "${b.when}" (branch ${first + 1}).`, ...b.whenSpan });
        }
      }
    }
    return findings;
  },
};
