// Harness for end-to-end tests in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) driven by
// playwright-core with Debian's /usr/bin/chromium, offline. Install first: scripts/setup-vscode-e2e.sh.
// The facts behind each choice are in /work/shared/vscode-e2e/NOTES.md; the "why" comments below name them.
//
//   const cs = await startCodeServer({ folder: ws });                 // fresh run dir, free port
//   const browser = await launchChromium();
//   try {
//     const page = await openWorkbench(browser, cs, { folder: ws, devPath: extDir, waitForFile: 'a.txt' });
//     await ui.openFile(page, 'a.txt');
//     await ui.hoverWord(page, 'foo', 'expected text');
//     const r = await runExtensionTests(browser, cs, { folder: ws, devPath: extDir, testsPath });
//   } finally { await browser.close(); await cs.stop(); }
//
// All paths handed to VS Code / the extension must be absolute (the LSP server is forked with another cwd).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E_DIR = path.resolve(process.env.VSCODE_E2E_DIR ?? path.join(ROOT, '.vscode-e2e'));
export const CODE_SERVER_ENTRY = path.join(E2E_DIR, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.VSCODE_E2E_CHROMIUM ?? '/usr/bin/chromium';
const KEEP_RUNS = 20; // old run dirs (logs) kept for debugging; older ones are pruned on start

// Written before start. Without them the "Get Started" walkthrough takes the editor and the keyboard focus;
// gpuAcceleration off makes terminal text real DOM (else it is drawn on a canvas).
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 100,
  'terminal.integrated.gpuAcceleration': 'off',
};

// Launch flags measured to work headless with Debian's Chromium (no GPU, no network chatter).
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// DOM selectors for VS Code 1.100.3.
export const sel = {
  workbench: '.monaco-workbench',
  statusbar: '.part.statusbar',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
  editorLines: '.editor-group-container.active .editor-instance .monaco-editor .view-lines',
  hover: '.monaco-hover:not(.hidden) .monaco-hover-content',
  squiggle: '.monaco-editor [class*="squiggly-"]',
  problemsPanel: '.markers-panel',
  problemsRow: '.markers-panel .monaco-list-row',
  statusProblems: '#status\\.problems',
  toast: '.notifications-toasts .notification-toast',
  terminalRows: '.terminal-wrapper .xterm .xterm-rows',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------
// code-server

const live = new Set(); // process group ids still running, killed on exit / Ctrl+C

function killGroup(pgid, signal) {
  try { process.kill(-pgid, signal); return true; } catch { return false; } // ESRCH: already gone
}
function groupAlive(pgid) {
  return killGroup(pgid, 0);
}
process.on('exit', () => { for (const pgid of live) killGroup(pgid, 'SIGKILL'); });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => { for (const pgid of live) killGroup(pgid, 'SIGKILL'); process.exit(128 + (sig === 'SIGINT' ? 2 : 15)); });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

// code-server honours these over its command line: $PORT beats --bind-addr, $PASSWORD sets a password,
// $CODE_SERVER_CONFIG/HOST..., and with $VSCODE_IPC_HOOK_CLI (a VS Code terminal) it tries to open the
// folder in that instance instead of starting.
function cleanEnv(extra) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k === 'PORT' || k === 'PASSWORD' || k === 'HASHED_PASSWORD' || k.startsWith('CODE_SERVER_') ||
        k.startsWith('VSCODE_IPC_HOOK')) delete env[k];
  }
  return { ...env, ...extra };
}

function pruneRuns(runsDir) {
  let names;
  try { names = fs.readdirSync(runsDir).sort(); } catch { return; }
  for (const name of names.slice(0, Math.max(0, names.length - KEEP_RUNS))) {
    fs.rmSync(path.join(runsDir, name), { recursive: true, force: true });
  }
}

