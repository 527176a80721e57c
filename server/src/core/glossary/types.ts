/**
 * Shapes of the glossary data: the built-in `server/data/glossary.yaml` and the workspace
 * `*.glossary.yaml` files (both validated by `schemas/glossary.schema.json`).
 */

/** The English side of a term. */
export interface GlossaryEnglish {
  /** display name, e.g. "back office" */
  term: string;
  /** other English spellings or abbreviations that should match on hover */
  aliases?: string[];
  /** one to three sentences */
  definition: string;
}

/** The Polish side of a term. */
export interface GlossaryPolish {
  /** display name, e.g. "infolinia" */
  term: string;
  /** every inflected form that should match on hover, lower-case */
  forms?: string[];
  /** one to three sentences */
  definition: string;
}

/**
 * One glossary term. The built-in glossary always has both languages; a workspace file may
 * define only one of them.
 */
export interface GlossaryEntry {
  /** kebab-case, unique; a workspace entry with a built-in id replaces the built-in one */
  id: string;
  en?: GlossaryEnglish;
  pl?: GlossaryPolish;
  /** ids of related entries */
  related?: string[];
}

/** A parsed glossary file. */
export interface GlossaryFile {
  terms: GlossaryEntry[];
}

/** Which definition(s) a hover shows. */
export type GlossaryLanguage = 'en' | 'pl' | 'both';

/** Lookup structure built once per set of entries by `buildGlossaryIndex`. */
export interface GlossaryIndex {
  readonly entries: readonly GlossaryEntry[];
  readonly byId: ReadonlyMap<string, GlossaryEntry>;
  /** normalised form (see `normalizeTerm`) -> entry */
  readonly byForm: ReadonlyMap<string, GlossaryEntry>;
  /** length in UTF-16 units of the longest normalised form; bounds the scan around an offset */
  readonly maxFormLength: number;
}

/** A term found in a text: `text.slice(start, end)` is the matched form. */
export interface TermMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
}
