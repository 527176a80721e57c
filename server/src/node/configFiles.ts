import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { CONFIG_FILE_NAMES, ConfigError, parseConfig, type Config } from '../core';
import { describeFsError } from './fsErrors';

/**
 * Finding a script's configuration file on disk, shared by the CLI and the language server so
 * that both apply the same file to the same script.
 */

/** A configuration file that applies to a script, read; or why it cannot be used. */
export type FoundConfig = { file: string; config: Config } | { file: string; problem: string };

/**
 * Reads and parses one configuration file: undefined when there is none at that path. `name` is
 * how messages call the file (a path relative to the working directory, say).
 */
export function readConfigFile(file: string, name: string = file): FoundConfig | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { file, problem: `${name}: cannot read the configuration file: ${describeFsError(e)}` };
  }
  try {
    return { file, config: parseConfig(text, name) };
  } catch (e) {
    return { file, problem: e instanceof ConfigError ? e.message : `${name}: ${String(e)}` };
  }
}

export function isConfigFile(path: string): boolean {
  return CONFIG_FILE_NAMES.some((name) => path.endsWith(`/${name}`) || path.endsWith(`\\${name}`));
}

/**
 * The nearest configuration file (callscript.config.yaml, then .yml, then .callscript.yaml) in a
 * directory or above it; null where there is none. With `cache`, each directory is looked up once
 * (call `clear` when a configuration file changes); without, every lookup reads the disk again.
 */
export class NearestConfig {
  private readonly byDir = new Map<string, FoundConfig | null>();

  constructor(
    public cache: boolean,
    private readonly nameOf: (file: string) => string = (file) => file,
  ) {}

  forFile(path: string): FoundConfig | null {
    return this.forDir(dirname(path));
  }

  clear(): void {
    this.byDir.clear();
  }

  private forDir(dir: string): FoundConfig | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: FoundConfig | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      found = readConfigFile(file, this.nameOf(file)) ?? null;
      if (found) break;
    }
    const parent = dirname(dir);
    if (!found && parent !== dir) found = this.forDir(parent);
    if (this.cache) this.byDir.set(dir, found);
    return found;
  }
}
