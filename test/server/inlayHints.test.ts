import { strict as assert } from 'assert';
import type { InlayHint, Range } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { FIBER, positionOf, scratchUri } from './fixtures';

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };

async function hints(client: TestClient, text: string, range = WHOLE): Promise<InlayHint[]> {
  const uri = scratchUri('hints');
  await client.open(uri, text);
  await client.diagnostics(uri, 1);
  return client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
}

describe('server: inlay hints', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: {} });
  });
  after(() => client.stop());

  it('shows the time to say each say and ask text, at its end', async () => {
    const found = await hints(client, FIBER);
    // greeting (2 languages), recording (2), needs (2), offer (2), close (2)
    assert.equal(found.length, 10);
    for (const h of found) assert.match(String(h.label), /^≈ \d+ s$/);
    const greetingPl = found.find((h) => h.position.line === positionOf(FIBER, 'pl: "Dzień dobry').line);
    assert.deepEqual(greetingPl?.position, positionOf(FIBER, '{customer_name}?"', 17));
    assert.equal(greetingPl?.label, '≈ 2 s');
    assert.match(String(greetingPl?.tooltip), /6 words at 150 words per minute/);
  });

  it('answers for the requested range only', async () => {
    const line = positionOf(FIBER, '  needs:').line;
    const found = await hints(client, FIBER, { start: { line, character: 0 }, end: { line: line + 2, character: 0 } });
    assert.equal(found.length, 2);
  });

  it('follows the speaking rate and can be switched off', async () => {
    const slow = await TestClient.start({ settings: { speakingRate: 60 } });
    const off = await TestClient.start({ settings: { inlayHints: { enabled: false } } });
    try {
      const found = await hints(slow, FIBER);
      assert.equal(found.find((h) => h.position.line === positionOf(FIBER, 'pl: "Dzień dobry').line)?.label, '≈ 6 s');
      assert.deepEqual(await hints(off, FIBER), []);
    } finally {
      await slow.stop();
      await off.stop();
    }
  });

  it('shows nothing for scripts that are not spoken', async () => {
    assert.deepEqual(await hints(client, FIBER.replace('channel: phone', 'channel: chat')), []);
  });
});
