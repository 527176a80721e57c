import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { Browser } from 'playwright-core';
import { drawScript } from '../../client/src/preview/compute';
import { stateUri, type HostMessage } from '../../client/src/preview/protocol';
import { block, script } from '../helpers/script';
import { bundleWebview, DARK_THEME, launch, openPreview, ROOT, screenshotPath, until } from './page';

const HOSTILE = '</svg><script>alert(1)</script><img src=x onerror=alert(2)>';

async function graphMessage(text: string): Promise<HostMessage> {
  const result = await drawScript(text);
  assert.ok('drawing' in result, 'the script draws');
  return { type: 'graph', graph: result.drawing.graph, counts: result.drawing.counts, fit: true };
}

function example(): string {
  const file = resolve(ROOT, 'examples/fiber-winback.call.yaml');
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return script({
      steps: block(`
        greeting:
          ask: Is this a good time?
          branches:
            - when: "yes"
              next: offer
            - when: "no"
              outcome: resolved
        offer:
          say: We have a new offer for you.
          outcome: resolved
      `),
    });
  }
}

describe('preview: the webview page in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let bundle: string;

  before(async function () {
    browser = await launch();
    if (!browser) this.skip(); // no /usr/bin/chromium (apt-get install -y chromium); never downloaded
    bundle = await bundleWebview();
  });
  after(async () => browser?.close());

  it('draws every node of an example under the strict CSP, without violations', async () => {
    const p = await openPreview(browser!, bundle);
    const message = await graphMessage(example());
    await p.send(message);
    const drawn = await p.page.locator('#canvas g.node').count();
    assert.equal(drawn, (message as { graph: { nodes: unknown[] } }).graph.nodes.length);
    assert.ok(drawn > 10);
    assert.equal(await p.page.locator('#empty').isHidden(), true);
    assert.deepEqual(await p.violations(), []);
    await p.page.screenshot({ path: screenshotPath('example-light.png') });
    // Closer: zoomed in around the first step, as an author reads it.
    for (let i = 0; i < 4; i++) await p.page.locator('#zoom-in').click();
    const first = (message as { graph: { nodes: { id: string; kind: string }[] } }).graph.nodes.find((n) => n.kind === 'step')!;
    await p.send({ type: 'highlight', nodeId: first.id, scroll: true });
    await p.page.screenshot({ path: screenshotPath('example-zoomed.png') });
    await p.page.close();
  });

  it('posts a reveal message with the step when a node is clicked', async () => {
    const p = await openPreview(browser!, bundle);
    await p.send(await graphMessage(example()));
    const first = (await p.page.locator('#canvas g.node-step').first().getAttribute('data-node-id'))!;
    await p.page.locator(`#canvas g.node[data-node-id="${first}"] .node-box`).click();
    const reveals = (await p.posted()).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveals, [{ type: 'reveal', nodeId: first }]);
    assert.match(first, /^step:/);
    assert.equal(await p.page.locator(`#canvas g.node[data-node-id="${first}"]`).getAttribute('class').then((c) => c?.includes('selected')), true);
    // A drag that starts on a node pans and reveals nothing.
    const box = (await p.page.locator(`#canvas g.node[data-node-id="${first}"] .node-box`).boundingBox())!;
    await p.page.mouse.move(box.x + 5, box.y + 5);
    await p.page.mouse.down();
    await p.page.mouse.move(box.x + 120, box.y + 90, { steps: 5 });
    await p.page.mouse.up();
    assert.equal((await p.posted()).filter((m) => m.type === 'reveal').length, 1);
    await p.page.close();
  });

  it('keeps hostile step text as text: no script element, no dialog', async () => {
    const p = await openPreview(browser!, bundle);
    const text = script({
      steps: block(`
        greeting:
          say: ${JSON.stringify(HOSTILE)}
          branches:
            - when: ${JSON.stringify('<b onmouseover=alert(3)>x</b>')}
              outcome: resolved
      `),
    });
    await p.send(await graphMessage(text));
    assert.equal(await p.page.locator('script').count(), 1, 'only the page’s own script');
    assert.equal(await p.page.locator('#canvas script, #canvas img, #canvas b, #canvas foreignObject').count(), 0);
    const shown = await p.page.locator('#canvas g.node[data-node-id="step:greeting"]').textContent();
    assert.ok(shown?.includes('</svg><script>alert(1)</script>'), `drawn as text: ${shown}`);
    await p.page.locator('#canvas g.node[data-node-id="step:greeting"] .node-box').hover();
    await p.page.waitForTimeout(200);
    assert.deepEqual(p.dialogs, []);
    assert.deepEqual(await p.violations(), []);
    await p.page.screenshot({ path: screenshotPath('hostile.png') });
    await p.page.close();
  });

  it('highlights the step under the cursor, shows a banner for unparseable text, finds steps', async () => {
    const p = await openPreview(browser!, bundle, { theme: DARK_THEME, bodyClass: 'vscode-dark' });
    const message = await graphMessage(example());
    await p.send(message);
    const nodes = (message as { graph: { nodes: { id: string; kind: string }[] } }).graph.nodes;
    const last = nodes.filter((n) => n.kind === 'step').pop()!.id;
    await p.send({ type: 'highlight', nodeId: last, scroll: true });
    assert.match((await p.page.locator(`#canvas g.node[data-node-id="${last}"]`).getAttribute('class'))!, /\bselected\b/);
    const box = (await p.page.locator(`#canvas g.node[data-node-id="${last}"]`).boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= 800, 'scrolled into view');

    const broken = await drawScript('callscript: 1\nsteps: [unclosed\n');
    assert.ok('problem' in broken);
    await p.send({ type: 'problem', message: broken.problem, line: broken.line });
    assert.equal(await p.page.locator('#banner').isVisible(), true);
    assert.match((await p.page.locator('#banner').textContent())!, /Line \d+: .+/);
    assert.equal(await p.page.locator('#canvas g.node').count(), nodes.length, 'the last drawing stays');

    await p.page.locator('#search').fill('offer');
    assert.match((await p.page.locator('#search-status').textContent())!, /^1 of \d+$/);
    assert.ok((await p.page.locator('#canvas g.node.match').count()) >= 1);
    await p.page.locator('#search').fill('');
    await p.send({ type: 'action', action: 'fit' });
    await p.page.screenshot({ path: screenshotPath('example-dark.png') });
    await p.page.close();
  });

  it('keeps its script and its view in the webview state, for the serializer after a reload', async () => {
    const p = await openPreview(browser!, bundle);
    await p.send(await graphMessage(example()));
    await p.send({ type: 'document', uri: 'file:///work/scripts/fiber-winback.call.yaml' });
    await p.page.locator('#zoom-in').click();
    const state = (await p.page.evaluate('window.acquireVsCodeApi().getState()')) as { uri?: string; view?: unknown };
    assert.equal(state.uri, 'file:///work/scripts/fiber-winback.call.yaml');
    assert.ok(state.view, 'the view is saved beside the URI');
    assert.equal(stateUri(state), 'file:///work/scripts/fiber-winback.call.yaml');
    assert.equal(stateUri({ uri: 'javascript' }), undefined);
    assert.equal(stateUri(undefined), undefined);
    await p.page.close();
  });

  it('zooms with the buttons and the wheel, and exports a PNG drawn on a canvas', async () => {
    const p = await openPreview(browser!, bundle);
    await p.send(await graphMessage(example()));
    const scale = async (): Promise<number> => Number(/scale\(([\d.]+)\)/.exec((await p.page.locator('#canvas').getAttribute('style')) ?? '')?.[1] ?? NaN);
    const fitted = await scale();
    await p.page.locator('#zoom-in').click();
    assert.ok((await scale()) > fitted);
    await p.page.mouse.move(500, 400);
    await p.page.mouse.wheel(0, 400);
    await p.page.waitForTimeout(50);
    assert.ok((await scale()) < fitted * 1.25);
    await p.page.locator('#export-png').click();
    await until(p.page, 'window.__posted.some((m) => m.type === "exportPng" || m.type === "log")');
    const png = (await p.posted()).find((m) => m.type === 'exportPng' || m.type === 'log')!;
    assert.equal(png.type, 'exportPng', JSON.stringify(png).slice(0, 200));
    assert.match(png.dataUrl as string, /^data:image\/png;base64,iVBOR/);
    await p.page.locator('#export-svg').click();
    assert.ok((await p.posted()).some((m) => m.type === 'exportSvg'));
    assert.deepEqual(await p.violations(), []);
    await p.page.close();
  });
});
