import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { CONFIG_FILE_NAMES, ConfigError, parseConfig, type Config } from '../core';

/** The configuration file that applies to a script, read; or why it cannot be used. */
export type FoundConfig = { file: string; config: Config } | { file: string; problem: string };

/**
 * Finds a script's configuration file as the CLI does: the nearest `callscript.config.yaml`
 * (then `.yml`, then `.callscript.yaml`) in the script's directory or above. Lookups are cached
 * per directory while the client watches configuration files for us (`clear` on a change);
 * without a watcher every lookup reads the disk again, so edits are never missed.
 */
export class ConfigFiles {
  private readonly byDir = new Map<string, FoundConfig | null>();
  cache = false;

  forFile(path: string): FoundConfig | undefined {
    return this.forDir(dirname(path)) ?? undefined;
  }

  clear(): void {
    this.byDir.clear();
  }

  static isConfigFile(path: string): boolean {
    return CONFIG_FILE_NAMES.some((name) => path.endsWith(`/${name}`) || path.endsWith(`\\${name}`));
  }

  private forDir(dir: string): FoundConfig | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: FoundConfig | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      const text = readIfExists(file);
      if (text === undefined) continue;
      try {
        found = { file, config: parseConfig(text, file) };
      } catch (e) {
        found = { file, problem: e instanceof ConfigError ? e.message : `${file}: ${String(e)}` };
      }
      break;
    }
    const parent = dirname(dir);
    if (!found && parent !== dir) found = this.forDir(parent);
    if (this.cache) this.byDir.set(dir, found);
    return found;
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
