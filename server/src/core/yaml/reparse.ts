import { closeOf, MapNode, shiftEntry, type YMap, type YNode } from './nodes';
import { entriesAt } from './pieces';
import { DEFAULT_LIMITS, parseYaml, PIECE_LENGTH, type ParseLimits, type YamlDocument } from './parse';

/**
 * Reading a large script again after a keystroke costs far more than the keystroke changes: this
 * reads again only the step the edit falls in, and moves the rest of the old tree into place.
 *
 * A step's part of the text runs from the start of its key's line to the start of the next step's
 * key line (comments and blank lines between steps belong to the step above). When the old text
 * was `plain` (see YamlDocument), the edit lies inside one such part, and that part, read alone,
 * is again one block mapping entry with the same key at the same place and no problem, anchor,
 * alias or tag, then reading the whole new text would give the old tree with that step replaced
 * and everything after it moved by the edit's length: that is what this builds. In every other
 * case it answers undefined and the caller reads the whole text.
 *
 * The old document is taken over: its tree and value become the new document's, so it must not
 * be used afterwards.
 */
export function reparseStep(old: YamlDocument, oldText: string, text: string, limits: ParseLimits = DEFAULT_LIMITS): { yaml: YamlDocument; edit: StepEdit } | undefined {
  const root = old.root;
  if (!old.plain || root?.kind !== 'map' || root.flow) return undefined;
  const stepsEntry = root.byKey.get('steps');
  const steps = stepsEntry?.value;
  if (steps?.kind !== 'map' || steps.flow || !(steps instanceof MapNode)) return undefined;

  const change = changedRange(oldText, text);
  if (!change) return undefined;
  const i = entryAt(steps, change.start);
  if (i < 0) return undefined;
  const entry = steps.entries[i];
  const key = entry.key;
  if (key.kind !== 'scalar') return undefined;
  const from = lineStart(oldText, key.start);
  const next = steps.entries[i + 1]?.key ?? nextKeyAfter(root, steps);
  const to = next ? lineStart(oldText, next.start) : oldText.length;
  // The edit must leave the part's first character and its last line break where they were.
  if (change.start < from || change.oldEnd > to - 1) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const part = detached(text.slice(from, to + delta));
  if (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)/m.test(part)) return undefined; // a document marker: not a part of this one

  // Read alone, the part's mapping sits one level higher than the steps' own: one less to go.
  const read = parseYaml(part, { ...limits, maxDepth: limits.maxDepth - 1 }, PIECE_LENGTH, from);
  const freshEntry = entriesAt(read, [key.start])?.[0];
  if (!freshEntry || freshEntry.key.text !== key.text) return undefined;

  // From here on the old document is changed: it has become the new one.
  for (let j = i + 1; j < steps.entries.length; j++) shiftEntry(steps.entries[j], delta);
  for (const e of root.entries) if (e.key.start >= to) shiftEntry(e, delta);
  steps.replaceEntry(i, freshEntry);
  steps.end = closeOf(steps, text);
  root.end = closeOf(root, text);
  const value = (read.value as Record<string, unknown>)[key.text];
  // A value kept since the last read is brought up to date too (a caller may have let it go).
  const stepsValue = (old.value as { steps?: Record<string, unknown> } | undefined)?.steps;
  if (stepsValue) stepsValue[key.text] = value;
  return { yaml: old, edit: { step: key.text, from, to, delta, value } };
}

/** A step read again: its part `[from, to)` of the old text, how much longer the part is now, and its new value. */
export interface StepEdit {
  step: string;
  from: number;
  to: number;
  delta: number;
  value: unknown;
}

/** The range an edit replaced: the text between the common start and the common end of both texts. */
export function changedRange(oldText: string, text: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (oldText === text) return undefined;
  const limit = Math.min(oldText.length, text.length);
  // Compared by blocks of shrinking size: string equality is native, a loop over characters is not.
  let start = 0;
  for (let block = 65536; block >= 1; block >>= 4) {
    while (start + block <= limit && oldText.slice(start, start + block) === text.slice(start, start + block)) start += block;
  }
  let tail = 0;
  for (let block = 65536; block >= 1; block >>= 4) {
    while (tail + block <= limit - start && oldText.slice(oldText.length - tail - block, oldText.length - tail) === text.slice(text.length - tail - block, text.length - tail)) tail += block;
  }
  return { start, oldEnd: oldText.length - tail, newEnd: text.length - tail };
}

/**
 * A copy of `slice` that does not keep the text it was cut from alive. V8 cuts longer strings as
 * views into their parent: the step's scalars, cut from the part, would each hold a whole version
 * of the document in memory for as long as the step is not edited again.
 */
function detached(slice: string): string {
  // Joining makes a new string; its first read flattens it into one of its own, which slice(1) views.
  return (' ' + slice).slice(1);
}

/** Index of the last entry whose key starts at or before `offset` (the entry whose part holds it), or -1. */
function entryAt(map: YMap, offset: number): number {
  let lo = 0;
  let hi = map.entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map.entries[mid].key.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The first top-level key after the steps mapping, which ends the last step's part. */
function nextKeyAfter(root: YMap, steps: YMap): YNode | undefined {
  for (const e of root.entries) if (e.key.start > steps.start) return e.key;
  return undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
