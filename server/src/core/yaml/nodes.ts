/**
 * A light YAML syntax tree with source offsets, built from js-yaml's event stream. It is the source
 * map of a document: every key and value knows its exact range, so findings, hovers and navigation
 * can point at the right characters.
 */
export type YNode = YMap | YSeq | YScalar | YAlias;

interface Base {
  /** offset of the first character (the opening quote or bracket included) */
  start: number;
  /** offset after the last character */
  end: number;
}

export interface YScalar extends Base {
  kind: 'scalar';
  /** the decoded text (a key's name, a string's content) */
  text: string;
  /** the text was written with quotes or as a block scalar: a string even if it looks like a number */
  quoted: boolean;
}

/**
 * A scalar as the reader makes it. A large script has a hundred thousand scalars and more: what
 * is the same for all of them (`kind`) or for all of one style (`quoted`) sits on the prototype,
 * which leaves each node three fields of its own.
 */
export class ScalarNode implements YScalar {
  declare readonly kind: 'scalar';
  declare readonly quoted: boolean;
  constructor(
    public start: number,
    public end: number,
    public readonly text: string,
  ) {}
}
Object.defineProperties(ScalarNode.prototype, { kind: { value: 'scalar', enumerable: true }, quoted: { value: false, enumerable: true } });

/** A scalar written with quotes or as a block scalar. */
export class QuotedScalarNode extends ScalarNode {}
Object.defineProperty(QuotedScalarNode.prototype, 'quoted', { value: true, enumerable: true });

export interface YEntry {
  key: YNode;
  value: YNode;
}

export interface YMap extends Base {
  kind: 'map';
  flow: boolean;
  entries: YEntry[];
  /** the first entry for each scalar key (built on first use) */
  readonly byKey: ReadonlyMap<string, YEntry>;
}

/** A mapping node whose key index is built only when asked for: most small maps are only iterated. */
export class MapNode implements YMap {
  readonly kind = 'map';
  private index: Map<string, YEntry> | undefined;

  constructor(
    public start: number,
    public end: number,
    public readonly flow: boolean,
    public entries: YEntry[] = [],
  ) {}

  /** Puts `entry` in place of entry `i`, which has the same scalar key (an edited part read again). */
  replaceEntry(i: number, entry: YEntry): void {
    this.entries[i] = entry;
    if (this.index && entry.key.kind === 'scalar') this.index.set(entry.key.text, entry);
  }

  get byKey(): ReadonlyMap<string, YEntry> {
    if (!this.index) {
      this.index = new Map();
      for (const e of this.entries) {
        if (e.key.kind === 'scalar' && !this.index.has(e.key.text)) this.index.set(e.key.text, e);
      }
    }
    return this.index;
  }
}

export interface YSeq extends Base {
  kind: 'seq';
  flow: boolean;
  items: YNode[];
}

export interface YAlias extends Base {
  kind: 'alias';
  name: string;
  target: YNode | undefined;
}

export type PathSegment = string | number;

/** The entry for `key` in a mapping: small mappings are scanned, which beats building an index. */
export function lookup(map: YMap, key: string): YEntry | undefined {
  const entries = map.entries;
  if (entries.length > 8) return map.byKey.get(key);
  for (let i = 0; i < entries.length; i++) {
    const k = entries[i].key;
    if (k.kind === 'scalar' && k.text === key) return entries[i];
  }
  return undefined;
}

/** The node at `path` below `node`, following aliases; undefined where the path leads nowhere. */
export function nodeAt(node: YNode | undefined, path: readonly PathSegment[]): YNode | undefined {
  let cur = node;
  for (const seg of path) {
    cur = deref(cur);
    if (!cur) return undefined;
    if (cur.kind === 'map') cur = lookup(cur, String(seg))?.value;
    else if (cur.kind === 'seq' && typeof seg === 'number') cur = cur.items[seg];
    else return undefined;
  }
  return cur;
}

/** The map entry for the last segment of `path` (its key and value), if there is one. */
export function entryAt(node: YNode | undefined, path: readonly PathSegment[]): YEntry | undefined {
  if (path.length === 0) return undefined;
  const parent = deref(nodeAt(node, path.slice(0, -1)));
  return parent?.kind === 'map' ? lookup(parent, String(path[path.length - 1])) : undefined;
}

/** Moves a map entry's key and value by `delta` characters. */
export function shiftEntry(e: YEntry, delta: number): void {
  shiftNode(e.key, delta);
  shiftNode(e.value, delta);
}

/** Moves a subtree by `delta` characters (what follows an edit). */
export function shiftNode(node: YNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  if (node.kind === 'map') for (const e of node.entries) shiftEntry(e, delta);
  else if (node.kind === 'seq') for (const item of node.items) shiftNode(item, delta);
}

export function deref(node: YNode | undefined): YNode | undefined {
  return node?.kind === 'alias' ? node.target : node;
}

export function scalarText(node: YNode | undefined): string | undefined {
  const n = deref(node);
  return n?.kind === 'scalar' ? n.text : undefined;
}

/** The chain of nodes from `root` down to the innermost one whose range holds `offset`. */
export function nodesAtOffset(root: YNode, offset: number): YNode[] {
  const chain: YNode[] = [];
  let cur: YNode | undefined = root;
  while (cur && cur.start <= offset && offset <= cur.end) {
    chain.push(cur);
    let next: YNode | undefined;
    if (cur.kind === 'map') {
      for (const e of cur.entries) {
        if (contains(e.key, offset)) next = e.key;
        else if (contains(e.value, offset)) next = e.value;
        if (next) break;
      }
    } else if (cur.kind === 'seq') {
      next = cur.items.find((i) => contains(i, offset));
    }
    cur = next;
  }
  return chain;
}

function contains(n: YNode, offset: number): boolean {
  return n.start <= offset && offset <= n.end;
}

/**
 * End offset of a collection: its last child's end, or past the closing bracket of a flow
 * collection. `src` is the text the node was read from, which starts at offset `base`.
 */
export function closeOf(node: YMap | YSeq, src: string, base = 0): number {
  const children = node.kind === 'map' ? node.entries : node.items;
  const last = children[children.length - 1];
  let end = last === undefined ? node.start + 1 : 'value' in last ? last.value.end : last.end;
  if (node.kind === 'map' && last && 'value' in last && last.value.end < last.key.end) end = last.key.end;
  if (!node.flow) return end;
  // The bracket follows the last item, after white space, comments and a trailing comma. A pair
  // written bare in a flow sequence (`[a: 1]`) is a mapping without brackets: it ends with its value.
  const close = node.kind === 'map' ? 125 /* } */ : 93; /* ] */
  let at = end - base;
  let comma = false;
  for (; at < src.length; at++) {
    const c = src.charCodeAt(at);
    if (c === 35 /* # */) {
      const eol = src.indexOf('\n', at);
      at = eol < 0 ? src.length : eol;
    } else if (c === 44 /* , */ && !comma) comma = true;
    else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
  }
  return src.charCodeAt(at) === close ? base + at + 1 : end;
}
