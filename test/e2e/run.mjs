// End-to-end tests of Callscript in a real VS Code (code-server + Debian's Chromium), offline:
//   1. the UI test a person would recognise, with the extension installed from the .vsix users get:
//      open a broken example, see the squiggle and the Problems entry, hover a glossary term and read
//      its definition, trigger an objection snippet; screenshots in test-output/e2e/;
//   2. the extension's own mocha suite (out/test/vscode) in the extension host.
// Run by `npm test` after scripts/setup-vscode-e2e.sh. Last line: "N passed, M failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, E2E_DIR, startCodeServer, launchChromium, openWorkbench, closeWorkbench, runExtensionTests, ui } from './harness.mjs';

const OUT = path.join(ROOT, 'test-output/e2e');
const VSIX = path.join(ROOT, 'test-output/callscript.vsix');
const results = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function check(name, fn) {
  const start = Date.now();
  try {
    const value = await fn();
    results.push(true);
    console.log(`  ok   ${name} (${secs(Date.now() - start)})`);
    return value;
  } catch (err) {
    results.push(false);
    console.log(`  FAIL ${name} (${secs(Date.now() - start)})\n${String(err?.stack ?? err).replace(/^/gm, '       ')}`);
    return undefined;
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** A fresh workspace: the bundled examples plus a script with one broken reference. */
function makeWorkspace(name) {
  const ws = path.join(E2E_DIR, 'ws', `${name}-${process.pid}`);
  fs.rmSync(ws, { recursive: true, force: true });
  fs.mkdirSync(ws, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'examples'))) fs.copyFileSync(path.join(ROOT, 'examples', f), path.join(ws, f));
  fs.copyFileSync(path.join(ROOT, 'test/vscode/broken.call.yaml'), path.join(ws, 'broken.call.yaml'));
  return ws;
}

fs.mkdirSync(OUT, { recursive: true });
let browser;
const servers = [];
try {
  console.log('# package the extension');
  await check('npm run package builds the .vsix', () => {
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', VSIX], { cwd: ROOT, encoding: 'utf8' });
    assert(r.status === 0, `vsce exited ${r.status}: ${r.stderr}${r.stdout}`);
    assert(fs.statSync(VSIX).size > 10_000, 'the .vsix is not empty');
  });
  browser = await launchChromium();

  console.log('\n# UI test with the installed .vsix');
  const ws = makeWorkspace('ui');
  const cs = await startCodeServer({ folder: ws, installVsix: [VSIX] });
  servers.push(cs);
  const page = await openWorkbench(browser, cs, { folder: ws, waitForFile: 'broken.call.yaml' });
  await check('opening a broken script shows a squiggle', async () => {
    await ui.openFile(page, 'broken.call.yaml');
    await ui.squiggles(page, { min: 1, timeoutMs: 30_000 });
  });
  await check('the Problems panel lists the finding with its rule', async () => {
    const rows = await ui.problems(page, { waitFor: 'offr', timeoutMs: 20_000 });
    assert(rows.some((r) => /No step "offr"/.test(r)), `rows: ${rows.join(' | ')}`);
  });
  await check('hovering a glossary term shows its definition', async () => {
    await page.keyboard.press('Escape');
    const text = await ui.hoverWord(page, 'office', /contracts|umowy/i, { timeoutMs: 30_000 });
    assert(/back office/i.test(text), `hover: ${text}`);
  });
  await ui.screenshot(page, path.join(OUT, 'callscript-hover.png'));
  await check('an objection snippet can be inserted from completion', async () => {
    await insertObjectionSnippet(page);
  });
  await ui.screenshot(page, path.join(OUT, 'callscript-snippet.png'));
  await check('the flow preview opens beside an example and draws its steps', async () => {
    await ui.openFile(page, 'router-helpdesk.call.yaml');
    await ui.runCommand(page, 'Callscript: Open Flow Preview to the Side');
    const texts = await previewTexts(page, 'check-outage');
    for (const id of ['greeting', 'check-outage', 'restart-router']) assert(texts.some((t) => t.includes(id)), `the graph shows ${id}: ${texts.slice(0, 40).join(' | ')}`);
  });
  await ui.screenshot(page, path.join(OUT, 'callscript-preview.png'));
  await closeWorkbench(cs, page);

  console.log('\n# extension test suite in the extension host');
  const ws2 = makeWorkspace('suite');
  const cs2 = await startCodeServer({ folder: ws2 });
  servers.push(cs2);
  await check('the mocha suite in out/test/vscode passes', async () => {
    const r = await runExtensionTests(browser, cs2, { folder: ws2, devPath: ROOT, testsPath: path.join(ROOT, 'out/test/vscode/index.js'), timeoutMs: 180_000 });
    console.log(r.log.replace(/^/gm, '       '));
    assert(r.code === 0, `suite exited with ${r.code}${r.timedOut ? ' (timed out)' : ''}`);
  });
} catch (err) {
  results.push(false);
  console.log(`  FAIL ${String(err?.stack ?? err)}`);
} finally {
  await browser?.close().catch(() => {});
  for (const cs of servers) await cs.stop().catch(() => {});
}

/** The texts drawn in the flow preview's SVG, once one of them contains `expected` (webviews live in nested iframes). */
async function previewTexts(page, expected, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  let texts = [];
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => [...document.querySelectorAll('svg text')].map((t) => t.textContent ?? '')).catch(() => []);
      if (found.some((t) => t.includes(expected))) return found;
      if (found.length) texts = found;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the preview never showed "${expected}"; last texts: ${texts.slice(0, 20).join(' | ')}`);
}

/** At the end of broken.call.yaml, start an `objections:` section and accept the "too expensive" snippet. */
async function insertObjectionSnippet(page) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('objections:\n');
  await page.keyboard.press('Home');
  await page.keyboard.type('  too');
  await page.keyboard.press('Control+Space');
  const item = page.locator('.suggest-widget .monaco-list-row', { hasText: /expensive/i }).first();
  await item.waitFor({ timeout: 20_000 });
  await item.click();
  await page.locator('.editor-instance .view-lines', { hasText: /technique/ }).first().waitFor({ timeout: 10_000 });
}

const passed = results.filter(Boolean).length;
console.log(`\n${passed} passed, ${results.length - passed} failed`);
process.exit(results.length - passed === 0 ? 0 : 1);
