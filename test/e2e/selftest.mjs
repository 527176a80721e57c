// Self-test of the VS Code e2e setup and harness, on the fixture extension in test/e2e/fixture.
//   node test/e2e/selftest.mjs [--no-vsix]
// Phases: setup check; code-server + Chromium; UI smoke with the fixture loaded as a development
// extension (URL payload); the fixture's extensionTestsPath suite (must pass) and a failing one (must
// report code 1); the fixture packaged as a .vsix and installed into a fresh code-server; clean shutdown.
// Screenshots: test-output/e2e/. Last line: "N passed, M failed"; exit code 1 if anything failed.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT, E2E_DIR, startCodeServer, launchChromium, openWorkbench, closeWorkbench, runExtensionTests, ui,
} from './harness.mjs';

const FIXTURE = path.join(ROOT, 'test/e2e/fixture');
const OUT = path.join(ROOT, 'test-output/e2e');
const WITH_VSIX = !process.argv.includes('--no-vsix');

const results = [];
const timings = [];
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** One check: records pass/fail and its time; returns fn's value, or undefined if it failed. */
async function check(name, fn) {
  const start = Date.now();
  try {
    const value = await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${secs(Date.now() - start)})`);
    return value;
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name} (${secs(Date.now() - start)})\n${indent(err?.stack ?? String(err))}`);
    return undefined;
  }
}
const indent = (s) => String(s).split('\n').map((l) => `       ${l}`).join('\n');
function phase(name) {
  const start = Date.now();
  console.log(`\n# ${name}`);
  return () => timings.push([name, Date.now() - start]);
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

// code-server, @vscode/deviceid and Chromium write into $HOME unless the harness redirects them
// (~/.config/code-server, ~/.local/share/code-server, ~/.cache/Microsoft, ~/.config/chromium, ...):
// snapshot these dirs and report new entries at the end.
const HOME_DIRS = ['', '.cache', '.config', '.local', '.local/share'].map((d) => path.join(os.homedir(), d));
const homeEntries = () => new Set(HOME_DIRS.flatMap((d) => {
  try { return fs.readdirSync(d).map((n) => path.join(d, n)); } catch { return []; }
}));
const homeBefore = homeEntries();

// A throwaway workspace (absolute path) with a file for the fixture's hover and diagnostic.
const ws = path.join(E2E_DIR, 'ws', `selftest-${process.pid}`);
fs.rmSync(ws, { recursive: true, force: true });
fs.mkdirSync(ws, { recursive: true });
fs.writeFileSync(path.join(ws, 'hello.txt'), 'Hello from the fixture workspace.\nTODO: replace this line\n');
fs.writeFileSync(path.join(ws, 'hello.txt.bak'), 'a decoy: Quick Open must pick hello.txt itself\n');
fs.mkdirSync(OUT, { recursive: true });

let cs;
let browser;
try {
  let done = phase('setup');
  await check('scripts/setup-vscode-e2e.sh succeeds (fast when installed)', () => {
    const r = spawnSync('bash', [path.join(ROOT, 'scripts/setup-vscode-e2e.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    process.stdout.write(indent(r.stdout.trim()) + '\n');
    assert(r.status === 0, `exit ${r.status}\n${r.stderr}`);
  });
  done();

  done = phase('start code-server + Chromium');
  cs = await check('code-server answers /healthz', async () => {
    const s = Date.now();
    const c = await startCodeServer({ folder: ws });
    console.log(`       ${c.url} pid ${c.pid} run dir ${c.runDir} (healthz after ${secs(Date.now() - s)})`);
    return c;
  });
  browser = await check('Chromium launches (playwright-core, /usr/bin/chromium)', () => launchChromium());
  done();
  if (!cs || !browser) throw new Error('cannot continue without code-server and Chromium');

  done = phase('UI smoke (fixture as development extension)');
  const page = await check('workbench opens with the fixture as Extension Development Host', async () => {
    const p = await openWorkbench(browser, cs, { folder: ws, devPath: FIXTURE, waitForFile: 'hello.txt' });
    const title = await p.title();
    assert(title.startsWith('[Extension Development Host]'), `title: ${title}`);
    return p;
  });
  if (page) {
    await check('Quick Open opens hello.txt (ripgrep on the server)', () => ui.openFile(page, 'hello.txt'));
    await check('warning squiggle on TODO', async () => {
      const kinds = await ui.squiggles(page, { min: 1 });
      assert(kinds.includes('warning'), `squiggles: ${kinds}`);
    });
    await check('hover over "fixture" shows the provider text', async () => {
      const text = await ui.hoverWord(page, 'fixture', 'Fixture hover for');
      assert(text.includes('fixture'), `hover: ${text}`);
      await ui.screenshot(page, path.join(OUT, 'selftest-hover.png'));
    });
    await check('Problems panel lists the diagnostic', async () => {
      const rows = await ui.problems(page, { waitFor: 'FIXTURE-DIAG: TODO found' });
      console.log(indent(rows.join('\n')));
    });
    await check('command palette runs "Callscript Fixture: Say Hello" (notification)', async () => {
      await ui.runCommand(page, 'Callscript Fixture: Say Hello');
      await ui.toast(page, 'Hello from the Callscript fixture');
    });
    await check('screenshot', () => ui.screenshot(page, path.join(OUT, 'selftest-smoke.png')));
    await check('closeWorkbench ends the page\'s extension host', async () => {
      const pids = await closeWorkbench(cs, page);
      assert(pids.length === 1, `extension hosts of the page: ${pids}`);
      assert(!cs.extensionHostPids().length, `still running: ${cs.extensionHostPids()}`);
    });
  }
  done();

  done = phase('extensionTestsPath suites');
  await check('fixture suite passes (code 0)', async () => {
    const r = await runExtensionTests(browser, cs, {
      folder: ws, devPath: FIXTURE, testsPath: path.join(FIXTURE, 'suite/index.js'), timeoutMs: 60_000,
    });
    console.log(indent(`code ${r.code} in ${secs(r.ms)}\n${r.log.split('\n').filter((l) => /ok -|FAIL|fixture suite|\[fixture\]/.test(l)).join('\n')}`));
    assert(r.code === 0, `code ${r.code}\n${r.log}`);
    assert(/fixture suite: 5 passed, 0 failed/.test(r.log), `suite summary missing from log:\n${r.log}`);
  });
  await check('failing suite reports code 1', async () => {
    const r = await runExtensionTests(browser, cs, {
      folder: ws, devPath: FIXTURE, testsPath: path.join(FIXTURE, 'suite/failing.js'), timeoutMs: 60_000,
    });
    console.log(indent(`code ${r.code} in ${secs(r.ms)}`));
    assert(r.code === 1, `code ${r.code}\n${r.log}`);
    assert(r.log.includes('about to fail on purpose'), `log:\n${r.log}`);
  });
  await check('no extension host left after the suites', () => {
    assert(!cs.extensionHostPids().length, `still running: ${cs.extensionHostPids()}`);
  });
  done();

  done = phase('stop code-server');
  await check('stop() ends the whole process group', async () => {
    const ok = await cs.stop();
    assert(ok, `process group ${cs.pid} still alive`);
    cs = undefined;
  });
  done();

  if (WITH_VSIX) {
    done = phase('.vsix install');
    const vsix = path.join(OUT, 'callscript-e2e-fixture.vsix');
    const packaged = await check('vsce packages the fixture', () => {
      fs.rmSync(vsix, { force: true });
      const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
      const r = spawnSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--skip-license',
        '--no-dependencies', '--out', vsix], { cwd: FIXTURE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert(r.status === 0 && fs.existsSync(vsix), `vsce exit ${r.status}\n${r.stdout}${r.stderr}`);
      return true;
    });
    if (packaged) {
      cs = await check('code-server starts with the .vsix installed', () => startCodeServer({ folder: ws, installVsix: [vsix] }));
      if (cs) {
        await check('installed fixture gives hover + squiggle in a normal window', async () => {
          const p = await openWorkbench(browser, cs, { folder: ws, waitForFile: 'hello.txt' });
          try {
            const title = await p.title();
            assert(!title.startsWith('[Extension Development Host]'), `title: ${title}`);
            await ui.openFile(p, 'hello.txt');
            await ui.squiggles(p, { min: 1 });
            await ui.hoverWord(p, 'fixture', 'Fixture hover for');
            await ui.screenshot(p, path.join(OUT, 'selftest-vsix.png'));
          } finally {
            await closeWorkbench(cs, p);
          }
        });
        await check('stop() ends the whole process group (vsix run)', async () => {
          assert(await cs.stop(), `process group ${cs.pid} still alive`);
          cs = undefined;
        });
      }
    }
    done();
  }
} catch (err) {
  results.push({ name: 'selftest aborted', ok: false });
  console.log(`  FAIL selftest aborted\n${indent(err?.stack ?? err)}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (cs) await cs.stop().catch(() => {});
  fs.rmSync(ws, { recursive: true, force: true });
}

await check('nothing new in $HOME (~/.config, ~/.cache, ~/.local/share)', () => {
  const added = [...homeEntries()].filter((p) => !homeBefore.has(p));
  assert(!added.length, `created: ${added.join(', ')}`);
});

console.log('\n# timings');
for (const [name, ms] of timings) console.log(`  ${name.padEnd(48)} ${secs(ms)}`);
console.log(`  ${'total'.padEnd(48)} ${secs(Date.now() - t0)}`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
