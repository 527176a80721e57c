import type { RawFinding } from '../findings';
import type { Variable } from '../model/types';
import type { Rule } from './rule';
import { unusedFindings } from './references';

/** `{name}` in a text, or `capture: name`, must refer to a declared variable. */
export const undeclaredVariable: Rule = {
  id: 'undeclared-variable',
  defaultSeverity: 'error',
  summary: 'A `{variable}` is used in a text, or captured, but not declared under `variables`.',
  check({ references }) {
    const findings: RawFinding[] = [];
    for (const ref of references().unknown) {
      if (ref.kind !== 'variable') continue;
      findings.push({
        message: `Variable "${ref.id}" is not declared under \`variables\` (${ref.role === 'capture' ? 'captured' : 'used'} in "${ref.owner}").`,
        start: ref.start,
        end: ref.end,
        data: { kind: 'variable', id: ref.id },
      });
    }
    return findings;
  },
};

/** A declared variable that no text uses and no step captures is noise for the next author. */
export const unusedVariable: Rule = {
  id: 'unused-variable',
  defaultSeverity: 'warning',
  summary: 'A variable is declared but never used in a text nor captured.',
  check({ model, references }) {
    if (model.variables.size === 0) return [];
    return unusedFindings(model.variables.values(), references().usedVariables, (v) => ({ id: v.name, message: `Variable "${v.name}" is declared but never used in a text nor captured.` }));
  },
};

/** A required value must come from somewhere: a source before the call, or a step that captures it. */
export const uncapturedVariable: Rule = {
  id: 'uncaptured-variable',
  defaultSeverity: 'warning',
  summary: 'A required variable has no `source` and no step captures it.',
  check({ model, graph }) {
    const findings: RawFinding[] = [];
    const unfilled: Variable[] = [];
    for (const v of model.variables.values()) if (v.required && !v.source) unfilled.push(v);
    if (unfilled.length === 0) return findings;
    const captured = new Set<string>();
    for (const s of graph.steps) if (s.capture) captured.add(s.capture.id);
    for (const v of unfilled) {
      if (captured.has(v.name)) continue;
      findings.push({
        message: `Required variable "${v.name}" is never filled: give it a \`source\` (crm, dialer, agent) or capture it in a step.`,
        ...v.key,
        data: { id: v.name },
      });
    }
    return findings;
  },
};
