import type { Analysis, Ref, RefKind, ScriptModel, Span, Step } from '../core';

/** A step, objection, outcome or variable where it is declared. */
export interface Declaration {
  kind: RefKind;
  id: string;
  key: Span;
  span: Span;
}

/** Lookup structures over one analysis, built once on first use so requests do not scan the script. */
export interface ScriptIndex {
  model: ScriptModel;
  /** every reference, by position */
  refs: Ref[];
  /** every declaration, by the position of its key */
  declarations: Declaration[];
  /** references by `kind:id` */
  refsTo: Map<string, Ref[]>;
  /** steps by position */
  steps: Step[];
}

const cache = new WeakMap<Analysis, ScriptIndex>();

export function scriptIndex(analysis: Analysis): ScriptIndex | undefined {
  const model = analysis.model;
  if (!model) return undefined;
  let index = cache.get(analysis);
  if (!index) {
    index = build(model);
    cache.set(analysis, index);
  }
  return index;
}

function build(model: ScriptModel): ScriptIndex {
  const refs = [...model.refs].sort((a, b) => a.start - b.start);
  const refsTo = new Map<string, Ref[]>();
  for (const ref of refs) {
    const key = targetKey(ref.kind, ref.id);
    const list = refsTo.get(key);
    if (list) list.push(ref);
    else refsTo.set(key, [ref]);
  }
  const declarations: Declaration[] = [];
  const add = (kind: RefKind, items: Iterable<{ id?: string; name?: string; key: Span; span: Span }>): void => {
    for (const item of items) declarations.push({ kind, id: item.id ?? item.name ?? '', key: item.key, span: item.span });
  };
  add('step', model.steps.values());
  add('objection', model.objections.values());
  add('outcome', model.outcomes.values());
  add('variable', model.variables.values());
  declarations.sort((a, b) => a.key.start - b.key.start);
  const steps = [...model.steps.values()].sort((a, b) => a.key.start - b.key.start);
  return { model, refs, declarations, refsTo, steps };
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
