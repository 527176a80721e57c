import type { RawFinding } from '../findings';
import type { Rule } from './rule';

/** Up to this many branches, a step's labels are compared pairwise; more are looked up in a map. */
const PAIRWISE = 16;

/** Two branches with the same `when` leave the agent unable to choose. */
export const duplicateBranch: Rule = {
  id: 'duplicate-branch',
  defaultSeverity: 'error',
  summary: 'Two branches of one step have the same `when` label.',
  check({ graph }) {
    const findings: RawFinding[] = [];
    const labels: string[] = [];
    for (const step of graph.steps) {
      for (const exit of step.exits) {
        if (exit.kind !== 'branches' || exit.branches.length < 2) continue;
        const { branches } = exit;
        // label → index of its first branch
        const firsts = branches.length > PAIRWISE ? new Map<string, number>() : undefined;
        labels.length = 0;
        for (let j = 0; j < branches.length; j++) {
          const b = branches[j];
          const label = normalize(b.when);
          labels.push(label);
          if (!label) continue;
          let first: number | undefined;
          if (firsts) {
            first = firsts.get(label);
            if (first === undefined) firsts.set(label, b.index);
          } else {
            for (let i = 0; i < j && first === undefined; i++) if (labels[i] === label) first = branches[i].index;
          }
          if (first !== undefined) findings.push({ message: `Step "${step.id}" already has a branch "${b.when}" (branch ${first + 1}).`, ...b.whenSpan });
        }
      }
    }
    return findings;
  },
};

/** A label as compared: trimmed, in lower case. */
function normalize(when: string): string {
  const label = when.trim();
  // toLowerCase is slow on two-byte strings (the parser's, in a file with any non-Latin-1 text), and most labels are lower-case ASCII already.
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90)) return label.toLowerCase();
  }
  return label;
}
