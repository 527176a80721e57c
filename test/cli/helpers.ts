import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';

/** The CLI's entry point as users run it (tests run from out/test/cli). */
export const BIN = resolve(__dirname, '../../../server/bin/callscript.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `callscript ARGS` as a real process in `cwd`, without colour unless `env` asks for it. */
export function runCli(args: string[], cwd: string, options: { input?: string | Buffer; env?: Record<string, string>; uid?: number } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.FORCE_COLOR) delete env.FORCE_COLOR;
  delete env.CI; // picocolors colours output in CI even when it is not a terminal
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: options.input ?? '', env, uid: options.uid, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory holding the given files (path → content); removed by `cleanup`. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'callscript-cli-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The smallest valid script: no findings at all. */
export const VALID = `callscript: 1
id: tiny
title: Tiny
kind: helpdesk
direction: inbound
channel: phone
audience: b2c
languages: [en]
start: greet
steps:
  greet:
    say: "Hello, how can I help?"
    outcome: done
outcomes:
  done: { label: Done, success: true }
`;

/** VALID with a misspelt target on line 13, col 11–15 (an error) and the outcome left unused (info on line 15). */
export const BROKEN = VALID.replace('    outcome: done\n', '    next: clse\n');

/** VALID with an unused variable (a warning on line 10, col 3–10). */
export const WARNS = VALID.replace('start: greet\n', 'variables:\n  unused_x: { type: string }\nstart: greet\n');

/** Asserts that stderr holds only one-line `callscript: ...` messages and no stack trace. */
export function assertCleanStderr(stderr: string): void {
  assert.ok(!/^\s+at /m.test(stderr), `stack trace in stderr:\n${stderr}`);
  for (const line of stderr.split('\n').filter(Boolean)) assert.ok(line.startsWith('callscript: '), `unexpected stderr line: ${line}`);
}
