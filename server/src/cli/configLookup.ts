import { readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { CONFIG_FILE_NAMES, ConfigError, defaultConfig, parseConfig, type Config } from '../core';
import { CliError, complain } from './exit';
import { describeFsError, displayPath } from './files';

/** A directory's configuration, or why its configuration file cannot be used (reported once). */
type Found = { config: Config } | { problem: string; reported: boolean };

/**
 * Finds each script's configuration: `--config FILE` for all of them, else the nearest
 * configuration file in the script's directory or above, else the defaults. Results are cached
 * per directory, so a tree of scripts reads each configuration file once.
 */
export class ConfigLookup {
  private readonly byDir = new Map<string, Found>();
  private readonly fixed: Config | undefined;

  /** Throws CliError when the configuration named on the command line cannot be used. */
  constructor(private readonly cwd: string, explicit?: string) {
    if (explicit === undefined) return;
    const found = this.load(resolve(cwd, explicit));
    if (!found) throw new CliError(`${explicit}: no such configuration file`);
    if ('problem' in found) throw new CliError(found.problem);
    this.fixed = found.config;
  }

  /** The configuration for a script, or undefined (after a one-line message) when it is bad. */
  forFile(file: string): Config | undefined {
    const found = this.fixed ? { config: this.fixed } : this.forDir(dirname(file));
    if ('config' in found) return found.config;
    if (!found.reported) complain(found.problem);
    found.reported = true;
    return undefined;
  }

  private forDir(dir: string): Found {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let found: Found | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      found = this.load(join(dir, name));
      if (found) break;
    }
    const parent = dirname(dir);
    found ??= parent === dir ? { config: defaultConfig() } : this.forDir(parent);
    this.byDir.set(dir, found);
    return found;
  }

  /** Reads and parses one configuration file; undefined when there is none at that path. */
  private load(file: string): Found | undefined {
    const name = displayPath(file, this.cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return { problem: `${name}: cannot read the configuration file: ${describeFsError(e)}`, reported: false };
    }
    try {
      return { config: parseConfig(text, name) };
    } catch (e) {
      if (e instanceof ConfigError) return { problem: e.message, reported: false };
      throw e;
    }
  }
}
