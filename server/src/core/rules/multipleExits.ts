import type { RawFinding } from '../findings';
import type { Rule } from './rule';

/** A step with two ways on is ambiguous: the agent cannot tell which to follow. */
export const multipleExits: Rule = {
  id: 'multiple-exits',
  defaultSeverity: 'error',
  summary: 'A step has more than one way on (e.g. both next and branches); keep exactly one.',
  check({ graph }) {
    const findings: RawFinding[] = [];
    for (const s of graph.steps) {
      if (s.exits.length < 2) continue;
      const [first, ...rest] = s.exits;
      findings.push({
        message: `Step "${s.id}" has ${s.exits.length} ways on (${s.exits.map((e) => e.kind).join(', ')}); keep exactly one.`,
        start: rest[0].keySpan.start,
        end: rest[rest.length - 1].keySpan.end,
        data: { id: s.id, kept: first.kind },
      });
    }
    return findings;
  },
};
