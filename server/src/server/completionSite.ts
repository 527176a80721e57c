import type { Position } from 'vscode-languageserver';
import { nodesAtOffset, type PathSegment, type YMap, type YNode } from '../core/yaml/nodes';
import type { Snapshot } from './analysisCache';
import type { OpenDocument } from './documents';
import { keyName } from './treeSpot';

/** What the cursor is completing, in the current text (which may not parse). */
export type CompletionSite =
  /** a key of the mapping at `path` (`present`: keys it already has, when known) */
  | { kind: 'key'; path: PathSegment[]; prefix: string; present: Set<string>; indent: string }
  /** the value of the key or list item at `path` */
  | { kind: 'value'; path: PathSegment[]; prefix: string }
  /** a `{variable}` placeholder inside a text */
  | { kind: 'placeholder'; prefix: string; closed: boolean };

/** How far up the text is read, line by line, before giving up on a context it cannot see in a tree. */
const MAX_WALK = 2000;

const ID = '[A-Za-z0-9_-]';
const PLACEHOLDER = /\{([a-z][a-z0-9_]*)?$/;
const FLOW_ITEM = new RegExp(`^(\\s*)(-\\s+)?(${ID}+)\\s*:\\s*\\[[^\\]]*?(${ID}*)$`);
/** inside a one-line flow mapping: `key: { a: 1, b: |` (a value) or `key: { a: 1, |` (a key) */
const FLOW_MAP_VALUE = new RegExp(`^(\\s*)(-\\s+)?(${ID}+)\\s*:\\s*\\{([^{}]*[{,]\\s*)?\\s*(${ID}+)\\s*:\\s*(${ID}*)$`);
const FLOW_MAP_KEY = new RegExp(`^(\\s*)(-\\s+)?(${ID}+)\\s*:\\s*\\{([^{}]*,)?\\s*(${ID}*)$`);
const VALUE = new RegExp(`^(\\s*)(-\\s+)?(${ID}+)\\s*:\\s+(${ID}*)$`);
const KEY = new RegExp(`^(\\s*)(-\\s+)?(${ID}*)$`);

/**
 * Reads the completion site from the current line's text and indentation, and the mapping it
 * belongs to from the last analysis that had a tree (traced to the current text through the
 * edits made since), so a half-typed line that breaks the YAML still gets completions.
 */
export function completionSite(doc: OpenDocument, position: Position, good: Snapshot | undefined): CompletionSite | undefined {
  const td = doc.textDocument;
  const lineStart = td.offsetAt({ line: position.line, character: 0 });
  const before = doc.text.slice(lineStart, td.offsetAt(position));
  const walker = new ContextWalker(doc, good);

  const ph = PLACEHOLDER.exec(before);
  if (ph && (insideQuotes(before.slice(0, ph.index)) || opensPlaceholder(before, ph.index))) {
    return { kind: 'placeholder', prefix: ph[1] ?? '', closed: doc.text.charAt(td.offsetAt(position)) === '}' };
  }
  const flow = FLOW_ITEM.exec(before);
  if (flow) {
    const path = walker.mapPath(position.line, flow[1].length, flow[2]);
    return path && { kind: 'value', path: [...path, flow[3], 0], prefix: flow[4] };
  }
  const flowValue = FLOW_MAP_VALUE.exec(before);
  if (flowValue) {
    const path = walker.mapPath(position.line, flowValue[1].length, flowValue[2]);
    return path && { kind: 'value', path: [...path, flowValue[3], flowValue[5]], prefix: flowValue[6] };
  }
  const flowKey = FLOW_MAP_KEY.exec(before);
  if (flowKey) {
    const path = walker.mapPath(position.line, flowKey[1].length, flowKey[2]);
    const present = new Set([...(flowKey[4] ?? '').matchAll(new RegExp(`(${ID}+)\\s*:`, 'g'))].map((m) => m[1]));
    return path && { kind: 'key', path: [...path, flowKey[3]], prefix: flowKey[5], present, indent: '' };
  }
  const value = VALUE.exec(before);
  if (value) {
    const path = walker.mapPath(position.line, value[1].length, value[2]);
    return path && { kind: 'value', path: [...path, value[3]], prefix: value[4] };
  }
  const key = KEY.exec(before);
  if (key) {
    const dash = key[2];
    const indent = key[1];
    const found = dash ? walker.seqItem(position.line, indent.length) : walker.map(position.line, indent.length);
    if (!found) return undefined;
    return { kind: 'key', path: found.path, prefix: key[3], present: keysOf(found.node), indent: indent + (dash ? ' '.repeat(dash.length) : '') };
  }
  return undefined;
}

/** Whether the end of `text` is inside a double- or single-quoted string that starts on the line. */
function insideQuotes(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (quote && c === quote) quote = undefined;
    else if (!quote && (c === '"' || c === "'")) quote = c;
  }
  return quote !== undefined;
}

/** A `{` starts a placeholder inside text, unless it opens a flow mapping (after `:`, `-`, `[`, `,`, `{` or nothing). */
function opensPlaceholder(before: string, at: number): boolean {
  const prev = /(\S)\s*$/.exec(before.slice(0, at))?.[1];
  return prev !== undefined && !':-[,{'.includes(prev);
}

function keysOf(node: YNode | undefined): Set<string> {
  return new Set(node?.kind === 'map' ? node.entries.map((e) => keyName(e.key)) : []);
}

/** One line of the current text, as far as its structure goes. */
interface LineShape {
  indent: number;
  dash: boolean;
  /** column of the key (after `- ` on an item line) */
  keyCol: number;
  key: string | undefined;
}

