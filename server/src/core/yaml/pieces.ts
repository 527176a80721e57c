import { closeOf, MapNode, type YEntry, type YScalar } from './nodes';
import type { ParseLimits, YamlDocument } from './parse';

/**
 * A large script read in pieces: the part before its steps, runs of steps of about `pieceLength`
 * characters each, and the part after them. js-yaml gives a whole document's events at once, and
 * a 10,000-step script has a quarter of a million of them: kept until the tree is built, they
 * outlive the young generation, are copied into the old one and are collected only by a full
 * collection, which costs time and makes the peak memory of an analysis half as large again. A
 * piece's events die young.
 *
 * The pieces are cut where the text shows it: `steps:` alone on a line at the left margin, the
 * lines indented like its first step (each a step's key, all else being deeper or a comment), and
 * the first line back at the left margin. Each piece is then read alone and must be, with no
 * problem, anchor, alias or tag, the entries expected at the places expected (the part before
 * the steps ending with `steps:` and no value). A block mapping's entry ends where a line comes
 * back to its indentation, so reading it alone gives what reading it in place gives; each piece
 * is read with its offset as its base, and the tree is the same as a whole read's. Anything else
 * (duplicate ids across pieces, odd indentation, a flow collection, document markers, a broken
 * piece) answers undefined, and the caller reads the whole text: it reports what is wrong with
 * positions.
 */
export function readInPieces(
  text: string,
  limits: ParseLimits,
  pieceLength: number,
  base: number,
  read: (part: string, limits: ParseLimits, base: number) => YamlDocument,
): YamlDocument | undefined {
  const section = stepsSection(text);
  if (!section || section.keys.length === 0) return undefined;
  const { keys, indent, end } = section;

  const head = read(text.slice(0, keys[0]), limits, base);
  const top = head.root;
  if (!head.plain || !(top instanceof MapNode) || top.flow) return undefined;
  const stepsEntry = top.entries[top.entries.length - 1];
  const empty = stepsEntry.value;
  if (stepsEntry.key.kind !== 'scalar' || stepsEntry.key.text !== 'steps' || stepsEntry.key.start !== base + section.keyLine) return undefined;
  if (empty.kind !== 'scalar' || empty.quoted || empty.text !== '') return undefined;
  const value = head.value as Record<string, unknown>;

  const steps = new MapNode(base + keys[0] + indent, 0, false);
  const stepsValue: Record<string, unknown> = {};
  // A step's mapping, read alone, sits one level higher than in the script.
  const stepLimits = { ...limits, maxDepth: limits.maxDepth - 1 };
  for (let first = 0; first < keys.length; ) {
    let last = first + 1;
    while (last < keys.length && keys[last] - keys[first] < pieceLength) last++;
    const from = keys[first];
    const to = last < keys.length ? keys[last] : end;
    const piece = read(text.slice(from, to), stepLimits, base + from);
    const entries = entriesAt(piece, keys.slice(first, last).map((k) => base + k + indent));
    if (!entries) return undefined;
    for (const entry of entries) {
      if (!adopt(stepsValue, entry.key.text, (piece.value as Record<string, unknown>)[entry.key.text])) return undefined;
      steps.entries.push(entry);
    }
    first = last;
  }
  steps.entries = steps.entries.slice();
  steps.end = closeOf(steps, text, base);
  top.replaceEntry(top.entries.length - 1, { key: stepsEntry.key, value: steps });
  value.steps = stepsValue;

  if (end < text.length) {
    const tail = read(text.slice(end), limits, base + end);
    const rest = tail.root;
    if (!tail.plain || (rest && (!(rest instanceof MapNode) || rest.flow))) return undefined;
    const entries: YEntry[] = rest ? rest.entries : [];
    const tailValue = tail.value as Record<string, unknown>;
    for (const entry of entries) {
      if (entry.key.kind !== 'scalar' || !adopt(value, entry.key.text, tailValue[entry.key.text])) return undefined;
    }
    top.entries = [...top.entries, ...entries];
  }
  top.end = closeOf(top, text, base);
  return { root: top, value, documentCount: 1, problems: [], plain: true };
}

/**
 * The entries of a part of a script read alone (with its offset in the whole text as its base), if
 * it is one block mapping with no problem, anchor, alias or tag, of exactly as many entries as
 * `keyStarts` has, each with a scalar key starting there. Then the part means in place what it
 * means alone; undefined otherwise.
 */
export function entriesAt(part: YamlDocument, keyStarts: readonly number[]): ScalarKeyed[] | undefined {
  const map = part.root;
  if (!part.plain || map?.kind !== 'map' || map.flow || map.entries.length !== keyStarts.length) return undefined;
  for (let i = 0; i < keyStarts.length; i++) {
    const key = map.entries[i].key;
    if (key.kind !== 'scalar' || key.start !== keyStarts[i]) return undefined;
  }
  return map.entries as ScalarKeyed[];
}

type ScalarKeyed = YEntry & { key: YScalar };

/**
 * Sets `object[key]` to `value` unless the key is there already (a duplicate, which the whole read
 * reports) or is `__proto__` (which the whole read defines as data): false in those cases.
 */
function adopt(object: Record<string, unknown>, key: string, value: unknown): boolean {
  if (key === '__proto__' || Object.prototype.hasOwnProperty.call(object, key)) return false;
  object[key] = value;
  return true;
}

interface StepsSection {
  /** offset of the `steps:` key, at the start of its line */
  keyLine: number;
  /** where each line that starts a step begins */
  keys: number[];
  /** the steps' indentation */
  indent: number;
  /** start of the first line after the section (back at the left margin), or the text's length */
  end: number;
}

/** Finds the steps section by its lines; undefined where it is not written as pieces can be cut from. */
function stepsSection(text: string): StepsSection | undefined {
  const match = /^steps:[ \t]*(?:#[^\n]*)?\r?$/m.exec(text);
  if (!match) return undefined;
  const keys: number[] = [];
  let indent = -1;
  let line = text.indexOf('\n', match.index);
  if (line < 0) return undefined;
  line++;
  while (line < text.length) {
    let j = line;
    while (text.charCodeAt(j) === 32) j++;
    const c = text.charCodeAt(j);
    const blank = j >= text.length || c === 10 || c === 13 || c === 35; /* # */
    if (!blank) {
      const depth = j - line;
      if (depth === 0) break;
      if (indent < 0) indent = depth;
      if (depth === indent) keys.push(line);
      else if (depth < indent) return undefined;
    }
    const eol = text.indexOf('\n', j);
    line = eol < 0 ? text.length : eol + 1;
  }
  return { keyLine: match.index, keys, indent, end: Math.min(line, text.length) };
}
