import {
  constructFromEvents,
  CORE_SCHEMA,
  NOT_RESOLVED,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  COLLECTION_STYLE,
  YAMLException,
  type Event,
} from 'js-yaml';
import { closeOf, MapNode, QuotedScalarNode, ScalarNode, type YAlias, type YEntry, type YMap, type YNode, type YScalar, type YSeq } from './nodes';
import { readInPieces } from './pieces';

/** A problem found while reading YAML, before any schema or rule looks at the value. */
export interface YamlProblem {
  message: string;
  start: number;
  end: number;
}

export interface YamlDocument {
  /** the root node of the first document, if it could be read */
  root: YNode | undefined;
  /** the value of the first document as plain JavaScript data */
  value: unknown;
  /** how many documents the file holds */
  documentCount: number;
  problems: YamlProblem[];
  /**
   * One document, read without a problem, with no anchor, alias or tag: each part of it means the
   * same read alone, so an edit inside one part can be read again on its own (see reparse.ts).
   */
  plain: boolean;
}

export interface ParseLimits {
  /** deepest nesting of collections accepted */
  maxDepth: number;
  /** most nodes the document may expand to once aliases are followed (guards against alias bombs) */
  maxExpandedNodes: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxDepth: 64, maxExpandedNodes: 1_000_000 };

/** Texts at least twice this long are read in pieces of about this many characters (pieces.ts). */
export const PIECE_LENGTH = 32 * 1024;

/**
 * Reads YAML text into a source-mapped tree and its value. Never throws: everything wrong with
 * the text comes back as problems with positions. A large script is read in pieces where its
 * text allows (the same tree, with less memory); anything else is read whole.
 *
 * `base` is where `text` starts in a larger text (a part read alone): every offset of the result
 * is counted from there, so the part's tree is made in its place rather than moved there after.
 */
export function parseYaml(text: string, limits: ParseLimits = DEFAULT_LIMITS, pieceLength = PIECE_LENGTH, base = 0): YamlDocument {
  const binaryAt = findBinary(text);
  if (binaryAt >= 0) {
    return empty({ message: 'This is not a text file: it holds binary data (a NUL or control byte).', start: base + binaryAt, end: base + binaryAt + 1 });
  }
  return (text.length >= 2 * pieceLength && readInPieces(text, limits, pieceLength, base, readWhole)) || readWhole(text, limits, base);
}

function empty(problem?: YamlProblem, documentCount = 0): YamlDocument {
  return { root: undefined, value: undefined, documentCount, problems: problem ? [problem] : [], plain: false };
}

/** Reads a text free of binary bytes from one event stream (offsets counted from `base`). */
function readWhole(text: string, limits: ParseLimits, base: number): YamlDocument {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (e) {
    return empty(problemFromError(e, text, base));
  }

  const built = buildTrees(events, text, base);
  const problems = [...built.problems];
  const root = built.roots[0];
  if (built.roots.length > 1) {
    const second = built.roots[1];
    const marker = text.lastIndexOf('---', second ? second.start - base : text.length);
    const at = marker >= 0 ? base + marker : second?.start ?? base;
    problems.push({
      message: `A call script holds one YAML document, but this file has ${built.roots.length}; only the first is checked.`,
      start: at,
      end: at + 3,
    });
  }
  if (!root) return { ...empty(undefined, built.roots.length), problems };
  // Aliases that multiply the document many times over are an attack (billion laughs), not a script.
  if (built.expandedSize > limits.maxExpandedNodes && built.expandedSize > 10 * built.nodeCount) {
    const alias = built.firstAlias ?? root;
    problems.push({
      message: `Aliases expand this document to more than ${limits.maxExpandedNodes.toLocaleString('en')} nodes (an alias bomb?); it is not read further.`,
      start: alias.start,
      end: alias.end,
    });
    return { ...empty(undefined, built.roots.length), problems };
  }
  if (built.fatal) return { ...empty(undefined, built.roots.length), problems };

  let value = built.values[0];
  if (built.hasTags) {
    // Explicit tags (!!str, !custom) need js-yaml's own constructor; plain documents are built in buildTrees.
    try {
      // Duplicate entries are left out, so the value keeps the first, as the tree does.
      // buildTrees let go of the events as it read them; this rare path reads the text again.
      const again = parseEvents(text, { maxDepth: limits.maxDepth });
      const kept = built.dropped.length ? again.filter((_, i) => !built.dropped.some(([from, to]) => from <= i && i <= to)) : again;
      value = constructFromEvents(kept, { source: text, json: true })[0];
    } catch (e) {
      problems.push(problemFromError(e, text, base));
      return { ...empty(undefined, built.roots.length), problems };
    }
  }
  const plain = problems.length === 0 && built.roots.length === 1 && !built.hasTags && !built.hasAnchors;
  return { root, value, documentCount: built.roots.length, problems, plain };
}

