import { strict as assert } from 'assert';
import type { DocumentSymbol, FoldingRange, Location, Range, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyze, LineIndex } from '../../server/src/core';
import { TestClient } from './client';
import { FIBER, positionOf, scratchUri } from './fixtures';

/** Applies a rename's edits to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

const textOf = (text: string, range: Range): string => {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
};

describe('server: navigation', function () {
  this.timeout(60000);
  let client: TestClient;
  const uri = scratchUri('nav');
  const request = <R>(method: string, needle: string, delta: number, extra: Record<string, unknown> = {}, nth = 0): Promise<R> =>
    client.request<R>(method, { textDocument: { uri }, position: positionOf(FIBER, needle, delta, nth), ...extra });

  before(async () => {
    client = await TestClient.start({ settings: {} });
    await client.open(uri, FIBER);
    await client.diagnostics(uri, 1);
  });
  after(() => client.stop());

  describe('go to definition', () => {
    const cases: [string, string, number, string][] = [
      ['a step from next', 'next: recording', 7, '  recording:'],
      ['a step from start', 'start: greeting', 8, '  greeting:'],
      ['a step from a branch', 'next: offer', 7, '  offer:'],
      ['a step from resume', 'resume: offer', 9, '  offer:'],
      ['an objection from a step', 'no-time]', 2, '  no-time:'],
      ['an outcome', 'outcome: sale', 10, '  sale:'],
      ['a variable from a placeholder', '{offer_price}', 3, '  offer_price:'],
      ['a variable from capture', 'capture: satisfaction', 10, '  satisfaction:'],
    ];
    for (const [name, needle, delta, target] of cases) {
      it(`finds ${name}`, async () => {
        const loc = await request<Location>('textDocument/definition', needle, delta);
        assert.equal(loc.uri, uri);
        assert.deepEqual(loc.range.start, positionOf(FIBER, target, 2));
      });
    }

    it('finds nothing on a plain text', async () => {
      assert.equal(await request('textDocument/definition', 'Dziękuję!', 2), null);
    });
  });

  describe('find references', () => {
    it('lists every reference to a step, with its declaration when asked', async () => {
      const refs = await request<Location[]>('textDocument/references', '  offer:', 3, { context: { includeDeclaration: true } });
      assert.deepEqual(refs.map((r) => textOf(FIBER, r.range)), ['offer', 'offer', 'offer']);
      const without = await request<Location[]>('textDocument/references', '  offer:', 3, { context: { includeDeclaration: false } });
      assert.equal(without.length, 2);
    });

    it('lists the placeholders and captures of a variable', async () => {
      const refs = await request<Location[]>('textDocument/references', '  customer_name:', 4, { context: { includeDeclaration: false } });
      assert.equal(refs.length, 2);
      assert.ok(refs.every((r) => textOf(FIBER, r.range) === 'customer_name'));
    });
  });

  describe('rename', () => {
    it('prepares the id under the cursor, or refuses where there is none', async () => {
      const prepared = await request<{ range: Range; placeholder: string }>('textDocument/prepareRename', 'next: needs', 8);
      assert.equal(prepared.placeholder, 'needs');
      assert.equal(textOf(FIBER, prepared.range), 'needs');
      assert.equal(await request('textDocument/prepareRename', 'title: Fiber', 9), null);
    });

    const renames: [string, string, number, string, RegExp[]][] = [
      ['a step', 'next: offer', 7, 'fiber-offer', [/ {2}fiber-offer:\n/, /next: fiber-offer/, /resume: fiber-offer/]],
      ['an objection', 'no-time]', 2, 'busy', [/ {2}busy:\n/, /\[not-interested, busy\]/]],
      ['an outcome', 'outcome: no-sale', 10, 'lost', [/ {2}lost: \{ label/, /outcome: lost/]],
      ['a variable, its placeholders and capture', 'capture: satisfaction', 10, 'rating', [/ {2}rating: \{ type/, /capture: rating/]],
      ['a variable from a placeholder', '{customer_name}', 2, 'first_name', [/ {2}first_name: \{/, /z \{first_name\}\?/, /with \{first_name\}\?/]],
    ];
    for (const [name, needle, delta, newName, expected] of renames) {
      it(`renames ${name} everywhere, leaving a clean script`, async () => {
        const edit = await request<WorkspaceEdit>('textDocument/rename', needle, delta, { newName });
        const after = applyEdits(FIBER, edit.changes![uri]);
        for (const re of expected) assert.match(after, re);
        assert.deepEqual(analyze(after).findings.map((f) => f.message), []);
      });
    }

    it('refuses an invalid or taken name with a message', async () => {
      await assert.rejects(request('textDocument/rename', 'next: offer', 7, { newName: 'Not Valid' }), /not a valid step id/);
      await assert.rejects(request('textDocument/rename', 'next: offer', 7, { newName: 'close' }), /already exists/);
    });
  });

  it('outlines steps, objections, outcomes and variables, with their text', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['steps', 'objections', 'outcomes', 'variables']);
    const steps = symbols[0].children ?? [];
    assert.deepEqual(steps.map((s) => s.name), ['greeting', 'recording', 'needs', 'offer', 'close']);
    assert.equal(steps[1].detail, 'Rozmowa jest nagrywana.');
    assert.deepEqual(symbols[1].children?.map((s) => s.detail), ['Nie jestem zainteresowany', 'Rozumiem, wielu klientów tak mówiło.'].slice(0, 1).concat(['Kiedy mogę oddzwonić?']));
    assert.equal(symbols[3].children?.find((s) => s.name === 'customer_name')?.detail, "The customer's first name");
    for (const s of steps) assert.ok(s.range.start.line <= s.selectionRange.start.line && s.range.end.line >= s.selectionRange.end.line);
  });

  it('gives a flat outline to clients without hierarchy', async () => {
    const flat = await TestClient.start({ settings: {}, hierarchicalSymbols: false });
    try {
      const doc = scratchUri('flat');
      await flat.open(doc, FIBER);
      const symbols = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: doc } });
      assert.equal(symbols.length, 5 + 2 + 2 + 3);
      assert.deepEqual(symbols[0], { name: 'greeting', kind: 12, location: { uri: doc, range: symbols[0].location.range }, containerName: 'steps' });
    } finally {
      await flat.stop();
    }
  });

  it('folds each step, branch and multi-line block', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const starts = new Set(ranges.map((r) => r.startLine));
    for (const needle of ['steps:', '  greeting:', '    say:\n', '  needs:', '      - when: unhappy', 'objections:\n  not', '  not-interested:', 'outcomes:']) {
      assert.ok(starts.has(positionOf(FIBER, needle).line), needle);
    }
    const greeting = ranges.find((r) => r.startLine === positionOf(FIBER, '  greeting:').line);
    assert.equal(greeting?.endLine, positionOf(FIBER, '    next: recording').line);
  });
});
