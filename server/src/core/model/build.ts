import { deref, lookup, type YMap, type YNode, type YScalar } from '../yaml/nodes';
import type { Branch, Exit, Objection, Outcome, Ref, RefKind, ScriptModel, Span, Step, Text, TextPart, Variable } from './types';
import { parseDuration } from '../text/duration';

/**
 * Builds the script model from the syntax tree. Tolerant by design: whatever has the wrong shape
 * (the schema reports it) is skipped, so rules can still run on the rest of a half-written script.
 *
 * It runs on every analysis of every keystroke, over every step: each node is visited once, and
 * nothing is allocated that the model does not keep.
 */
export function buildModel(root: YNode, src: string): ScriptModel {
  const top = asMap(root);
  const model: ScriptModel = {
    id: scalar(top, 'id'),
    kind: scalar(top, 'kind'),
    direction: scalar(top, 'direction'),
    channel: scalar(top, 'channel') ?? 'phone',
    languages: [],
    languagesSpan: undefined,
    budget: undefined,
    compliance: [],
    start: undefined,
    steps: new Map(),
    objections: new Map(),
    outcomes: new Map(),
    variables: new Map(),
    refs: [],
    texts: [],
    sections: {},
  };
  const b = new ModelBuilder(model, src);

  b.text(value(top, 'title'), 'script', 'title');
  b.text(value(top, 'description'), 'script', 'description');
  const langsNode = value(top, 'languages');
  const langs = asSeq(langsNode);
  if (langsNode && langs) {
    model.languagesSpan = span(langsNode);
    for (const item of langs) {
      const s = asScalar(item);
      if (s) model.languages.push(s.text);
    }
  }
  const budget = asScalar(value(top, 'talk-time-budget'));
  const seconds = budget ? parseDuration(budget.text) : undefined;
  if (budget && seconds !== undefined) model.budget = { start: budget.start, end: budget.end, seconds };
  model.compliance = ids(value(asMap(value(top, 'compliance')), 'require'));
  model.start = b.ref(value(top, 'start'), 'step', 'start', undefined);

  forEachEntry(top, 'variables', model, model.variables, (name, key, node) => {
    const v = asMap(node);
    const variable: Variable = {
      name,
      key: span(key),
      span: span(node),
      required: scalar(v, 'required') === 'true',
      source: scalar(v, 'source'),
      description: scalar(v, 'description'),
    };
    model.variables.set(name, variable);
  });

  forEachEntry(top, 'outcomes', model, model.outcomes, (id, key, node) => {
    const o = asMap(node);
    const outcome: Outcome = { id, key: span(key), span: span(node), success: /^(true|True|TRUE)$/.test(scalar(o, 'success') ?? '') };
    const label = b.text(value(o, 'label'), id, 'label');
    if (label) outcome.label = label;
    model.outcomes.set(id, outcome);
  });

  forEachEntry(top, 'objections', model, model.objections, (id, key, node) => {
    const o = asMap(node);
    const objection: Objection = { id, key: span(key), span: span(node) };
    const label = b.text(value(o, 'label'), id, 'label');
    if (label) objection.label = label;
    const reply = b.text(value(o, 'reply'), id, 'reply');
    if (reply) objection.reply = reply;
    const technique = scalar(o, 'technique');
    if (technique) objection.technique = technique;
    const resumeNode = value(o, 'resume');
    if (asScalar(resumeNode)?.text !== 'return') {
      const r = b.ref(resumeNode, 'step', 'resume', id);
      if (r) objection.resume = r;
    }
    const outcome = b.ref(value(o, 'outcome'), 'outcome', 'outcome', id);
    if (outcome) objection.outcome = outcome;
    model.objections.set(id, objection);
  });

  forEachEntry(top, 'steps', model, model.steps, (id, key, node) => model.steps.set(id, b.step(id, key, node)));
  return model;
}

/**
 * Reads one step as buildModel would, with the references and texts found in it (in the order
 * buildModel records them): for a model brought up to date after an edit inside that step.
 */
export function buildStep(id: string, key: YScalar, node: YNode, src: string): { step: Step; refs: Ref[]; texts: ScriptModel['texts'] } {
  const part: Pick<ScriptModel, 'refs' | 'texts'> = { refs: [], texts: [] };
  const step = new ModelBuilder(part, src).step(id, key, node);
  return { step, refs: part.refs, texts: part.texts };
}

/** Collects the references and texts of one model while its parts are read. */
class ModelBuilder {
  constructor(
    private readonly model: Pick<ScriptModel, 'refs' | 'texts'>,
    private readonly src: string,
  ) {}