/** Offset of the first NUL or C0 control byte that YAML forbids (tab, LF, CR allowed), or -1. */
function findBinary(text: string): number {
  // eslint-disable-next-line no-control-regex
  const m = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/.exec(text);
  return m ? m.index : -1;
}

/** A thrown error as a problem, its offsets counted from `base` like the text's nodes. */
function problemFromError(e: unknown, text: string, base: number): YamlProblem {
  const p = problemIn(e, text);
  return { ...p, start: base + p.start, end: base + p.end };
}

function problemIn(e: unknown, text: string): YamlProblem {
  if (e instanceof YAMLException) {
    const at = Math.min(e.mark?.position ?? 0, text.length);
    // js-yaml notices an unclosed quote only where the text runs out ("deficient indentation"):
    // point at the quote that opened it instead.
    const open = openQuoteBefore(text, at);
    if (open >= 0) {
      return { message: `This quoted string is never closed: add its closing ${text[open]}.`, start: open, end: open + 1 };
    }
    return { message: yamlMessage(e.reason), start: at, end: Math.min(at + 1, text.length) };
  }
  const reason = e instanceof RangeError ? 'the document is nested too deeply to read' : String((e as Error)?.message ?? e);
  return { message: `YAML could not be read: ${reason}.`, start: 0, end: 0 };
}

/**
 * The offset of a quote that opens a quoted scalar still unclosed at `until`, or -1. A light scan:
 * a quote opens a scalar where a value starts (after `: `, `- `, `[`, `{`, `,` or at a line's
 * indentation); `#` after white space outside quotes starts a comment; `''` and `\"` are escapes.
 */
export function openQuoteBefore(text: string, until: number): number {
  let open = -1;
  let prev = '\n';
  for (let i = 0; i < until && i < text.length; i++) {
    const c = text[i];
    if (open >= 0) {
      if (text[open] === '"' && c === '\\') i++;
      else if (c === text[open]) {
        if (c === "'" && text[i + 1] === "'") i++;
        else open = -1;
      }
    } else if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= until) return -1;
      i = nl;
    } else if ((c === '"' || c === "'") && /[\s:\-[{,]/.test(prev) && startsValue(text, i)) {
      open = i;
    }
    prev = text[i];
  }
  return open;
}

/** Whether the quote at `i` begins a value: only spaces since `: `, `- `, a bracket, a comma, or the line's start. */
function startsValue(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0 || text[j] === '\n' || text[j] === '\r' || text[j] === '[' || text[j] === '{' || text[j] === ',') return true;
  return (text[j] === ':' || text[j] === '-') && j + 1 < i;
}

/** js-yaml's reasons, phrased for a script author. */
function yamlMessage(reason: string): string {
  if (/tab characters/.test(reason)) return 'YAML does not allow tab characters for indentation; use spaces.';
  if (/maximum nesting|too deep|depth/i.test(reason)) return `The document is nested too deeply (${reason}).`;
  if (/duplicated mapping key/.test(reason)) return 'Duplicate key: each key may appear only once in a mapping.';
  return `YAML syntax error: ${reason}.`;
}

interface Built {
  roots: YNode[];
  /** each document's value as plain data (valid unless hasTags) */
  values: unknown[];
  /** some node has an explicit tag: values must come from js-yaml's constructor instead */
  hasTags: boolean;
  /** event index ranges of duplicate map entries (key and value), left out of the value */
  dropped: [number, number][];
  problems: YamlProblem[];
  /** node count of the first document with aliases expanded */
  expandedSize: number;
  /** nodes as written, in all documents */
  nodeCount: number;
  firstAlias: YAlias | undefined;
  /** some node is anchored or is an alias */
  hasAnchors: boolean;
  /** a problem that makes the value unusable (a recursive alias) */
  fatal: boolean;
}

