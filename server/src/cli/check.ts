import { readFileSync, statSync } from 'fs';
import { resolve } from 'path';
import { analyze, MAX_TEXT_LENGTH, severityRank, type Config } from '../core';
import type { CheckOptions } from './checkCommand';
import { ConfigLookup } from './configLookup';
import { CliError, complain, EXIT_FINDINGS, raiseExitCode } from './exit';
import { collectFiles, describeFsError, displayPath, writeOutput } from './files';
import { loadFormatter } from './formatters';
import { countSeverities, errorsOnly, toFileReport, type FileReport } from './report';
import { packageVersion } from './version';

/** A script to check: where it comes from and how reports name it. */
interface Source {
  /** absolute path, or undefined for stdin */
  file: string | undefined;
  /** absolute path whose directory decides the configuration */
  path: string;
  name: string;
}

/** Checks the scripts, writes the report and raises the exit code (1 for failing findings, 2 for unusable input). */
export async function runCheck(paths: string[], options: CheckOptions): Promise<void> {
  const cwd = process.cwd();
  const sources = gatherSources(paths, options, cwd);
  const configs = new ConfigLookup(cwd, options.config);
  const reports: FileReport[] = [];
  for (const source of sources) {
    const started = performance.now();
    const config = configs.forFile(source.path);
    const text = source.file === undefined ? await readStdin() : readScript(source.file, source.name);
    if (config === undefined || text === undefined) continue;
    const report = checkText(source.name, text, config, options.debug);
    if (report) reports.push(report);
    if (options.debug) process.stderr.write(`callscript: debug: ${source.name} checked in ${(performance.now() - started).toFixed(1)} ms\n`);
  }

  const counts = countSeverities(reports);
  const failRank = severityRank(options.failOn);
  const failing = reports.some((r) => r.findings.some((f) => severityRank(f.severity) >= failRank));
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  if (failing || tooManyWarnings) raiseExitCode(EXIT_FINDINGS);

  const format = await loadFormatter(options.format);
  const color = options.format === 'stylish' && options.output === undefined && options.color && (await import('picocolors')).default.isColorSupported;
  const report = format(options.quiet ? errorsOnly(reports) : reports, { color, version: packageVersion() });
  writeOutput(report, options.output, 'the report');
  if (tooManyWarnings) process.stderr.write(`callscript: too many warnings (${counts.warning}; at most ${options.maxWarnings} allowed)\n`);
}

/** The scripts named on the command line, or stdin under `--stdin-filename` (also for the path `-`). */
function gatherSources(paths: string[], options: CheckOptions, cwd: string): Source[] {
  const named = paths.filter((p) => p !== '-');
  const readsStdin = paths.length === 0 ? options.stdinFilename !== undefined : named.length < paths.length;
  if (paths.length === 0 && !readsStdin) throw new CliError('no paths to check; give files or directories (e.g. `callscript check scripts/`), or --stdin-filename NAME to read stdin');
  if (options.stdinFilename !== undefined && !readsStdin) throw new CliError('--stdin-filename names the script read from stdin: give no paths with it (or the path "-")');
  const sources: Source[] = [];
  if (readsStdin) {
    const path = resolve(cwd, options.stdinFilename ?? 'stdin');
    sources.push({ file: undefined, path, name: options.stdinFilename === undefined ? '<stdin>' : displayPath(path, cwd) });
  }
  for (const file of collectFiles(named, cwd)) sources.push({ file, path: file, name: displayPath(file, cwd) });
  return sources;
}

/** One script's report; analyze never throws, but if it ever did, the other files still get checked. */
function checkText(name: string, text: string, config: Config, debug: boolean | undefined): FileReport | undefined {
  try {
    return toFileReport(name, analyze(text, { config }));
  } catch (e) {
    complain(`${name}: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (debug) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return undefined;
  }
}

/** A UTF-8 script's text (a BOM kept: the core skips it), or undefined after a one-line message. */
function readScript(file: string, name: string): string | undefined {
  try {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit, so a larger file is over the core's limit
    // for sure: refuse it before reading it all into memory.
    if (statSync(file).size > 3 * MAX_TEXT_LENGTH) {
      complain(`${name}: too large to be a call script`);
      return undefined;
    }
    return readFileSync(file, 'utf8');
  } catch (e) {
    complain(`${name}: cannot read: ${describeFsError(e)}`);
    return undefined;
  }
}

async function readStdin(): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  } catch (e) {
    complain(`cannot read stdin: ${describeFsError(e)}`);
    return undefined;
  }
  return Buffer.concat(chunks).toString('utf8');
}