function checkInstalled() {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}; run scripts/setup-vscode-e2e.sh`);
  }
}

// Common flags for every code-server invocation of a run. --config and XDG_DATA_HOME keep it from
// writing ~/.config/code-server/config.yaml and ~/.local/share/code-server/coder-logs (appended forever).
function baseArgs(cs) {
  return ['--config', cs.configFile, '--user-data-dir', cs.userDataDir, '--extensions-dir', cs.extensionsDir];
}

/** Install a .vsix into the run's (fresh) extensions dir. Call it before any page is opened. */
export function installVsix(cs, vsixPath) {
  const vsix = path.resolve(vsixPath);
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...baseArgs(cs), '--install-extension', vsix],
    { env: cs.env, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  fs.appendFileSync(path.join(cs.runDir, 'install-extension.log'), `$ --install-extension ${vsix}\n${r.stdout}${r.stderr}\n`);
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
}

/**
 * Start code-server in a fresh run dir (.vscode-e2e/runs/<id>: user data, extensions, logs) on a free port.
 * opts: folder (absolute; default folder), env (extra env for the server and so the extension host;
 * use absolute paths), settings (merged over DEFAULT_SETTINGS), installVsix (paths, installed before start),
 * timeoutMs (for /healthz). Resolves once /healthz answers; no extension runs until a page is opened.
 */
export async function startCodeServer(opts = {}) {
  checkInstalled();
  const runsDir = path.join(E2E_DIR, 'runs');
  pruneRuns(runsDir);
  const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const runDir = path.join(runsDir, id);
  const cs = {
    id, runDir,
    userDataDir: path.join(runDir, 'ud'),
    // A fresh extensions dir per run: VS Code writes extensions.json on first scan and then silently
    // ignores folders added later, so reusing a dir hides extensions.
    extensionsDir: path.join(runDir, 'ext'),
    configFile: path.join(runDir, 'config.yaml'),
    logFile: path.join(runDir, 'code-server.log'),
  };
  fs.mkdirSync(path.join(cs.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(cs.extensionsDir, { recursive: true });
  for (const d of ['xdg-data', 'xdg-cache']) fs.mkdirSync(path.join(runDir, d), { recursive: true });
  fs.writeFileSync(path.join(cs.userDataDir, 'User/settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2));
  fs.writeFileSync(cs.configFile, 'auth: none\ncert: false\n');
  // XDG_DATA_HOME: code-server's coder-logs and heartbeat; XDG_CACHE_HOME: @vscode/deviceid writes
  // ~/.cache/Microsoft/DeveloperTools/deviceid otherwise. The extension host and its children
  // (a language server) inherit both.
  cs.env = cleanEnv({ XDG_DATA_HOME: path.join(runDir, 'xdg-data'), XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'), ...opts.env });

  for (const vsix of [opts.installVsix ?? []].flat()) installVsix(cs, vsix);

  const folder = opts.folder ? path.resolve(opts.folder) : undefined;
  // A port from freePort() can be taken before code-server binds it: retry on an early exit.
  for (let attempt = 1; ; attempt++) {
    cs.port = await freePort();
    cs.host = `127.0.0.1:${cs.port}`;
    cs.url = `http://${cs.host}`;
    const args = [CODE_SERVER_ENTRY, ...baseArgs(cs), '--auth', 'none', '--bind-addr', cs.host,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', ...(folder ? [folder] : [])];
    const out = fs.openSync(cs.logFile, 'a');
    fs.writeSync(out, `$ node ${args.join(' ')}\n`);
    // detached: own process group, so stop() can kill the file watcher, extension hosts and language
    // servers too (killing only the code-server pid leaves them running).
    const child = spawn(process.execPath, args, { cwd: runDir, env: cs.env, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    cs.pid = child.pid;
    live.add(child.pid);
    let exited = null;
    child.on('exit', (code, signal) => { exited = { code, signal }; });
    try {
      await waitHealthy(cs, () => exited, opts.timeoutMs ?? 30_000);
      break;
    } catch (err) {
      killGroup(child.pid, 'SIGKILL');
      live.delete(child.pid);
      const log = fs.readFileSync(cs.logFile, 'utf8');
      if (exited && /EADDRINUSE/.test(log) && attempt < 3) continue;
      throw new Error(`${err.message}\n--- ${cs.logFile} (tail) ---\n${log.slice(-3000)}`);
    }
  }

  cs.stop = async () => {
    const pgid = cs.pid;
    killGroup(pgid, 'SIGTERM');
    for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(100);
    if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
    for (let i = 0; i < 20 && groupAlive(pgid); i++) await sleep(100);
    live.delete(pgid);
    return !groupAlive(pgid);
  };
  cs.extensionHostPids = () => groupProcesses(cs.pid).filter((p) => p.cmdline.includes('--type=extensionHost')).map((p) => p.pid);
  // The newest extension host log dir (ud/logs/<ts>/exthostN/...), for activation errors.
  cs.logsDir = () => {
    const dir = path.join(cs.userDataDir, 'logs');
    const names = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    return names.length ? path.join(dir, names.at(-1)) : undefined;
  };
  return cs;
}

/** Processes in a process group, from /proc (Linux): [{ pid, cmdline }]. */
function groupProcesses(pgid) {
  const found = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces, so split after the last ')'.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== pgid) continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      found.push({ pid: Number(name), cmdline });
    } catch { /* exited meanwhile */ }
  }
  return found;
}