interface Frame {
  /** a mapping (else a sequence) */
  isMap: boolean;
  start: number;
  flow: boolean;
  /** a mapping's value, built as its entries come; a sequence's is made when it closes */
  value: Record<string, unknown> | undefined;
  /** where this collection's children begin on its kind's child stack */
  firstChild: number;
  /** a map's key waiting for its value */
  pendingKey: YNode | undefined;
  /** index of the event that began the pending key */
  pendingKeyEvent: number;
  /** index of the event that began this collection */
  startEvent: number;
  /** expanded node count so far */
  size: number;
  anchor: string | undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The trees of `src`'s events, each node placed `base` characters further on. */
function buildTrees(events: Event[], src: string, base: number): Built {
  const roots: YNode[] = [];
  const problems: YamlProblem[] = [];
  const values: unknown[] = [];
  let hasTags = false;
  const anchors = new Map<string, { node: YNode | undefined; value: unknown; size: number; open: boolean }>();
  const stack: Frame[] = [];
  let expandedSize = 0;
  let firstAlias: YAlias | undefined;
  let fatal = false;
  /** end of the furthest node read so far, in `src`: where an empty value sits */
  let lastEnd = 0;
  /** nodes as written, to tell an alias bomb from a merely large document */
  let nodeCount = 0;

  // The children of every open collection, innermost last: a collection takes its own off the top
  // when it closes, as one array of just the right length (pushing into an array of its own would
  // grow it with room to spare and leave the grown copies behind for the collector). A sequence's
  // items and their values go side by side; a mapping's values are its own object's properties.
  const mapEntries: YEntry[] = [];
  const seqItems: YNode[] = [];
  const seqValues: unknown[] = [];

  const attach = (node: YNode, size: number, value: unknown): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (roots.length === 0) expandedSize = size;
      roots.push(node);
      values.push(value);
      return;
    }
    top.size += size;
    if (!top.isMap) {
      seqItems.push(node);
      seqValues.push(value);
    } else if (top.pendingKey === undefined) {
      top.pendingKey = node;
      top.pendingKeyEvent = keyEvent;
    } else {
      const key = top.pendingKey;
      top.pendingKey = undefined;
      mapEntries.push({ key, value: node });
      if (key.kind === 'scalar') {
        // The value holds every scalar key kept so far: it answers "seen before?" without an index of its own.
        if (hasOwn.call(top.value, key.text)) {
          dropped.push([top.pendingKeyEvent, eventIndex]);
          problems.push({ message: `Duplicate key "${key.text}": each key may appear only once in a mapping.`, start: key.start, end: key.end });
        } else {
          // defineProperty: a "__proto__" key must become data, not the object's prototype.
          if (key.text === '__proto__') Object.defineProperty(top.value, key.text, { value, enumerable: true, writable: true, configurable: true });
          else (top.value as Record<string, unknown>)[key.text] = value;
        }
      } else {
        hasTags = true; // a complex key: let js-yaml's constructor decide what it means
      }
    }
  };
  const anchorName = (ev: { anchorStart: number; anchorEnd: number }): string | undefined =>
    ev.anchorStart >= 0 ? src.slice(ev.anchorStart, ev.anchorEnd) : undefined;
  const startOf = (ev: { anchorStart: number; tagStart: number }, own: number): number =>
    Math.min(own, ev.anchorStart >= 0 ? ev.anchorStart - 1 : own, ev.tagStart >= 0 ? ev.tagStart : own);

  const dropped: [number, number][] = [];
  /** the event being read, and the one that began the node being attached */
  let eventIndex = 0;
  let keyEvent = 0;
  for (; eventIndex < events.length; eventIndex++) {
    const ev = events[eventIndex];
    // Each event is read once: letting go of it keeps the peak memory of a large file near one copy of it.
    events[eventIndex] = undefined as unknown as Event;
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        // The node itself is made when it closes, with its children (an alias to it before then is recursive).
        const isMap = ev.type === EVENT_ID.MAPPING;
        nodeCount++;
        lastEnd = Math.max(lastEnd, ev.start);
        if (ev.tagStart >= 0) hasTags = true;
        const anchor = anchorName(ev);
        if (anchor) anchors.set(anchor, { node: undefined, value: undefined, size: 0, open: true });
        const start = base + startOf(ev, ev.start);
        stack.push({ isMap, start, flow: ev.style === COLLECTION_STYLE.FLOW, value: isMap ? {} : undefined, firstChild: isMap ? mapEntries.length : seqItems.length, pendingKey: undefined, pendingKeyEvent: 0, startEvent: eventIndex, size: 1, anchor });
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (!frame) break; // the end of a document
        const first = frame.firstChild;
        let node: YMap | YSeq;
        let value: unknown;
        // (`end` is a placeholder until closeOf finds it from the children)
        if (frame.isMap) {
          node = new MapNode(frame.start, frame.start, frame.flow, mapEntries.slice(first));
          mapEntries.length = first;
          value = frame.value;
        } else {
          node = { kind: 'seq', start: frame.start, end: frame.start, flow: frame.flow, items: seqItems.slice(first) };
          value = seqValues.slice(first);
          seqItems.length = seqValues.length = first;
        }
        node.end = closeOf(node, src, base);
        lastEnd = Math.max(lastEnd, node.end - base);
        if (frame.anchor) anchors.set(frame.anchor, { node, value, size: frame.size, open: false });
        keyEvent = frame.startEvent;
        attach(node, frame.size, value);
        break;
      }
      case EVENT_ID.SCALAR: {
        const quoted = ev.style !== SCALAR_STYLE.PLAIN;
        const isQuote = ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const isBlock = ev.style === SCALAR_STYLE.LITERAL_BLOCK || ev.style === SCALAR_STYLE.FOLDED_BLOCK;
        let start = isQuote ? ev.valueStart - 1 : ev.valueStart;
        let end = isQuote ? ev.valueEnd + 1 : ev.valueEnd;
        if (ev.valueStart < 0) {
          // An empty value (`start:` with nothing after it) has no characters: place it where it would be.
          start = end = lastEnd;
        } else if (isBlock) {
          // A block scalar's range starts at its | or > indicator, as a quoted one's starts at its quote.
          const indicator = Math.max(src.lastIndexOf('|', ev.valueStart), src.lastIndexOf('>', ev.valueStart));
          if (indicator >= lastEnd) start = indicator;
        }
        const text = ev.valueStart < 0 ? '' : getScalarValue(src, ev);
        const node: YScalar = quoted ? new QuotedScalarNode(base + startOf(ev, start), base + end, text) : new ScalarNode(base + startOf(ev, start), base + end, text);
        lastEnd = Math.max(lastEnd, end);
        nodeCount++;
        if (ev.tagStart >= 0) hasTags = true;
        const value = ev.style === SCALAR_STYLE.PLAIN ? resolvePlain(node.text) : node.text;
        const anchor = anchorName(ev);
        if (anchor) anchors.set(anchor, { node, value, size: 1, open: false });
        keyEvent = eventIndex;
        attach(node, 1, value);
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = src.slice(ev.anchorStart, ev.anchorEnd);
        const target = anchors.get(name);
        const node: YAlias = { kind: 'alias', name, start: base + ev.anchorStart - 1, end: base + ev.anchorEnd, target: target?.node };
        firstAlias ??= node;
        lastEnd = Math.max(lastEnd, ev.anchorEnd);
        nodeCount++;
        if (!target) {
          problems.push({ message: `Unknown alias *${name}: no node above it is anchored as &${name}.`, start: node.start, end: node.end });
          fatal = true;
        } else if (target.open) {
          problems.push({ message: `The alias *${name} refers to the node that contains it; recursive aliases are not allowed.`, start: node.start, end: node.end });
          fatal = true;
        }
        keyEvent = eventIndex;
        attach(node, target ? Math.max(1, target.size) : 1, target?.value);
        break;
      }
    }
  }
  return { roots, values, hasTags, dropped, problems, expandedSize, nodeCount, firstAlias, hasAnchors: anchors.size > 0 || firstAlias !== undefined, fatal };
}

