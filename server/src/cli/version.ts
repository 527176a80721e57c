import { readFileSync } from 'fs';
import { dirname, join } from 'path';

let cached: string | undefined;

/** The version in Callscript's package.json, found by walking up from this file (it runs from out/). */
export function packageVersion(): string {
  if (cached) return cached;
  for (let dir = __dirname; ; ) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'callscript' && pkg.version) return (cached = pkg.version);
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = '0.0.0');
    dir = parent;
  }
}