async function waitHealthy(cs, exited, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (exited()) throw new Error(`code-server exited early (${JSON.stringify(exited())})`);
    try {
      const res = await fetch(`${cs.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error(`code-server did not answer ${cs.url}/healthz within ${timeoutMs} ms`);
}

// ---------------------------------------------------------------------------------------------------
// Chromium

/** Launch Debian's Chromium through playwright-core (never a downloaded browser). */
export async function launchChromium(opts = {}) {
  const home = path.join(E2E_DIR, 'chromium-home');
  fs.mkdirSync(home, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
    // Chromium creates ~/.config/chromium/Crash Reports whatever the profile: point XDG dirs of the
    // browser (only) into .vscode-e2e.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
    timeout: opts.timeoutMs ?? 60_000,
  });
}

// ---------------------------------------------------------------------------------------------------
// Workbench

const toArray = (x) => (x === undefined ? [] : [x].flat());

/**
 * The workbench URL. devPath (one or more extension folders) and testsPath go into the `payload`
 * parameter, like F5's Extension Development Host; code-server rejects them on its command line.
 * Their authority must be the host:port the page is served from.
 */
export function workbenchUrl(cs, { folder, devPath, testsPath } = {}) {
  const u = new URL(`${cs.url}/`);
  if (folder) u.searchParams.set('folder', path.resolve(folder));
  const remote = (p) => `vscode-remote://${cs.host}${path.resolve(p)}`;
  const payload = [
    ...toArray(devPath).map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...toArray(testsPath).map((p) => ['extensionTestsPath', remote(p)]),
  ];
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

/** Collects the page's console errors/warnings and page errors (page.e2eConsole) for failure reports. */
function recordConsole(page) {
  const lines = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') lines.push(`[${m.type()}] ${m.text()}`); });
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
  page.e2eConsole = lines;
  return lines;
}

/**
 * Open the workbench in a new browser context and wait for it. Each page load gets its own extension
 * host. opts: folder, devPath, testsPath, waitForFile (an explorer row; shows the remote connection is up),
 * viewport, timeoutMs. Close it with closeWorkbench(cs, page).
 */
export async function openWorkbench(browser, cs, opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  recordConsole(page);
  const timeout = opts.timeoutMs ?? 30_000;
  page.e2eHostsBefore = cs.extensionHostPids();
  await page.goto(workbenchUrl(cs, opts), { timeout });
  await page.locator(sel.workbench).waitFor({ timeout });
  if (opts.waitForFile) {
    await page.locator(sel.explorerRow, { hasText: opts.waitForFile }).first().waitFor({ timeout });
  }
  return page;
}

/**
 * Close a page from openWorkbench and make sure its extension host ends. A page closed while its
 * extension host is still starting leaves that host (and its language server) running until cs.stop():
 * code-server spawns it after the page is gone and keeps it for a 3 h reconnection grace time. So wait
 * for the page's host to appear first, close, give it a moment to exit by itself (it does once connected),
 * then SIGTERM what is left. Meant for pages opened one after another (it cannot tell two open pages' hosts apart).
 */
export async function closeWorkbench(cs, page, { hostWaitMs = 10_000 } = {}) {
  const before = new Set(page.e2eHostsBefore ?? []);
  const mine = () => cs.extensionHostPids().filter((pid) => !before.has(pid));
  for (const end = Date.now() + hostWaitMs; !mine().length && Date.now() < end;) await sleep(100);
  const pids = mine();
  await page.context().close().catch(() => {});
  for (let i = 0; i < 30 && mine().length; i++) await sleep(100);
  for (const pid of mine()) { try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ } }
  for (let i = 0; i < 30 && mine().length; i++) await sleep(100);
  return pids;
}

/**
 * Run an extension's own test suite (extensionTestsPath: a module exporting run(): Promise) in a fresh
 * page / extension host. The workbench calls window.codeAutomationExit(code) once run() settles (0 resolved,
 * 1 rejected) and forwards the extension host's console via window.codeAutomationLog(type, args).
 * Returns { code, log, timedOut, ms }; code is null on timeout.
 */
export async function runExtensionTests(browser, cs, { folder, devPath, testsPath, timeoutMs = 120_000, onLog } = {}) {
  const t0 = Date.now();
  const context = await browser.newContext();
  const page = await context.newPage();
  recordConsole(page);
  page.e2eHostsBefore = cs.extensionHostPids();
  const lines = [];
  let done;
  const exited = new Promise((resolve) => { done = resolve; });
  // exposeFunction before goto: the workbench looks these up when it needs them.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // mocha passes '%s' format strings, so format like console.log does.
    const line = Array.isArray(args) ? util.format(...args) : String(args);
    lines.push(type === 'error' || type === 'warn' ? `[${type}] ${line}` : line);
    onLog?.(type, line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  let timer;
  const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
  try {
    await page.goto(workbenchUrl(cs, { folder, devPath, testsPath }), { timeout: timeoutMs });
    const code = await Promise.race([exited, timedOut]);
    const to = code === 'timeout';
    if (to) lines.push(`[harness] no codeAutomationExit within ${timeoutMs} ms`, ...page.e2eConsole);
    return { code: to ? null : code, log: lines.join('\n'), timedOut: to, ms: Date.now() - t0 };
  } finally {
    clearTimeout(timer);
    // After run() the extension host exits by itself; after a timeout it would hang on: end it.
    await closeWorkbench(cs, page, { hostWaitMs: 0 });
  }
}

// ---------------------------------------------------------------------------------------------------
// UI helpers (page = a workbench page from openWorkbench)

function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

async function focusWorkbench(page) {
  // Click an empty spot of the status bar: it focuses the workbench without triggering anything.
  // (Keys pressed before the workbench has focus are lost.)
  const bar = page.locator(sel.statusbar);
  const box = await bar.boundingBox();
  if (!box) return;
  const y = box.y + box.height / 2;
  const x = await page.evaluate(({ bx, bw, y }) => {
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const x = bx + bw * f;
      const el = document.elementFromPoint(x, y);
      if (el && !el.closest('.statusbar-item')) return x;
    }
    return bx + bw * 0.5;
  }, { bx: box.x, bw: box.width, y });
  await page.mouse.click(x, y);
}

/** Press key (Control+P: files, F1: commands) until the quick input shows, retrying while focus settles. */
async function quickInput(page, key = 'Control+P', timeoutMs = 15_000) {
  const input = page.locator(sel.quickInput);
  const end = Date.now() + timeoutMs;
  for (;;) {
    await focusWorkbench(page);
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 1000 });
      return input;
    } catch (err) {
      if (Date.now() > end) throw new Error(`quick input did not open with ${key}: ${err.message}`);
    }
  }
}