/**
 * The implicit scalar types of YAML's core schema (null, bool, int, float) that a plain scalar
 * starting with a given character could be, by character code; most text starts with a letter
 * none of them accepts, and is a string without trying any.
 */
type Tag = Extract<(typeof CORE_SCHEMA.tags)[number], { nodeKind: 'scalar' }>;
const IMPLICIT = CORE_SCHEMA.tags.filter((t): t is Tag => t.nodeKind === 'scalar' && t.implicit);
const IMPLICIT_BY_FIRST: (readonly Tag[])[] = (() => {
  const table: Tag[][] = [];
  for (let code = 0; code < 128; code++) {
    const first = String.fromCharCode(code);
    table.push(IMPLICIT.filter((t) => !t.implicitFirstChars || t.implicitFirstChars.includes(first)));
  }
  return table;
})();
/** Types without a first-character list, tried for characters past ASCII. */
const IMPLICIT_ANY_FIRST = IMPLICIT.filter((t) => !t.implicitFirstChars);

/** A plain scalar's value as js-yaml's core schema reads it: null, a boolean, a number or the string. */
function resolvePlain(text: string): unknown {
  const code = text.charCodeAt(0);
  // (an empty scalar is null: every type is tried, as js-yaml does)
  const candidates = text === '' ? IMPLICIT : code < 128 ? IMPLICIT_BY_FIRST[code] : IMPLICIT_ANY_FIRST;
  for (const tag of candidates) {
    const v = tag.resolve(text, false, tag.tagName);
    if (v !== NOT_RESOLVED) return v;
  }
  return text;
}
