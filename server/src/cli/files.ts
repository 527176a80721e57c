import { mkdirSync, statSync, writeFileSync, type Stats } from 'fs';
import { dirname, relative, resolve, sep } from 'path';
import { CliError, complain } from './exit';
import { describeFsError } from '../node/fsErrors';

const SCRIPT_PATTERNS = ['**/*.call.yaml', '**/*.call.yml'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * The files to check, absolute, without repeats: each named file as it is, each directory's
 * call scripts in sorted order. A missing path or a directory without scripts is reported
 * (exit 2 at the end) and the other paths are still collected.
 */
export function collectFiles(paths: readonly string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let stats: Stats | undefined;
    try {
      stats = statSync(abs, { throwIfNoEntry: false });
    } catch (e) {
      complain(`${p}: ${describeFsError(e)}`);
      continue;
    }
    if (!stats) {
      complain(`${p}: no such file or directory`);
    } else if (stats.isDirectory()) {
      // Loaded only when a directory is searched: a named file needs no globbing.
      const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
      const found = globSync(SCRIPT_PATTERNS, { cwd: abs, absolute: true, dot: true, ignore: IGNORED }).map((f) => resolve(f));
      if (found.length === 0) complain(`no call scripts (*.call.yaml) found in ${p}`);
      for (const f of found.sort()) files.add(f);
    } else {
      files.add(abs);
    }
  }
  return [...files];
}

/** How a file is named in reports: relative to the working directory, with `/` separators. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs) || abs;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export { describeFsError };

/**
 * Writes a command's output to `output` (creating its folder), or to stdout when there is none;
 * `what` names it in the one-line error ("the report", "the graph").
 */
export function writeOutput(text: string, output: string | undefined, what: string): void {
  if (output === undefined) {
    if (text) process.stdout.write(text);
    return;
  }
  try {
    mkdirSync(dirname(resolve(output)), { recursive: true });
    writeFileSync(output, text);
  } catch (e) {
    throw new CliError(`${output}: cannot write ${what}: ${describeFsError(e)}`);
  }
}
