import { strict as assert } from 'assert';
import { drawScript } from '../../client/src/preview/compute';
import { escapeHtml, previewHtml } from '../../client/src/preview/html';
import { isWebviewMessage } from '../../client/src/preview/protocol';
import { generateScript } from '../../bench/generate';
import { block, script } from '../helpers/script';

describe('preview: drawing in the extension host', function () {
  this.timeout(120_000);

  it('draws a script with its finding counts', async () => {
    const result = await drawScript(script({ steps: '{ greeting: { say: "Hi {who}", outcome: resolved } }' }));
    assert.ok('drawing' in result);
    assert.equal(result.drawing.counts.error, 1);
    assert.ok(result.drawing.graph.nodes.find((n) => n.id === 'step:greeting')?.findings.length);
  });

  it('says why a script cannot be drawn: the first syntax problem and its line', async () => {
    const result = await drawScript('callscript: 1\nid: x\nsteps:\n  a: [unclosed\n');
    assert.ok('problem' in result);
    assert.match(result.problem, /YAML/);
    assert.equal(typeof result.line, 'number');
    const notScript = await drawScript('name: x\n');
    assert.ok('problem' in notScript && /not a call script/.test(notScript.problem));
  });

  it('flags the findings it is given instead of its own (the language server’s)', async () => {
    const text = script({ steps: block(`
      greeting:
        say: Hi {who}
        outcome: resolved
    `) });
    const result = await drawScript(text, (lines) => [{ ruleId: 'custom', severity: 'info', message: 'from the server', start: lines.offsetAt({ line: 8, character: 4 }), end: lines.offsetAt({ line: 8, character: 8 }) }]);
    assert.ok('drawing' in result);
    const greeting = result.drawing.graph.nodes.find((n) => n.id === 'step:greeting')!;
    assert.deepEqual(greeting.findings.map((f) => f.ruleId), ['custom']);
    assert.deepEqual(result.drawing.counts, { error: 0, warning: 0, info: 1, hint: 0 });
  });

  it('redraws a 200-step script within 300 ms of typing stopping (150 ms debounce + drawing)', async () => {
    const text = generateScript(200);
    await drawScript(text); // the first drawing of a session also compiles ELK
    await drawScript(text.replace('Question number 7 ', 'Question number 7b '));
    // Typing in a step's text: the boxes keep their sizes, so the layout is reused.
    const times: number[] = [];
    for (const word of ['x', 'xy', 'xyz']) {
      const t0 = performance.now();
      const r = await drawScript(text.replace('Question number 5 ', `Question number 5 ${word} `));
      times.push(performance.now() - t0);
      assert.ok('drawing' in r);
    }
    times.sort((a, b) => a - b);
    assert.ok(times[1] + 150 < 300, `median redraw ${times[1].toFixed(0)} ms`);
  });
});

describe('preview: the page', () => {
  const page = previewHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x.vscode-cdn.net/dist/webview/main.js', title: 'Flow: <evil>.call.yaml' });

  it('has a strict content security policy with a nonce', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
    assert.ok(csp);
    assert.match(csp, /^default-src 'none'; script-src 'nonce-abc123'; style-src https:\/\/x\.vscode-cdn\.net 'nonce-abc123'; img-src https:\/\/x\.vscode-cdn\.net blob: data:;/);
    assert.ok(!/unsafe-(inline|eval)/.test(csp));
    assert.match(page, /<script nonce="abc123" src="https:\/\/x\.vscode-cdn\.net\/dist\/webview\/main\.js"><\/script>/);
    assert.equal((page.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
    assert.match(page, /<style nonce="abc123">/);
  });

  it('escapes what it shows of the file name', () => {
    assert.match(page, /<title>Flow: &#60;evil&#62;\.call\.yaml<\/title>/);
    assert.equal(escapeHtml(`<a href="x">'&`), `&#60;a href=&#34;x&#34;&#62;'&#38;`);
  });
});

describe('preview: messages from the webview', () => {
  it('accepts only well-formed messages', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'reveal', nodeId: 'step:greeting' }));
    assert.ok(isWebviewMessage({ type: 'exportPng', dataUrl: 'data:image/png;base64,AAAA' }));
    for (const bad of [null, 'ready', {}, { type: 'reveal' }, { type: 'reveal', nodeId: 3 }, { type: 'exportPng', dataUrl: 'javascript:alert(1)' }, { type: 'openFile', path: '/etc/passwd' }]) {
      assert.equal(isWebviewMessage(bad), false, JSON.stringify(bad));
    }
  });
});
