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

/** Receives a step's ways on, in order (see visitEdges). */
interface EdgeSink {
  /** a step target, declared or not */
  step(target: Ref): void;
  /** an end of the call, with the outcome named (declared or not), if any */
  end(outcome: Ref | undefined): void;
  /** a branch that names neither a step nor an outcome */
  nowhere(): void;
}

/**
 * The ways on of a step: its exits, then the objections expected at it (an objection that ends the
 * call, or resumes at another step). The one definition of the flow; successors() and flowGraph() read it.
 */
function visitEdges(model: ScriptModel, step: Step, sink: EdgeSink): void {
  for (const exit of step.exits) {
    switch (exit.kind) {
      case 'next':
        sink.step(exit.target);
        break;
      case 'outcome':
        sink.end(exit.target);
        break;
      case 'branches':
        for (const b of exit.branches) {
          if (b.target?.kind === 'outcome') sink.end(b.target);
          else if (b.target) sink.step(b.target);
          else sink.nowhere();
        }
        break;
      default:
        sink.end(exit.outcome);
    }
  }
  for (const o of step.objections) {
    const objection = model.objections.get(o.id);
    if (objection?.outcome) sink.end(objection.outcome);
    else if (objection?.resume) sink.step(objection.resume);
  }
}

/** The steps and ends a step leads to (see visitEdges). Unknown targets are left out. */
export function successors(model: ScriptModel, step: Step): Successors {
  const steps: string[] = [];
  const ends: End[] = [];
  visitEdges(model, step, {
    step: (r) => {
      if (model.steps.has(r.id)) steps.push(r.id);
    },
    end: (r) => {
      const o = r ? model.outcomes.get(r.id) : undefined;
      ends.push({ outcome: o?.id, success: o?.success ?? false });
    },
    nowhere: () => undefined,
  });
  return { steps, ends };
}

/** Successors of every step by id. Analysis.flow; the rules use the FlowGraph. */
export type FlowIndex = Map<string, Successors>;

export function flowIndex(model: ScriptModel): FlowIndex {
  const index: FlowIndex = new Map();
  for (const step of model.steps.values()) index.set(step.id, successors(model, step));
  return index;
}

/** FlowGraph.flags bits: the step can end the call; it can end it in a successful outcome. */
export const ENDS = 1;
export const SUCCEEDS = 2;
/** FlowGraph.flags bit: the step has no way on at all, or a branch that leads nowhere. */
export const STUCK = 4;

/**
 * The flow as integer arrays, built once per analysis for the rules: step number i is steps[i], in
 * the model's (file) order. Step i leads to steps next[first[i]] … next[first[i + 1] - 1], in
 * successors() order (repeats kept, unknown targets left out), and flags[i] holds its ENDS, SUCCEEDS
 * and STUCK bits.
 */
export interface FlowGraph {
  steps: Step[];
  /** step id → number */
  index: Map<string, number>;
  /** the start step's number; -1 when the start names no step */
  start: number;
  first: Int32Array;
  next: Int32Array;
  flags: Uint8Array;
}

export function flowGraph(model: ScriptModel): FlowGraph {
  const steps: Step[] = [];
  const index = new Map<string, number>();
  numberSteps(model, steps, index);
  const builder = new GraphBuilder(model, index, steps.length);
  builder.addSteps(steps);
  builder.first[steps.length] = builder.count;
  const start = model.start ? index.get(model.start.id) : undefined;
  return { steps, index, start: start ?? -1, first: builder.first, next: builder.next.subarray(0, builder.count), flags: builder.flags };
}

// Long loops here end their function: V8 reuses a loop's on-stack-replacement code in later calls,
// and code after the loop that had not run yet when it was compiled would deoptimise every time.

function numberSteps(model: ScriptModel, steps: Step[], index: Map<string, number>): void {
  for (const step of model.steps.values()) {
    index.set(step.id, steps.length);
    steps.push(step);
  }
}

/** Collects the edges of step `from`, resolving step ids to numbers. */
class GraphBuilder implements EdgeSink {
  readonly first: Int32Array;
  readonly flags: Uint8Array;
  next: Int32Array;
  count = 0;
  from = 0;

  constructor(
    private readonly model: ScriptModel,
    private readonly index: Map<string, number>,
    n: number,
  ) {
    this.first = new Int32Array(n + 1);
    this.flags = new Uint8Array(n);
    this.next = new Int32Array(2 * n + 16);
  }

  addSteps(steps: Step[]): void {
    for (let i = 0; i < steps.length; i++) {
      this.first[i] = this.count;
      this.from = i;
      if (steps[i].exits.length === 0) this.flags[i] = STUCK;
      visitEdges(this.model, steps[i], this);
    }
  }

  step(target: Ref): void {
    const to = this.index.get(target.id);
    if (to === undefined) return;
    if (this.count === this.next.length) {
      const grown = new Int32Array(2 * this.count);
      grown.set(this.next);
      this.next = grown;
    }
    this.next[this.count++] = to;
  }

  end(outcome: Ref | undefined): void {
    const success = outcome !== undefined && this.model.outcomes.get(outcome.id)?.success === true;
    this.flags[this.from] |= success ? ENDS | SUCCEEDS : ENDS;
  }

  nowhere(): void {
    this.flags[this.from] |= STUCK;
  }
}

/** A breadth-first walk from the start step: the reached steps in order, and each one's predecessor. */
export interface Walk {
  /** the reached step numbers are order[0] … order[count - 1], the start first */
  order: Int32Array;
  count: number;
  /** each step's predecessor on the walk: the start is its own, -1 means not reached */
  parent: Int32Array;
}

/**
 * Breadth-first walk from the start step. `blocked` steps are entered but not left (used for
 * "is there a path that avoids X").
 */
export function walk(graph: FlowGraph, blocked?: (step: Step) => boolean): Walk {
  const n = graph.steps.length;
  const parent = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const count = graph.start < 0 ? 0 : breadthFirst(graph, order, parent, blocked);
  return { order, count, parent };
}

/** Fills a walk's order and parents from the start step; returns how many steps it reached. */
function breadthFirst(graph: FlowGraph, order: Int32Array, parent: Int32Array, blocked: ((step: Step) => boolean) | undefined): number {
  const { first, next, steps, start } = graph;
  parent[start] = start;
  order[0] = start;
  let count = 1;
  for (let q = 0; q < count; q++) {
    const at = order[q];
    if (blocked?.(steps[at])) continue;
    for (let e = first[at], end = first[at + 1]; e < end; e++) {
      const to = next[e];
      if (parent[to] < 0) {
        parent[to] = at;
        order[count++] = to;
      }
    }
  }
  return count;
}

/** The ids of the steps from the start to step `i` on a walk. */
export function pathTo(graph: FlowGraph, walked: Walk, i: number): string[] {
  const path: string[] = [];
  for (let at = i; ; at = walked.parent[at]) {
    path.push(graph.steps[at].id);
    if (walked.parent[at] === at) break;
  }
  return path.reverse();
}
