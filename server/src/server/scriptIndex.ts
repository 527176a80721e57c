import { groupBy, type Analysis, type Ref, type RefKind, type ScriptModel, type Span, type Step } from '../core';

/** A step, objection, outcome or variable where it is declared. */
export interface Declaration {
  kind: RefKind;
  id: string;
  key: Span;
  span: Span;
}

/** Lookup structures over one analysis, built once on first use so requests do not scan the script. */
export class ScriptIndex {
  /** every reference, by position */
  readonly refs: Ref[];
  /** every declaration, by the position of its key */
  readonly declarations: Declaration[];
  /** steps by position */
  readonly steps: Step[];
  private byTarget: Map<string, Ref[]> | undefined;

  constructor(readonly model: ScriptModel) {
    // Built after every analysis, so kept lean: the lists come nearly sorted, and are sorted only where they are not.
    this.refs = sortedBy([...model.refs], (r) => r.start);
    const declarations: Declaration[] = [];
    const add = (kind: RefKind, items: Iterable<{ id?: string; name?: string; key: Span; span: Span }>): void => {
      for (const item of items) declarations.push({ kind, id: item.id ?? item.name ?? '', key: item.key, span: item.span });
    };
    add('step', model.steps.values());
    add('objection', model.objections.values());
    add('outcome', model.outcomes.values());
    add('variable', model.variables.values());
    this.declarations = sortedBy(declarations, (d) => d.key.start);
    this.steps = sortedBy([...model.steps.values()], (s) => s.key.start);
  }

  /** references by `kind:id` (see targetKey), built when first asked for: only references and completion need it */
  get refsTo(): ReadonlyMap<string, Ref[]> {
    this.byTarget ??= groupBy(this.refs, (ref) => targetKey(ref.kind, ref.id));
    return this.byTarget;
  }
}

const cache = new WeakMap<Analysis, ScriptIndex>();

export function scriptIndex(analysis: Analysis): ScriptIndex | undefined {
  const model = analysis.model;
  if (!model) return undefined;
  let index = cache.get(analysis);
  if (!index) {
    index = new ScriptIndex(model);
    cache.set(analysis, index);
  }
  return index;
}

/** Sorts `items` by a number in place, unless they already are in order. */
function sortedBy<T>(items: T[], at: (item: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    if (at(items[i - 1]) > at(items[i])) return items.sort((a, b) => at(a) - at(b));
  }
  return items;
}

export function targetKey(kind: RefKind, id: string): string {
  return `${kind}:${id}`;
}

/** The reference under `offset` (its end included, for a cursor just after a word). */
export function refAt(index: ScriptIndex, offset: number): Ref | undefined {
  return around(index.refs, offset, (r) => r);
}

/** The declaration whose key is under `offset`. */
export function declarationAt(index: ScriptIndex, offset: number): Declaration | undefined {
  return around(index.declarations, offset, (d) => d.key);
}

/** The declaration of what a reference names, if declared. */
export function declarationOf(model: ScriptModel, kind: RefKind, id: string): Declaration | undefined {
  const item = kind === 'step' ? model.steps.get(id) : kind === 'objection' ? model.objections.get(id) : kind === 'outcome' ? model.outcomes.get(id) : model.variables.get(id);
  return item ? { kind, id, key: item.key, span: item.span } : undefined;
}

/** Binary search for the last item starting at or before `offset` whose span holds it. */
function around<T>(items: readonly T[], offset: number, span: (item: T) => Span): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (span(items[mid]).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // Spans may nest (a placeholder inside a longer one): look back a little for one that holds it.
  for (let i = found; i >= 0 && i > found - 4; i--) {
    const s = span(items[i]);
    if (s.start <= offset && offset <= s.end) return items[i];
  }
  return undefined;
}

/** The steps that may overlap `[start, end]` (the one begun before `start` included), by binary search. */
export function stepsIn(index: ScriptIndex, start: number, end: number): Step[] {
  let lo = 0;
  let hi = index.steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.steps[mid].key.start <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Step[] = [];
  for (let i = Math.max(0, lo - 1); i < index.steps.length && index.steps[i].key.start <= end; i++) out.push(index.steps[i]);
  return out;
}
