import type { RawFinding } from '../findings';
import type { Objection, Outcome, Ref, ScriptModel, Span, Variable } from '../model/types';

/** Every reference of the script looked up once per analysis, for the rules about references. */
export interface References {
  /** the references that name nothing declared, in model.refs order */
  unknown: Ref[];
  /** the declared variables, objections (expected at some step) and outcomes that some reference names */
  usedVariables: Set<Variable>;
  usedObjections: Set<Objection>;
  usedOutcomes: Set<Outcome>;
}

export function resolveReferences(model: ScriptModel): References {
  // built before the loop, which ends the function (see model/flow.ts on on-stack replacement)
  const references: References = { unknown: [], usedVariables: new Set<Variable>(), usedObjections: new Set<Objection>(), usedOutcomes: new Set<Outcome>() };
  const { unknown, usedVariables, usedObjections, usedOutcomes } = references;
  for (const ref of model.refs) {
    switch (ref.kind) {
      case 'step':
        if (!model.steps.has(ref.id)) unknown.push(ref);
        break;
      case 'objection': {
        const objection = model.objections.get(ref.id);
        if (objection) usedObjections.add(objection);
        else unknown.push(ref);
        break;
      }
      case 'outcome': {
        const outcome = model.outcomes.get(ref.id);
        if (outcome) usedOutcomes.add(outcome);
        else unknown.push(ref);
        break;
      }
      default: {
        const variable = model.variables.get(ref.id);
        if (variable) usedVariables.add(variable);
        else unknown.push(ref);
      }
    }
  }
  return references;
}

/** A finding at the key of each declared item that no reference names (the unused-… rules). */
export function unusedFindings<T extends { key: Span }>(declared: Iterable<T>, used: ReadonlySet<T>, describe: (item: T) => { id: string; message: string }): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const item of declared) {
    if (used.has(item)) continue;
    const { id, message } = describe(item);
    findings.push({ message, ...item.key, data: { id } });
  }
  return findings;
}