  ref(node: YNode | undefined, kind: RefKind, role: string, owner: string | undefined): Ref | undefined {
    const s = asScalar(node);
    if (!s || s.text === '') return undefined;
    const r: Ref = owner === undefined ? { kind, id: s.text, role, start: s.start, end: s.end } : { kind, id: s.text, role, start: s.start, end: s.end, owner };
    this.model.refs.push(r);
    return r;
  }

  /** A text field, recorded with its owner; its `{placeholders}` become variable references. */
  text(node: YNode | undefined, owner: string, field: string): Text | undefined {
    const t = readText(node);
    if (!t) return undefined;
    this.model.texts.push({ owner, field, text: t });
    for (const part of t.parts) this.placeholders(part, owner);
    return t;
  }

  /** `{name}` placeholders of a text part, found in the source (escapes in quoted strings may shift them). */
  private placeholders(part: TextPart, owner: string): void {
    const text = part.text;
    let from = part.start;
    for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
      const close = placeholderEnd(text, open);
      if (close < 0) continue;
      const written = text.slice(open, close + 1);
      // Searched within the part only: a placeholder written with escapes is not in the source as such.
      const within = this.src.slice(from, part.end).indexOf(written);
      const at = within < 0 ? -1 : from + within;
      const found = at >= 0;
      const start = found ? at : part.start;
      if (found) from = at + written.length;
      this.model.refs.push({ kind: 'variable', id: text.slice(open + 1, close), role: written, start: start + 1, end: start + written.length - 1, owner });
    }
  }

  step(id: string, key: YScalar, node: YNode): Step {
    const step: Step = { id, key: span(key), span: span(node), satisfies: [], tags: [], objections: [], exits: [] };
    const s = asMap(node);
    if (!s) return step;
    // One pass finds the fields (the first of a repeated key counts); they are read below in a fixed order.
    let say: YNode | undefined, ask: YNode | undefined, note: YNode | undefined, capture: YNode | undefined;
    let satisfies: YNode | undefined, tags: YNode | undefined, objections: YNode | undefined;
    let seen = 0;
    const exits: { name: string; key: YNode; value: YNode }[] = [];
    for (const entry of s.entries) {
      const k = asScalar(entry.key);
      const bit = k && FIELD_BITS[k.text];
      if (bit === undefined) continue;
      if (bit === EXIT) {
        exits.push({ name: k!.text, key: entry.key, value: entry.value });
        continue;
      }
      // A field is looked up as written (an alias as key names no field); an exit by what its key says.
      if (seen & bit || entry.key.kind !== 'scalar') continue;
      seen |= bit;
      if (bit === 1) say = entry.value;
      else if (bit === 2) ask = entry.value;
      else if (bit === 4) note = entry.value;
      else if (bit === 8) capture = entry.value;
      else if (bit === 16) satisfies = entry.value;
      else if (bit === 32) tags = entry.value;
      else objections = entry.value;
    }
    step.satisfies = ids(satisfies);
    step.tags = ids(tags);
    const sayText = this.text(say, id, 'say');
    if (sayText) step.say = sayText;
    const askText = this.text(ask, id, 'ask');
    if (askText) step.ask = askText;
    const noteText = this.text(note, id, 'note');
    if (noteText) step.note = noteText;
    const c = this.ref(capture, 'variable', 'capture', id);
    if (c) step.capture = c;
    for (const item of asSeq(objections) ?? []) {
      const r = this.ref(item, 'objection', 'expected objection', id);
      if (r) step.objections.push(r);
    }
    for (const e of exits) {
      const exit = this.exit(e.name, e.key, e.value, id);
      if (exit) step.exits.push(exit);
      // A handover's reason is read by the receiving team; its placeholders count as uses.
      if (exit?.kind === 'transfer' || exit?.kind === 'escalate') this.text(value(asMap(e.value), 'reason'), id, 'reason');
    }
    step.objections = fit(step.objections);
    step.exits = fit(step.exits);
    return step;
  }

  private exit(name: string, key: YNode, node: YNode, owner: string): Exit | undefined {
    const keySpan = span(key);
    switch (name) {
      case 'next': {
        const target = this.ref(node, 'step', 'next', owner);
        return target && { kind: 'next', target, keySpan };
      }
      case 'outcome': {
        const target = this.ref(node, 'outcome', 'outcome', owner);
        return target && { kind: 'outcome', target, keySpan };
      }
      case 'transfer':
      case 'escalate': {
        const h = asMap(node);
        return { kind: name, to: scalar(h, 'to') ?? '', outcome: this.ref(value(h, 'outcome'), 'outcome', `${name} outcome`, owner), keySpan };
      }
      default: {
        const branches: Branch[] = [];
        const items = asSeq(node) ?? [];
        for (let index = 0; index < items.length; index++) {
          const b = asMap(items[index]);
          if (!b) continue;
          const when = asScalar(value(b, 'when'));
          const role = `branch ${index + 1}`;
          const target = this.ref(value(b, 'next'), 'step', role, owner) ?? this.ref(value(b, 'outcome'), 'outcome', role, owner);
          branches.push({ index, when: when?.text ?? '', whenSpan: span(when ?? b), target, start: b.start, end: b.end });
        }
        return { kind: 'branches', branches: fit(branches), keySpan };
      }
    }
  }
}

