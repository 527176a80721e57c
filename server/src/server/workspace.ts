import { readFile } from 'fs/promises';
import { fileURLToPath, pathToFileURL } from 'url';
import { glob } from 'tinyglobby';

/** Call scripts, as the CLI finds them. */
export const SCRIPT_GLOBS = ['**/*.call.yaml', '**/*.call.yml'];
export const GLOSSARY_GLOB = '**/*.glossary.yaml';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Larger files are not read from disk for workspace diagnostics (open them to check them). */
const MAX_DISK_FILE = 32 * 1024 * 1024;

export function isScriptPath(path: string): boolean {
  return /\.call\.ya?ml$/i.test(path);
}

export function isGlossaryPath(path: string): boolean {
  return /\.glossary\.yaml$/i.test(path);
}

/** The file-system path of a `file:` URI; undefined for other schemes (untitled documents, ...). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** The workspace's folders and the files in them that the server reads from disk. */
export class WorkspaceFolders {
  constructor(readonly folders: readonly string[]) {}

  contains(path: string): boolean {
    return this.folders.some((f) => path === f || path.startsWith(f.endsWith('/') || f.endsWith('\\') ? f : `${f}/`) || path.startsWith(`${f}\\`));
  }

  /** Every call script and every workspace glossary under the folders, node_modules and .git left out. */
  async scan(): Promise<{ scripts: string[]; glossaries: string[] }> {
    const scripts: string[] = [];
    const glossaries: string[] = [];
    for (const cwd of this.folders) {
      const found = await glob([...SCRIPT_GLOBS, GLOSSARY_GLOB], { cwd, absolute: true, dot: true, ignore: IGNORED }).catch(() => []);
      for (const file of found.sort()) (isGlossaryPath(file) ? glossaries : scripts).push(file);
    }
    return { scripts, glossaries };
  }
}

/** A file's text, or undefined when it cannot be read or is too large to be a script. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_DISK_FILE) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}
