import type { Ref, ScriptModel, Step } from './types';

/** Where a step can lead: other steps, or the end of the call (an outcome, a transfer, an escalation). */
export interface Successors {
  steps: string[];
  ends: End[];
}

export interface End {
  /** the outcome recorded, if named and declared */
  outcome: string | undefined;
  success: boolean;
}

/**
 * The steps and ends a step leads to, through its exits and through the objections expected at it
 * (an objection that resumes at another step, or ends the call). Unknown targets are left out.
 */
export function successors(model: ScriptModel, step: Step): Successors {
  const steps: string[] = [];
  const ends: End[] = [];
  const toStep = (r: Ref | undefined): void => {
    if (r && model.steps.has(r.id)) steps.push(r.id);
  };
  const toEnd = (r: Ref | undefined): void => {
    const o = r ? model.outcomes.get(r.id) : undefined;
    ends.push({ outcome: o?.id, success: o?.success ?? false });
  };
  for (const exit of step.exits) {
    switch (exit.kind) {
      case 'next':
        toStep(exit.target);
        break;
      case 'outcome':
        toEnd(exit.target);
        break;
      case 'branches':
        for (const b of exit.branches) {
          if (b.target?.kind === 'outcome') toEnd(b.target);
          else toStep(b.target);
        }
        break;
      default:
        toEnd(exit.outcome);
    }
  }
  for (const o of step.objections) {
    const objection = model.objections.get(o.id);
    if (objection?.outcome) toEnd(objection.outcome);
    else if (objection?.resume) toStep(objection.resume);
  }
  return { steps, ends };
}

/** Successors of every step, computed once per analysis. */
export type FlowIndex = Map<string, Successors>;

export function flowIndex(model: ScriptModel): FlowIndex {
  const index: FlowIndex = new Map();
  for (const step of model.steps.values()) index.set(step.id, successors(model, step));
  return index;
}

/**
 * Breadth-first walk from the start step. `blocked` steps are entered but not left (used for
 * "is there a path that avoids X"). Returns each reached step's predecessor, for example paths.
 */
export function walkFromStart(model: ScriptModel, flow: FlowIndex, blocked?: (step: Step) => boolean): Map<string, string | null> {
  const parent = new Map<string, string | null>();
  const start = model.start && model.steps.has(model.start.id) ? model.start.id : undefined;
  if (!start) return parent;
  parent.set(start, null);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    const step = model.steps.get(id);
    if (!step || blocked?.(step)) continue;
    for (const next of flow.get(id)?.steps ?? []) {
      if (!parent.has(next)) {
        parent.set(next, id);
        queue.push(next);
      }
    }
  }
  return parent;
}

/** The path from the start to `id` in a walk's predecessor map. */
export function pathTo(parent: Map<string, string | null>, id: string): string[] {
  const path: string[] = [];
  for (let cur: string | null | undefined = id; cur != null; cur = parent.get(cur)) path.push(cur);
  return path.reverse();
}
