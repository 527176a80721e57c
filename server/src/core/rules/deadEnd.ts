import type { RawFinding } from '../findings';
import { STUCK } from '../model/flow';
import type { Rule } from './rule';

/** Every step, and every answer a step branches on, needs a way on, or the agent is left with nothing to say next. */
export const deadEnd: Rule = {
  id: 'dead-end',
  defaultSeverity: 'error',
  summary: 'A step has no way on (none of next, branches, outcome, transfer or escalate), or a branch has neither next nor outcome.',
  check({ graph }) {
    const findings: RawFinding[] = [];
    for (let i = 0; i < graph.steps.length; i++) {
      if (!(graph.flags[i] & STUCK)) continue;
      const s = graph.steps[i];
      if (s.exits.length === 0) {
        findings.push({ message: `Step "${s.id}" is a dead end: give it a way on (next, branches, outcome, transfer or escalate).`, ...s.key, data: { id: s.id } });
      }
      for (const exit of s.exits) {
        if (exit.kind !== 'branches') continue;
        for (const b of exit.branches) {
          if (b.target) continue;
          const label = b.when ? `"${b.when}"` : `${b.index + 1}`;
          findings.push({ message: `Branch ${label} of step "${s.id}" leads nowhere: give it \`next\` (a step) or \`outcome\`.`, ...b.whenSpan, data: { id: s.id } });
        }
      }
    }
    return findings;
  },
};
