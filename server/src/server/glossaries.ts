import { buildGlossaryIndex, mergeGlossaries, type GlossaryEntry, type GlossaryIndex } from '../core/glossary';
import { readGlossary } from './resources';
import { readFileSync, statSync } from 'fs';

const MAX_GLOSSARY_FILE = 4 * 1024 * 1024;

/** The built-in glossary extended by the workspace's `*.glossary.yaml` files, as one lookup index. */
export class Glossaries {
  private readonly workspace = new Map<string, GlossaryEntry[]>();
  private current: GlossaryIndex;

  constructor(
    private readonly builtIn: GlossaryEntry[],
    private readonly warn: (message: string) => void,
  ) {
    this.current = buildGlossaryIndex(builtIn);
  }

  get index(): GlossaryIndex {
    return this.current;
  }

  /**
   * Reads (or re-reads) a workspace glossary file; a file that cannot be read adds nothing.
   * Synchronous (glossaries are small), so a request after a file-change event sees the change.
   */
  load(path: string): void {
    let entries: GlossaryEntry[] = [];
    try {
      if (statSync(path).size > MAX_GLOSSARY_FILE) throw new Error('the file is too large to be a glossary');
      entries = readGlossary(readFileSync(path, 'utf8'));
    } catch (e) {
      this.warn(`${path}: ${(e as Error).message}`);
    }
    this.workspace.set(path, entries);
    this.rebuild();
  }

  remove(path: string): void {
    if (this.workspace.delete(path)) this.rebuild();
  }

  private rebuild(): void {
    const files = [...this.workspace.keys()].sort().map((p) => this.workspace.get(p)!);
    this.current = buildGlossaryIndex(mergeGlossaries(this.builtIn, ...files));
  }
}