/** The step fields read once each (bit flags), and the exits (each occurrence counts). */
const EXIT = 0;
const FIELD_BITS: Record<string, number | undefined> = Object.assign(Object.create(null) as Record<string, number>, {
  say: 1,
  ask: 2,
  note: 4,
  capture: 8,
  satisfies: 16,
  tags: 32,
  objections: 64,
  next: EXIT,
  outcome: EXIT,
  transfer: EXIT,
  escalate: EXIT,
  branches: EXIT,
});

/** Index of the `}` closing a `{name}` placeholder opened at `open` (name: a lowercase letter, then [a-z0-9_]), or -1. */
function placeholderEnd(text: string, open: number): number {
  let i = open + 1;
  const first = text.charCodeAt(i);
  if (first < 97 || first > 122) return -1;
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 125) return i;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) return -1;
  }
  return -1;
}

/** Calls `fn` for each entry of a section map, skipping a repeated key (the parser reports it; the first defines the id). */
function forEachEntry(top: YMap | undefined, section: 'steps' | 'objections' | 'outcomes' | 'variables', model: ScriptModel, done: ReadonlyMap<string, unknown>, fn: (id: string, key: YScalar, value: YNode) => void): void {
  const node = value(top, section);
  if (node) model.sections[section] = span(node);
  const map = asMap(node);
  if (!map) return;
  for (const entry of map.entries) {
    const k = entry.key;
    if (k.kind === 'scalar' && !done.has(k.text)) fn(k.text, k, entry.value);
  }
}

/** A text field: a string, or a map from language to string. */
export function readText(node: YNode | undefined): Text | undefined {
  const n = deref(node);
  if (!n) return undefined;
  if (n.kind === 'scalar') return { start: n.start, end: n.end, perLanguage: false, parts: [{ lang: undefined, text: n.text, start: n.start, end: n.end }] };
  if (n.kind !== 'map') return undefined;
  const parts: TextPart[] = [];
  for (const { key, value: v } of n.entries) {
    const k = asScalar(key);
    const s = asScalar(v);
    if (k && s) parts.push({ lang: k.text, text: s.text, start: s.start, end: s.end });
  }
  return { start: n.start, end: n.end, perLanguage: true, parts: fit(parts) };
}

function ids(node: YNode | undefined): (Span & { id: string })[] {
  const out: (Span & { id: string })[] = [];
  for (const item of asSeq(node) ?? []) {
    const s = asScalar(item);
    if (s) out.push({ id: s.text, start: s.start, end: s.end });
  }
  return fit(out);
}

/** The one empty list that every empty list of a model is (frozen: nothing may add to it). */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/**
 * A copy that holds just the list's items, or the shared empty list: one grown by push keeps room
 * for 16 more, and a large script's model has tens of thousands of short lists, most of them empty.
 */
function fit<T>(items: T[]): T[] {
  return items.length === 0 ? EMPTY : items.slice();
}

/** The value node of `key` in a mapping. */
function value(map: YMap | undefined, key: string): YNode | undefined {
  return map ? lookup(map, key)?.value : undefined;
}

function scalar(map: YMap | undefined, key: string): string | undefined {
  return asScalar(value(map, key))?.text;
}

export function asMap(node: YNode | undefined): YMap | undefined {
  const n = deref(node);
  return n?.kind === 'map' ? n : undefined;
}

export function asSeq(node: YNode | undefined): YNode[] | undefined {
  const n = deref(node);
  return n?.kind === 'seq' ? n.items : undefined;
}

export function asScalar(node: YNode | undefined): YScalar | undefined {
  const n = deref(node);
  return n?.kind === 'scalar' ? n : undefined;
}

/** The range of a node as written at this place (an alias's own range, not its anchor's). */
export function span(node: Span): Span {
  return { start: node.start, end: node.end };
}
