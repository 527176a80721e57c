/**
 * Language-server benchmark: the Callscript server against Red Hat's yaml-language-server (with
 * the same JSON schema), over stdio, on generated scripts of 100, 1,000 and 10,000 steps.
 * Prints a table and writes bench/results/lsp.json. Not a test: run it after `npx tsc -p .` with
 *
 *     node out/bench/lsp.js [--sizes 100,1000,10000] [--edits 20] [--requests 20] [--only callscript]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { REPO, uriOf } from '../test/server/client';
import { generateScript } from './generate';
import { measure, type Measurement } from './lsp/measure';
import { callscript, yamlLanguageServer, type ServerUnderTest } from './lsp/servers';

interface Options {
  sizes: number[];
  edits: number;
  requests: number;
  only: string | undefined;
}

function options(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    sizes: (value('sizes') ?? '100,1000,10000').split(',').map(Number).filter((n) => n > 0),
    edits: Number(value('edits') ?? 20),
    requests: Number(value('requests') ?? 20),
    only: value('only'),
  };
}

interface Row {
  steps: number;
  bytes: number;
  results: Record<string, Measurement | { error: string }>;
}

async function run(server: ServerUnderTest, root: string, file: string, text: string, opts: Options): Promise<Measurement | { error: string }> {
  const client = await server.start(root);
  try {
    return await measure(server, client, uriOf(file), text, opts.edits, opts.requests);
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    await client.stop();
  }
}

function table(rows: Row[], servers: ServerUnderTest[]): string {
  const head = ['steps', 'server', 'open→diag ms', 'edit→diag median', 'edit→diag p95', 'hover median', 'hover p95', 'completion median', 'completion p95', 'peak RSS MB'];
  const body: string[][] = [];
  for (const row of rows) {
    for (const s of servers) {
      const m = row.results[s.name];
      if (!m) continue;
      if ('error' in m) {
        body.push([String(row.steps), s.name, `error: ${m.error}`, '', '', '', '', '', '', '']);
        continue;
      }
      body.push([String(row.steps), s.name, String(m.openToDiagnosticsMs), String(m.editToDiagnostics.median), String(m.editToDiagnostics.p95), String(m.hover.median), String(m.hover.p95), String(m.completion.median), String(m.completion.p95), m.peakRssMb?.toFixed(0) ?? 'n/a']);
    }
    const a = row.results[callscript.name];
    const b = row.results[yamlLanguageServer.name];
    if (a && b && !('error' in a) && !('error' in b)) {
      body.push(['', 'speed-up', `${(b.openToDiagnosticsMs / a.openToDiagnosticsMs).toFixed(1)}x`, `${(b.editToDiagnostics.median / a.editToDiagnostics.median).toFixed(1)}x`, `${(b.editToDiagnostics.p95 / a.editToDiagnostics.p95).toFixed(1)}x`, '', '', '', '', '']);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const servers = [callscript, yamlLanguageServer].filter((s) => !opts.only || s.name === opts.only);
  const base = mkdtempSync(join(tmpdir(), 'callscript-lsp-bench-'));
  // An empty workspace folder, and the scripts beside it: the measured path is the editor's, not a start-up scan.
  const root = join(base, 'workspace');
  const files = join(base, 'scripts');
  mkdirSync(root);
  mkdirSync(files);
  const rows: Row[] = [];
  try {
    for (const steps of opts.sizes) {
      const text = generateScript(steps);
      const file = join(files, `generated-${steps}.call.yaml`);
      writeFileSync(file, text);
      const row: Row = { steps, bytes: Buffer.byteLength(text), results: {} };
      for (const server of servers) {
        process.stderr.write(`${server.name}: ${steps} steps…\n`);
        row.results[server.name] = await run(server, root, file, text, opts);
      }
      rows.push(row);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const output = table(rows, servers);
  process.stdout.write(`${output}\n`);
  const dir = join(REPO, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, edits: opts.edits, requests: opts.requests, rows };
  writeFileSync(join(dir, 'lsp.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exitCode = 1;
});
