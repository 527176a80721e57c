import { deref, lookup, type YEntry, type YMap, type YNode, type YScalar } from '../yaml/nodes';
import type { Branch, Exit, Objection, Outcome, Ref, RefKind, ScriptModel, Span, Step, Text, TextPart, Variable } from './types';
import { parseDuration } from '../text/duration';

const VARIABLE = /\{([a-z][a-z0-9_]*)\}/g;

/**
 * Builds the script model from the syntax tree. Tolerant by design: whatever has the wrong shape
 * (the schema reports it) is skipped, so rules can still run on the rest of a half-written script.
 */
export function buildModel(root: YNode, src: string): ScriptModel {
  const top = asMap(root);
  const refs: Ref[] = [];
  const texts: ScriptModel['texts'] = [];
  const ref = (node: YNode | undefined, kind: RefKind, role: string, owner?: string): Ref | undefined => {
    const s = asScalar(node);
    if (!s || s.text === '') return undefined;
    const r: Ref = { kind, id: s.text, role, start: s.start, end: s.end, ...(owner !== undefined ? { owner } : {}) };
    refs.push(r);
    return r;
  };
  const text = (node: YNode | undefined, owner: string, field: string): Text | undefined => {
    const t = readText(node);
    if (!t) return undefined;
    texts.push({ owner, field, text: t });
    for (const part of t.parts) {
      if (!part.text.includes('{')) continue;
      let from = part.start;
      for (const m of part.text.matchAll(VARIABLE)) {
        // Find the placeholder in the source (escapes in quoted strings may shift it), after the previous one.
        const at = src.indexOf(m[0], from);
        const start = at >= 0 && at < part.end ? at : part.start;
        if (at >= 0 && at < part.end) from = at + m[0].length;
        refs.push({ kind: 'variable', id: m[1], role: m[0], start: start + 1, end: start + m[0].length - 1, owner });
      }
    }
    return t;
  };

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
    refs,
    texts,
    sections: {},
  };

  text(get(top, 'title')?.value, 'script', 'title');
  text(get(top, 'description')?.value, 'script', 'description');
  const langsNode = get(top, 'languages')?.value;
  const langs = asSeq(langsNode);
  if (langsNode && langs) {
    model.languagesSpan = span(langsNode);
    model.languages = langs.map(asScalar).flatMap((s) => (s ? [s.text] : []));
  }
  const budget = asScalar(get(top, 'talk-time-budget')?.value);
  const seconds = budget ? parseDuration(budget.text) : undefined;
  if (budget && seconds !== undefined) model.budget = { ...span(budget), seconds };
  const compliance = asMap(get(top, 'compliance')?.value);
  model.compliance = ids(get(compliance, 'require')?.value);
  model.start = ref(get(top, 'start')?.value, 'step', 'start');

  forEachEntry(top, 'variables', model, (name, key, value) => {
    const v = asMap(value);
    const variable: Variable = {
      name,
      key: span(key),
      span: span(value),
      required: scalar(v, 'required') === 'true',
      source: scalar(v, 'source'),
      description: scalar(v, 'description'),
    };
    model.variables.set(name, variable);
  });

  forEachEntry(top, 'outcomes', model, (id, key, value) => {
    const o = asMap(value);
    const outcome: Outcome = { id, key: span(key), span: span(value), success: /^(true|True|TRUE)$/.test(scalar(o, 'success') ?? '') };
    const label = text(get(o, 'label')?.value, id, 'label');
    if (label) outcome.label = label;
    model.outcomes.set(id, outcome);
  });

  forEachEntry(top, 'objections', model, (id, key, value) => {
    const o = asMap(value);
    const objection: Objection = { id, key: span(key), span: span(value) };
    const label = text(get(o, 'label')?.value, id, 'label');
    if (label) objection.label = label;
    const reply = text(get(o, 'reply')?.value, id, 'reply');
    if (reply) objection.reply = reply;
    const technique = scalar(o, 'technique');
    if (technique) objection.technique = technique;
    const resume = scalar(o, 'resume');
    if (resume !== undefined && resume !== 'return') {
      const r = ref(get(o, 'resume')?.value, 'step', 'resume', id);
      if (r) objection.resume = r;
    }
    const outcome = ref(get(o, 'outcome')?.value, 'outcome', 'outcome', id);
    if (outcome) objection.outcome = outcome;
    model.objections.set(id, objection);
  });

  forEachEntry(top, 'steps', model, (id, key, value) => {
    const s = asMap(value);
    const step: Step = { id, key: span(key), span: span(value), satisfies: ids(get(s, 'satisfies')?.value), tags: ids(get(s, 'tags')?.value), objections: [], exits: [] };
    for (const field of ['say', 'ask', 'note'] as const) {
      const t = text(get(s, field)?.value, id, field);
      if (t) step[field] = t;
    }
    const capture = ref(get(s, 'capture')?.value, 'variable', 'capture', id);
    if (capture) step.capture = capture;
    for (const item of asSeq(get(s, 'objections')?.value) ?? []) {
      const r = ref(item, 'objection', 'expected objection', id);
      if (r) step.objections.push(r);
    }
    for (const entry of s?.entries ?? []) {
      const name = asScalar(entry.key)?.text;
      const exit = name ? readExit(name, entry.key, entry.value, id, ref) : undefined;
      if (exit) step.exits.push(exit);
      // A handover's reason is read by the receiving team; its placeholders count as uses.
      if (exit?.kind === 'transfer' || exit?.kind === 'escalate') text(get(asMap(entry.value), 'reason')?.value, id, 'reason');
    }
    model.steps.set(id, step);
  });
  return model;
}

