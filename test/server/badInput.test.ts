import { strict as assert } from 'assert';
import type { Position } from 'vscode-languageserver-protocol';
import { generateScript } from '../../bench/generate';
import { TestClient } from './client';
import { FIBER, scratchUri } from './fixtures';

/** The checker's bad-input list: each must leave the server answering. */
const BAD: [string, () => string][] = [
  ['an unclosed quote', () => FIBER.replace('"This call is recorded."', '"This call is recorded.')],
  ['bad indentation', () => FIBER.replace('    next: needs', '      next: needs').replace('  needs:', ' needs:')],
  ['tabs for indentation', () => FIBER.replace(/^ {4}/gm, '\t')],
  ['duplicate keys', () => FIBER.replace('  close:\n', '  offer:\n    say: again\n  close:\n').replace('outcomes:\n', 'outcomes:\n  sale: { label: Again }\n') + 'steps: {}\n'],
  ['an empty document', () => ''],
  ['only white space and comments', () => '\n\n   \n# nothing here\n'],
  ['another kind of YAML', () => 'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n'],
  ['several documents', () => `${FIBER}---\n${FIBER}---\nfoo: bar\n`],
  [
    'wrong types everywhere',
    () =>
      'callscript: "one"\nid: 42\ntitle: [a]\nkind: {}\ndirection: 7\nlanguages: pl\nstart: [x]\nvariables: [x]\ncompliance: yes\n' +
      'steps:\n  a: [1]\n  b: text\n  c:\n    say: 5\n    ask: [1, 2]\n    next: [s]\n    branches: x\n    objections: { a: 1 }\n    capture: {}\n    transfer: 3\n  d:\n    branches:\n      - 1\n      - when: [x]\n        next: {}\n' +
      'objections:\n  o: x\n  p: { reply: [1], resume: 7, technique: 9 }\noutcomes:\n  s: [1]\n  t: { label: {}, success: maybe }\n',
  ],
  ['a 10 MB file', () => generateScript(38000)],
  ['nesting 10,000 deep (flow)', () => `callscript: 1\nsteps: ${'['.repeat(10000)}${']'.repeat(10000)}\n`],
  ['nesting 10,000 deep (maps)', () => `callscript: 1\nsteps: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n`],
  ['nesting deep in blocks', () => `callscript: 1\nsteps:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')} x\n`],
  [
    'an alias bomb',
    () => {
      const lines = ['callscript: 1', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
      lines.push('steps: *a9');
      return `${lines.join('\n')}\n`;
    },
  ],
  ['a recursive alias', () => 'callscript: 1\nsteps: &s\n  a: *s\n'],
  ['binary junk', () => Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
  ['lone surrogates and odd line breaks', () => `callscript: 1\nid: \uD800x\ntitle: "\uDC00"\r\rsteps:\u2028  a: b\u0085\n`],
  ['a BOM and CRLF line endings', () => `\uFEFF${FIBER.replace(/\n/g, '\r\n')}`],
  ['CR line endings only', () => FIBER.replace(/\n/g, '\r')],
];

const REQUESTS = ['hover', 'completion', 'definition', 'references', 'prepareRename', 'documentSymbol', 'foldingRange', 'codeAction', 'inlayHint'];

/** Every kind of request at `position`: each must be answered (with a result, null or nothing), none may fail. */
async function exercise(client: TestClient, uri: string, position: Position): Promise<void> {
  const textDocument = { uri };
  const range = { start: position, end: position };
  const params: Record<string, unknown> = {
    hover: { textDocument, position },
    completion: { textDocument, position },
    definition: { textDocument, position },
    references: { textDocument, position, context: { includeDeclaration: true } },
    prepareRename: { textDocument, position },
    documentSymbol: { textDocument },
    foldingRange: { textDocument },
    codeAction: { textDocument, range, context: { diagnostics: [] } },
    inlayHint: { textDocument, range: { start: { line: 0, character: 0 }, end: { line: position.line + 50, character: 0 } } },
  };
  for (const method of REQUESTS) {
    await client.request(`textDocument/${method}`, params[method]);
  }
}

/** Positions to poke at: the start, the middle and the end of a text. */
function probes(text: string): Position[] {
  const lines = text.split(/\r\n|\r|\n/);
  const mid = Math.floor(lines.length / 2);
  const last = lines.length - 1;
  return [
    { line: 0, character: 0 },
    { line: mid, character: Math.floor((lines[mid]?.length ?? 0) / 2) },
    { line: last, character: lines[last]?.length ?? 0 },
    { line: last + 5, character: 99 },
  ];
}

describe('server: bad input', function () {
  this.timeout(180000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: {} });
  });
  after(async () => {
    assert.ok(client.alive, 'the server is still running');
    assert.doesNotMatch(client.errors, /uncaught|unhandled/i);
    // Survived, and no feature failed on the way (a failure is logged and answered with null).
    assert.deepEqual(client.logs.filter((l) => / failed/.test(l)), []);
    await client.stop();
  });

  for (const [name, make] of BAD) {
    it(`survives ${name}, opened and edited into and out of validity`, async () => {
      const bad = make();
      const uri = scratchUri('bad');
      await client.open(uri, bad);
      await client.diagnostics(uri, 1, 120000);
      for (const p of probes(bad)) await exercise(client, uri, p);

      let version = await client.replace(uri, FIBER);
      for (const p of probes(FIBER)) await exercise(client, uri, p);
      assert.deepEqual(await client.diagnostics(uri, version, 120000), []);

      version = await client.replace(uri, bad);
      // Asked before the new text is analysed: answered from the last analysis.
      await client.hover(uri, probes(bad)[1]);
      await client.completion(uri, probes(bad)[1]);
      await client.diagnostics(uri, version, 120000);
      for (const p of probes(bad)) await exercise(client, uri, p);

      // Typing into the bad text, one character at a time.
      const at = probes(bad)[1];
      for (const ch of ': {["\t') version = await client.insert(uri, at, ch);
      await client.completion(uri, at);
      await client.diagnostics(uri, version, 120000);
      await exercise(client, uri, at);
      await client.close(uri);
      assert.ok(client.alive);
    });
  }

  it('still answers after the whole sweep', async () => {
    const uri = scratchUri('after');
    await client.open(uri, FIBER);
    assert.deepEqual(await client.diagnostics(uri, 1), []);
    assert.ok(await client.hover(uri, { line: 3, character: 8 }));
  });
});
