import type { RawFinding } from '../findings';
import type { Rule } from './rule';

/** An objection that no step expects is never offered to the agent at the right moment. */
export const unusedObjection: Rule = {
  id: 'unused-objection',
  defaultSeverity: 'warning',
  summary: 'An objection is declared but no step lists it under `objections`.',
  check({ model, references }) {
    const findings: RawFinding[] = [];
    if (model.objections.size === 0) return findings;
    // Steps' `objections` lists are the only references to objections.
    const { usedObjections } = references();
    for (const o of model.objections.values()) {
      if (!usedObjections.has(o)) findings.push({ message: `Objection "${o.id}" is declared but no step expects it (list it under a step's \`objections\`).`, ...o.key, data: { id: o.id } });
    }
    return findings;
  },
};