const SHAPE = /^( *)(-(?: +|$))?(?:("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)\s*:(?:\s|$))?/;

function shape(line: string): LineShape | undefined {
  if (/^\s*(#|$)/.test(line)) return undefined;
  const m = SHAPE.exec(line)!;
  const indent = m[1].length;
  const keyCol = indent + (m[2]?.length ?? 0);
  const key = m[3]?.replace(/^["']|["']$/g, '');
  return { indent, dash: m[2] !== undefined, keyCol, key };
}

/** What is sought going up: the mapping whose keys are at `col`, or the list whose dashes are. */
interface Want {
  col: number;
  seq: boolean;
}

interface Found {
  path: PathSegment[];
  /** the collection in the old tree, when it is one that exists there */
  node?: YNode;
}

/** A block collection on the way from the root to a line, with its column. */
interface Frame {
  node: YMap | YNode;
  seq: boolean;
  col: number;
  path: PathSegment[];
}

class ContextWalker {
  constructor(
    private readonly doc: OpenDocument,
    private readonly good: Snapshot | undefined,
  ) {}

  /** The mapping whose keys are at `col`, for a key typed on `line` (`- key` when `dash`). */
  map(line: number, col: number): Found | undefined {
    return this.walk(line, { col, seq: false });
  }

  /** A new item of the list whose dashes are at `col`. */
  seqItem(line: number, col: number): Found | undefined {
    const seq = this.walk(line, { col, seq: true });
    return seq && { path: [...seq.path, 0] };
  }

  /** The path of the mapping holding a key at `col` on `line` (written after `- ` when `dash`). */
  mapPath(line: number, col: number, dash: string | undefined): PathSegment[] | undefined {
    return dash ? this.seqItem(line, col)?.path : this.map(line, col)?.path;
  }

  private walk(from: number, start: Want): Found | undefined {
    const tail: PathSegment[] = [];
    let want = start;
    let read = 0;
    for (let line = from - 1; line >= 0 && read < MAX_WALK; line--) {
      const text = this.lineText(line);
      const s = shape(text);
      if (!s) continue;
      read++;
      const inTree = this.fromTree(line, text, s, want);
      if (inTree) return { path: [...inTree.path, ...tail], node: tail.length ? undefined : inTree.node };
      const next = step(s, want, tail);
      if (next === 'stop') return undefined;
      if (next) want = next;
    }
    if (read >= MAX_WALK) return undefined;
    return want.col === 0 && !want.seq ? { path: tail, node: tail.length ? undefined : this.good?.analysis.yaml.root } : undefined;
  }

  private lineText(line: number): string {
    const td = this.doc.textDocument;
    const start = td.offsetAt({ line, character: 0 });
    const end = line + 1 < td.lineCount ? td.offsetAt({ line: line + 1, character: 0 }) : this.doc.text.length;
    return this.doc.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }

  /**
   * Resolves the sought collection through the last good tree, when `line` is unchanged since
   * that analysis: from the collections around the line, or, when the line is the key that
   * opens the sought collection, from that key's own mapping.
   */
  private fromTree(line: number, text: string, s: LineShape, want: Want): Found | undefined {
    const good = this.good;
    const root = good?.analysis.yaml.root;
    if (!good || !root) return undefined;
    const start = this.doc.textDocument.offsetAt({ line, character: 0 });
    const old = this.doc.unchangedSince(start, start + text.length, good.version);
    if (old === undefined) return undefined;
    const frames = framesAt(good, root, old + s.keyCol);
    const match = (w: Want): Frame | undefined => [...frames].reverse().find((f) => f.seq === w.seq && f.col === w.col);
    const direct = match(want);
    if (direct) return { path: direct.path, node: direct.node };
    const tail: PathSegment[] = [];
    const next = step(s, want, tail);
    if (!next || next === 'stop') return undefined;
    const parent = match(next);
    return parent && { path: [...parent.path, ...tail] };
  }
}

/**
 * One line met going up: a sibling or something deeper changes nothing (undefined); the key
 * that holds the sought collection adds itself to `tail` and gives what to seek next.
 */
function step(s: LineShape, want: Want, tail: PathSegment[]): Want | 'stop' | undefined {
  if (want.seq) {
    if (s.indent > want.col || (s.dash && s.indent === want.col)) return undefined;
    if (s.keyCol > want.col || s.key === undefined) return 'stop';
  } else {
    if (s.keyCol > want.col) return undefined;
    if (s.keyCol === want.col) {
      // A sibling key; when it is the first key of a list item, the sought mapping is that item.
      if (!s.dash) return undefined;
      tail.unshift(0);
      return { col: s.indent, seq: true };
    }
    if (s.key === undefined) return 'stop';
  }
  tail.unshift(s.key);
  if (s.dash) {
    tail.unshift(0);
    return { col: s.indent, seq: true };
  }
  return { col: s.keyCol, seq: false };
}

/** The block collections around `offset` in the old tree, outermost first, with their columns. */
function framesAt(good: Snapshot, root: YNode, offset: number): Frame[] {
  const { lines } = good.analysis;
  const chain = nodesAtOffset(root, offset);
  const frames: Frame[] = [];
  const path: PathSegment[] = [];
  for (let i = 0; i < chain.length; i++) {
    const node = chain[i];
    if ((node.kind === 'map' || node.kind === 'seq') && !node.flow) {
      const first = node.kind === 'map' ? node.entries[0]?.key : node;
      if (first && first.start >= 0) frames.push({ node, seq: node.kind === 'seq', col: lines.positionAt(first.start).character, path: [...path] });
    }
    const child = chain[i + 1];
    if (!child) break;
    if (node.kind === 'map') {
      const entry = node.entries.find((e) => e.key === child || e.value === child);
      if (!entry || entry.key === child) break;
      path.push(keyName(entry.key));
    } else if (node.kind === 'seq') {
      path.push(node.items.indexOf(child));
    }
  }
  return frames;
}
