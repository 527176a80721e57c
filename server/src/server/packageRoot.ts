import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

let cached: string | null | undefined;

/**
 * The directory of the installed `callscript` package: the nearest package.json named
 * "callscript" above this file. Found by walking up, so it works from the compiled tree (out/)
 * and from a bundle (dist/) alike. Undefined when the code runs outside the package.
 */
export function packageRoot(from: string = __dirname): string | undefined {
  if (cached !== undefined && from === __dirname) return cached ?? undefined;
  let found: string | null = null;
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'callscript') {
      found = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (from === __dirname) cached = found;
  return found ?? undefined;
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** The package's version, for `serverInfo` and `--version`. */
export function packageVersion(): string {
  const root = packageRoot();
  try {
    return root ? ((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0') : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
