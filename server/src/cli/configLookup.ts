import { resolve } from 'path';
import { defaultConfig, type Config } from '../core';
import { NearestConfig, readConfigFile } from '../node/configFiles';
import { CliError, complain } from './exit';
import { displayPath } from './files';

/**
 * Finds each script's configuration: `--config FILE` for all of them, else the nearest
 * configuration file in the script's directory or above, else the defaults. Lookups are cached
 * per directory, so a tree of scripts reads each configuration file once; a bad file is
 * reported once.
 */
export class ConfigLookup {
  private readonly nearest: NearestConfig;
  private readonly fixed: Config | undefined;
  private readonly reported = new Set<string>();

  /** Throws CliError when the configuration named on the command line cannot be used. */
  constructor(cwd: string, explicit?: string) {
    this.nearest = new NearestConfig(true, (file) => displayPath(file, cwd));
    if (explicit === undefined) return;
    const found = readConfigFile(resolve(cwd, explicit), explicit);
    if (!found) throw new CliError(`${explicit}: no such configuration file`);
    if ('problem' in found) throw new CliError(found.problem);
    this.fixed = found.config;
  }

  /** The configuration for a script, or undefined (after a one-line message) when it is bad. */
  forFile(file: string): Config | undefined {
    if (this.fixed) return this.fixed;
    const found = this.nearest.forFile(file);
    if (!found) return defaultConfig();
    if ('config' in found) return found.config;
    if (!this.reported.has(found.problem)) complain(found.problem);
    this.reported.add(found.problem);
    return undefined;
  }
}
