/**
 * `npm run bench`: the core's full analysis (parse, source map, schema, all rules) against the floor
 * of plain js-yaml `load` + a compiled ajv validate of the same text, and a whole `callscript check`
 * process on each file. Medians of repeated runs, in one process, so the ratio is fair.
 */
import Ajv from 'ajv';
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { load } from 'js-yaml';
import { join, resolve } from 'path';
import { analyze } from '../server/src/core';
import schema from '../schemas/callscript.schema.json';
import { generateScript } from './generate';

const ROOT = resolve(__dirname, '../..');
const SIZES = [100, 1_000, 10_000];

/**
 * Median time of `fn` once warm: it runs for `warmMs` first (V8 optimises what runs often, so a
 * few runs of a small input would time the compiler, not the code), then for at least `measureMs`
 * and `minRuns` runs.
 */
function median(fn: () => unknown, { warmMs = 500, measureMs = 1500, minRuns = 7 } = {}): number {
  const warmUntil = performance.now() + warmMs;
  do fn();
  while (performance.now() < warmUntil);
  const times: number[] = [];
  const until = performance.now() + measureMs;
  while (times.length < minRuns || performance.now() < until) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

function main(): void {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const dir = join(ROOT, 'bench', 'generated');
  mkdirSync(dir, { recursive: true });
  const rows: Record<string, number | string>[] = [];
  for (const steps of SIZES) {
    const text = generateScript(steps);
    const file = join(dir, `steps-${steps}.call.yaml`);
    writeFileSync(file, text);
    const findings = analyze(text).findings.length;
    const floor = median(() => validate(load(text)));
    const full = median(() => analyze(text));
    const cli = median(() => {
      const r = spawnSync(process.execPath, [join(ROOT, 'server/bin/callscript.js'), 'check', file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`callscript check exited ${r.status}: ${r.stderr || r.stdout}`);
    }, { warmMs: 0, measureMs: 0, minRuns: 5 });
    rows.push({ steps, 'size (KB)': Math.round(text.length / 1024), findings, 'floor (ms)': floor.toFixed(1), 'analysis (ms)': full.toFixed(1), ratio: (full / floor).toFixed(2), 'cli process (ms)': cli.toFixed(0) });
  }
  console.table(rows);
  console.log('floor = js-yaml load + compiled ajv validate; analysis = parse + source map + schema + all rules; cli = whole `callscript check FILE` process');
}

main();
