import type { Rule } from './rule';
import { unusedFindings } from './references';

/** An objection that no step expects is never offered to the agent at the right moment. */
export const unusedObjection: Rule = {
  id: 'unused-objection',
  defaultSeverity: 'warning',
  summary: 'An objection is declared but no step lists it under `objections`.',
  check({ model, references }) {
    if (model.objections.size === 0) return [];
    // Steps' `objections` lists are the only references to objections.
    return unusedFindings(model.objections.values(), references().usedObjections, (o) => ({
      id: o.id,
      message: `Objection "${o.id}" is declared but no step expects it (list it under a step's \`objections\`).`,
    }));
  },
};
