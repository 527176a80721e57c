import type { RawFinding } from '../findings';
import type { Ref } from '../model/types';
import { didYouMean } from '../text/suggest';
import type { Rule } from './rule';

const NOUN: Record<Ref['kind'], string> = { step: 'step', objection: 'objection', outcome: 'outcome', variable: 'variable' };

/**
 * A suggestion compares the typo with every declared id: past this many comparisons in one
 * script, the rest of the broken references get no did-you-mean (a 10,000-step script with every
 * target misspelt would otherwise take minutes).
 */
const SUGGESTION_BUDGET = 200_000;

/** `next`, `start`, branches, `outcome`, `resume` and expected objections must name something declared. */
export const unknownTarget: Rule = {
  id: 'unknown-target',
  defaultSeverity: 'error',
  summary: 'A reference (start, next, branch, outcome, resume, expected objection) names a step, objection or outcome that does not exist.',
  check({ model, references }) {
    const findings: RawFinding[] = [];
    let budget = SUGGESTION_BUDGET;
    for (const ref of references().unknown) {
      if (ref.kind === 'variable') continue; // reported by undeclared-variable
      const candidates = ref.kind === 'step' ? model.steps : ref.kind === 'objection' ? model.objections : model.outcomes;
      const guesses = budget > 0 ? didYouMean(ref.id, candidates.keys()) : [];
      budget -= candidates.size;
      findings.push({
        message: `No ${NOUN[ref.kind]} "${ref.id}" is declared (${ref.role}${ref.owner ? ` of "${ref.owner}"` : ''}).` + (guesses.length ? ` Did you mean "${guesses[0]}"?` : ''),
        start: ref.start,
        end: ref.end,
        data: { kind: ref.kind, id: ref.id },
        fixes: guesses.map((g, i) => ({ title: `Change to "${g}"`, edits: [{ start: ref.start, end: ref.end, newText: g }], preferred: i === 0 && guesses.length === 1 })),
      });
    }
    return findings;
  },
};