type RefMaker = (node: YNode | undefined, kind: RefKind, role: string, owner?: string) => Ref | undefined;

function readExit(name: string, key: YNode, value: YNode, owner: string, ref: RefMaker): Exit | undefined {
  const keySpan = span(key);
  switch (name) {
    case 'next': {
      const target = ref(value, 'step', 'next', owner);
      return target && { kind: 'next', target, keySpan };
    }
    case 'outcome': {
      const target = ref(value, 'outcome', 'outcome', owner);
      return target && { kind: 'outcome', target, keySpan };
    }
    case 'transfer':
    case 'escalate': {
      const h = asMap(value);
      return { kind: name, to: scalar(h, 'to') ?? '', outcome: ref(get(h, 'outcome')?.value, 'outcome', `${name} outcome`, owner), keySpan };
    }
    case 'branches': {
      const branches: Branch[] = [];
      (asSeq(value) ?? []).forEach((item, index) => {
        const b = asMap(item);
        const when = asScalar(get(b, 'when')?.value);
        if (!b) return;
        const role = `branch ${index + 1}`;
        const target = ref(get(b, 'next')?.value, 'step', role, owner) ?? ref(get(b, 'outcome')?.value, 'outcome', role, owner);
        branches.push({ index, when: when?.text ?? '', whenSpan: span(when ?? b), target, ...span(b) });
      });
      return { kind: 'branches', branches, keySpan };
    }
    default:
      return undefined;
  }
}

function forEachEntry(top: YMap | undefined, section: 'steps' | 'objections' | 'outcomes' | 'variables', model: ScriptModel, fn: (id: string, key: YScalar, value: YNode) => void): void {
  const node = get(top, section)?.value;
  const map = asMap(node);
  if (node) model.sections[section] = span(node);
  for (const entry of map?.entries ?? []) {
    const k = asScalar(entry.key);
    // A duplicate key (reported by the parser) is skipped: the first one defines the id.
    if (k && map?.byKey.get(k.text) === entry) fn(k.text, k, entry.value);
  }
}

/** A text field: a string, or a map from language to string. */
export function readText(node: YNode | undefined): Text | undefined {
  const n = deref(node);
  if (!n) return undefined;
  if (n.kind === 'scalar') return { ...span(n), perLanguage: false, parts: [{ lang: undefined, text: n.text, ...span(n) }] };
  if (n.kind !== 'map') return undefined;
  const parts: TextPart[] = [];
  for (const { key, value } of n.entries) {
    const k = asScalar(key);
    const v = asScalar(value);
    if (k && v) parts.push({ lang: k.text, text: v.text, ...span(v) });
  }
  return { ...span(n), perLanguage: true, parts };
}

function ids(node: YNode | undefined): (Span & { id: string })[] {
  return (asSeq(node) ?? []).flatMap((item) => {
    const s = asScalar(item);
    return s ? [{ id: s.text, ...span(s) }] : [];
  });
}

function get(map: YMap | undefined, key: string): YEntry | undefined {
  return map ? lookup(map, key) : undefined;
}

function scalar(map: YMap | undefined, key: string): string | undefined {
  return asScalar(get(map, key)?.value)?.text;
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
