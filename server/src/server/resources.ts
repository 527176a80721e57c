import { readFileSync } from 'fs';
import { join } from 'path';
import { load } from 'js-yaml';
import type { GlossaryEntry } from '../core/glossary';
import type { ObjectionEntry, ObjectionLibrary } from '../core/objections';

/** Largest data file read: glossaries are small; anything bigger is not one. */
const MAX_DATA_FILE = 4 * 1024 * 1024;

/**
 * Reads a glossary file's terms (`terms: [...]`), keeping the entries that have an id and a
 * definition in at least one language. Throws with a one-line message when the text is not YAML.
 */
export function readGlossary(text: string): GlossaryEntry[] {
  if (text.length > MAX_DATA_FILE) throw new Error('the file is too large to be a glossary');
  const data = load(text, { maxDepth: 16, maxAliases: 100 }) as { terms?: unknown } | null;
  const terms = Array.isArray(data?.terms) ? data.terms : [];
  return terms.filter((t): t is GlossaryEntry => {
    const e = t as GlossaryEntry;
    return typeof e?.id === 'string' && (typeof e.en?.definition === 'string' || typeof e.pl?.definition === 'string');
  });
}

/** Reads the objection library (`objections: [...]`, `techniques: {...}`), keeping well-formed entries. */
export function readObjectionLibrary(text: string): ObjectionLibrary {
  const data = load(text, { maxDepth: 16, maxAliases: 100 }) as Partial<ObjectionLibrary> | null;
  const objections = (Array.isArray(data?.objections) ? data.objections : []).filter(
    (o): o is ObjectionEntry => typeof o?.id === 'string' && typeof o.technique === 'string' && typeof o.reply === 'object' && o.reply !== null,
  );
  const techniques = typeof data?.techniques === 'object' && data.techniques !== null ? data.techniques : {};
  return { objections: objections.map((o) => ({ ...o, label: o.label ?? {}, triggers: o.triggers ?? {} })), techniques };
}

/** The built-in glossary and objection library shipped in the package's server/data. */
export function loadBuiltIns(root: string | undefined, warn: (message: string) => void): { glossary: GlossaryEntry[]; library: ObjectionLibrary } {
  const read = <T>(name: string, parse: (text: string) => T, empty: T): T => {
    if (!root) return empty;
    const file = join(root, 'server', 'data', name);
    try {
      return parse(readFileSync(file, 'utf8'));
    } catch (e) {
      warn(`cannot read ${file}: ${(e as Error).message}`);
      return empty;
    }
  };
  return {
    glossary: read('glossary.yaml', readGlossary, []),
    library: read('objections.yaml', readObjectionLibrary, { objections: [], techniques: {} }),
  };
}