/** Run a command from the palette by its full title, e.g. 'View: Toggle Word Wrap'. */
async function runCommand(page, title, timeoutMs = 15_000) {
  const input = await quickInput(page, 'F1', timeoutMs);
  await input.fill(`>${title}`);
  // Click the row whose label is exactly the title (Enter would take whatever ranks first).
  const row = page.locator(sel.quickInputRow).filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }),
  }).first();
  await row.waitFor({ timeout: timeoutMs });
  await row.click();
  await page.locator(sel.quickInput).waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Open a workspace file with Quick Open (Ctrl+P; needs rg on the server) and wait for its tab. */
async function openFile(page, name, timeoutMs = 15_000) {
  const input = await quickInput(page, 'Control+P', timeoutMs);
  await input.fill(name);
  const base = path.basename(name);
  // Click the row whose file name is exactly base (Enter would take whatever ranks first, e.g. a.txt.bak).
  const row = page.locator(sel.quickInputRow).filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(base)}\\s*$`) }),
  }).first();
  await row.waitFor({ timeout: timeoutMs });
  await row.click();
  await page.locator(sel.activeTab).filter({ hasText: base }).waitFor({ timeout: timeoutMs });
  await page.locator(sel.editorLines).first().waitFor({ timeout: timeoutMs });
}

/** Screen rectangle of the nth occurrence of word in the active editor's visible lines. */
async function wordRect(page, word, nth = 0) {
  return page.evaluate(({ linesSel, word, nth }) => {
    const lines = [...document.querySelectorAll(`${linesSel} .view-line`)]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    let seen = 0;
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.replace(/\u00a0/g, ' '); // Monaco renders spaces as &nbsp;
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
          if (seen++ < nth) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + word.length);
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
      }
    }
    return null;
  }, { linesSel: sel.editorLines, word, nth });
}

/**
 * Hover a word in the active editor and wait until the hover shows expectedText (string or RegExp);
 * returns the hover's text. A hover asked before the extension's provider is registered stays empty and
 * VS Code does not ask again while the mouse stays still, so move away and back until it appears.
 */
async function hoverWord(page, word, expectedText, { nth = 0, timeoutMs = 20_000 } = {}) {
  const end = Date.now() + timeoutMs;
  const hover = page.locator(sel.hover);
  const matches = (t) => (expectedText instanceof RegExp ? expectedText.test(t) : t.includes(expectedText ?? ''));
  let last = '';
  for (;;) {
    const r = await wordRect(page, word, nth);
    if (!r) throw new Error(`word "${word}" is not visible in the active editor`);
    await page.mouse.move(5, 5); // away (top-left corner, no hover there)
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 3 });
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      const texts = await hover.allInnerTexts().catch(() => []);
      last = texts.join('\n');
      if (texts.length && matches(last)) return last;
      await sleep(150);
    }
    if (Date.now() > end) throw new Error(`hover over "${word}" did not show ${expectedText}; last hover text: ${JSON.stringify(last)}`);
  }
}

/** Show the Problems panel and return its rows' aria-labels; waitFor (string/RegExp) waits for a row. */
async function problems(page, { waitFor, timeoutMs = 15_000 } = {}) {
  const panel = page.locator(sel.problemsPanel);
  const end = Date.now() + timeoutMs;
  // Ctrl+Shift+M toggles; press only while the panel is not visible.
  while (!(await panel.isVisible())) {
    if (Date.now() > end) throw new Error('Problems panel did not open');
    await focusWorkbench(page);
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 1000 }).catch(() => {});
  }
  const labels = async () => page.locator(sel.problemsRow).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
  for (;;) {
    const rows = await labels();
    const ok = !waitFor || rows.some((l) => (waitFor instanceof RegExp ? waitFor.test(l) : l.includes(waitFor)));
    if (ok) return rows;
    if (Date.now() > end) throw new Error(`no Problems row matching ${waitFor}; rows: ${JSON.stringify(rows)}`);
    await sleep(150);
  }
}

/** Squiggles in the visible editors, e.g. ['warning', 'error']; min waits until at least that many show. */
async function squiggles(page, { min = 0, timeoutMs = 15_000 } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const kinds = await page.locator(sel.squiggle).evaluateAll((els) =>
      els.map((e) => (/squiggly-(\w+)/.exec(e.className) ?? [])[1]).filter(Boolean));
    if (kinds.length >= min) return kinds;
    if (Date.now() > end) throw new Error(`expected at least ${min} squiggles, saw ${kinds.length}`);
    await sleep(150);
  }
}

/** Wait for a notification toast containing text (check right after the command: toasts hide themselves). */
async function toast(page, text, timeoutMs = 10_000) {
  const t = page.locator(sel.toast, { hasText: text }).first();
  await t.waitFor({ timeout: timeoutMs });
  return t.innerText();
}

async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

export const ui = { focusWorkbench, quickInput, runCommand, openFile, wordRect, hoverWord, problems, squiggles, toast, screenshot };
