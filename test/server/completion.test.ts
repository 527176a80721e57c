import { strict as assert } from 'assert';
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core';
import { snippetToText } from '../../server/src/core/objections';
import { generateScript } from '../../bench/generate';
import { TestClient } from './client';
import { FIBER, HELPLINE, positionOf, scratchUri } from './fixtures';

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
const docOf = (item: CompletionItem | undefined): string => (typeof item?.documentation === 'object' ? item.documentation.value : (item?.documentation ?? ''));

/** The text after applying a completion item (its snippet with tab stops at their defaults). */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const lines = text.split('\n');
  const offset = (p: Position): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const inserted = item.insertTextFormat === 2 ? snippetToText(edit.newText) : edit.newText;
  return text.slice(0, offset(edit.range.start)) + inserted + text.slice(offset(edit.range.end));
}

describe('server: completion', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: {} });
  });
  after(() => client.stop());

  /** Opens `text` (analysed), then types `typed` at the start of line `line` and asks at its end, before any new analysis. */
  async function typing(text: string, line: number, typed: string): Promise<{ uri: string; items: CompletionItem[] }> {
    const uri = scratchUri('typing');
    await client.open(uri, text);
    await client.diagnostics(uri, 1);
    await client.insert(uri, { line, character: 0 }, `${typed}\n`);
    const typedLines = typed.split('\n');
    const end = { line: line + typedLines.length - 1, character: typedLines[typedLines.length - 1].length };
    return { uri, items: await client.completion(uri, end) };
  }

  async function at(text: string, needle: string, delta: number): Promise<CompletionItem[]> {
    const uri = scratchUri('at');
    await client.open(uri, text);
    await client.diagnostics(uri, 1);
    return client.completion(uri, positionOf(text, needle, delta));
  }

  describe('keys', () => {
    it('offers the top-level keys of an empty document, with their documentation', async () => {
      const uri = scratchUri('empty');
      await client.open(uri, '');
      const items = await client.completion(uri, { line: 0, character: 0 });
      for (const key of ['callscript', 'id', 'kind', 'direction', 'languages', 'steps', 'objections', 'outcomes']) assert.ok(labels(items).includes(key), key);
      assert.match(docOf(items.find((i) => i.label === 'kind')), /What sort of call/);
    });

    it('offers the keys a step does not have yet, on a half-typed line the tree does not know', async () => {
      const line = positionOf(FIBER, '    capture: satisfaction').line;
      const { items } = await typing(FIBER, line, '    ca');
      const names = labels(items);
      assert.ok(names.includes('note') && names.includes('tags'), names.join());
      assert.ok(!names.includes('ask') && !names.includes('branches'), 'keys the step has are left out');
      assert.ok(!names.includes('callscript'), 'not the top-level keys');
    });

    it('offers branch keys on a new list item and on the line after it', async () => {
      const line = positionOf(FIBER, '      - when: happy').line;
      const item = await typing(FIBER, line, '      - ');
      assert.deepEqual(labels(item.items).sort(), ['next', 'outcome', 'when']);
      // Below `next:` of the first branch of "offer": only the key that item lacks.
      const nextLine = positionOf(FIBER, '      - when: declines').line;
      const second = await typing(FIBER, nextLine, '        ');
      assert.deepEqual(labels(second.items), ['outcome']);
    });

    it('offers the keys of objections, outcomes, variables and handovers', async () => {
      const objection = labels((await typing(FIBER, positionOf(FIBER, '    resume: offer').line, '    ')).items);
      assert.ok(objection.includes('outcome') && !objection.includes('triggers'), objection.join());
      const outcome = await typing(FIBER, positionOf(FIBER, '  no-sale:').line, '  maybe:\n    ');
      assert.deepEqual(labels(outcome.items).sort(), ['disposition', 'label', 'success']);
      const variables = await typing(FIBER, positionOf(FIBER, '  offer_price').line, '  extra:\n    ');
      assert.ok(labels(variables.items).includes('description'), labels(variables.items).join());
      const handover = await typing(HELPLINE, positionOf(HELPLINE, '      to: back-office').line + 1, '      ');
      assert.ok(labels(handover.items).includes('reason'), labels(handover.items).join());
    });

    it('inserts a text key with one line per script language', async () => {
      const { items } = await typing(FIBER, positionOf(FIBER, '    capture: satisfaction').line, '    no');
      const note = items.find((i) => i.label === 'note');
      assert.equal((note?.textEdit as TextEdit).newText, 'note:\n      pl: "${1}"\n      en: "${2}"');
    });
  });

  describe('values', () => {
    it('offers enum values with what each means', async () => {
      const items = await at(FIBER, 'kind: telesales', 6);
      assert.deepEqual(labels(items).sort(), ['helpdesk', 'information-line', 'retention', 'telesales']);
      assert.match(docOf(items.find((i) => i.label === 'retention')), /keeping a customer/);
      const techniques = await at(FIBER, 'technique: feel-felt-found', 11);
      assert.ok(techniques.length >= 10);
      assert.match(docOf(techniques.find((i) => i.label === 'laer')), /LAER/i);
      assert.ok(labels(await at(FIBER, 'type: number', 6)).includes('money'));
      assert.deepEqual(labels(await at(FIBER, 'source: crm', 8)).sort(), ['agent', 'crm', 'dialer']);
    });

    it('offers step ids for next, start, resume and a branch, with their text', async () => {
      for (const [needle, delta] of [['next: recording', 6], ['start: greeting', 7], ['resume: offer', 8], ['next: offer', 6]] as const) {
        const items = await at(FIBER, needle, delta);
        assert.ok(['greeting', 'recording', 'needs', 'offer', 'close'].every((id) => labels(items).includes(id)), `${needle}: ${labels(items).join()}`);
      }
      const items = await at(FIBER, 'resume: offer', 8);
      assert.ok(labels(items).includes('return'));
      assert.equal(items.find((i) => i.label === 'recording')?.detail, 'Rozmowa jest nagrywana.');
    });

    it('offers outcome ids for outcome, objection ids in a step, variable names for capture', async () => {
      assert.deepEqual(labels(await at(FIBER, 'outcome: sale', 9)).sort(), ['no-sale', 'sale']);
      assert.deepEqual(labels(await at(FIBER, 'outcome: no-sale', 9)).sort(), ['no-sale', 'sale']);
      assert.deepEqual(labels(await at(FIBER, 'objections: [not-interested', 13)).sort(), ['no-time', 'not-interested']);
      assert.deepEqual(labels(await at(FIBER, 'capture: satisfaction', 9)).sort(), ['customer_name', 'offer_price', 'satisfaction']);
    });

    it('offers objection ids on a new item of a block list', async () => {
      const text = FIBER.replace('    objections: [not-interested, no-time]', '    objections:\n      - no-time');
      const { items } = await typing(text, positionOf(text, '      - no-time').line, '      - ');
      assert.deepEqual(labels(items).sort(), ['no-time', 'not-interested']);
    });

    it('filters ids by what is typed and sends at most 100 of a large script', async () => {
      const text = generateScript(2000);
      const uri = scratchUri('large');
      await client.open(uri, text);
      await client.diagnostics(uri, 1);
      const all = await client.request<{ isIncomplete: boolean; items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'next: s5', 6) });
      assert.equal(all.items.length, 100);
      assert.equal(all.isIncomplete, true);
      const some = await client.request<{ isIncomplete: boolean; items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'next: s1999', 11) });
      assert.deepEqual(labels(some.items), ['s1999']);
    });
  });

  describe('variables', () => {
    it('offers declared variables after { in a text', async () => {
      const text = FIBER.replace('"Dziękuję!"', '"Dziękuję, {cu"');
      const items = await at(text, '{cu"', 3);
      assert.deepEqual(labels(items), ['customer_name']);
      assert.equal((items[0].textEdit as TextEdit).newText, 'customer_name}');
    });

    it('does not mistake a flow mapping for a placeholder', async () => {
      const text = FIBER.replace('say: { pl: "Dziękuję!", en: "Thank you!" }', 'say: {');
      const items = await at(text, 'say: {', 6);
      assert.ok(!labels(items).includes('customer_name'));
    });
  });

  describe('snippets', () => {
    it('offers objection-handling snippets under objections, in the script languages, naming their technique', async () => {
      const line = positionOf(FIBER, 'outcomes:').line;
      const { items } = await typing(FIBER, line, '  ');
      const snippets = items.filter((i) => i.kind === 15);
      assert.ok(snippets.length >= 10, `${snippets.length} snippets`);
      assert.ok(!labels(snippets).includes('not-interested'), 'objections the script has are left out');
      for (const s of snippets) {
        const text = (s.textEdit as TextEdit).newText;
        assert.equal(s.insertTextFormat, 2);
        assert.match(text, /\n {4}technique: [a-z-]+\n/, s.label);
        assert.match(text, /\n {6}pl: "/, s.label);
        assert.match(text, /\n {6}en: "/, s.label);
        assert.match(text, /\$\{\d+/, `${s.label} has tab stops`);
        assert.match(s.detail ?? '', /— [a-z-]+$/);
      }
      // Accepted as is, each snippet gives a valid objection.
      for (const s of snippets) {
        const after = accept(`${FIBER.split('\n').slice(0, line).join('\n')}\n  \n${FIBER.split('\n').slice(line).join('\n')}`, s);
        const findings = analyze(after).findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema');
        assert.deepEqual(findings.map((f) => f.message), [], s.label);
      }
    });

    it('offers only the script language in a one-language script', async () => {
      const text = HELPLINE.replace('languages: [en, pl]', 'languages: [en]');
      const { items } = await typing(text, positionOf(text, 'outcomes:').line, '  ');
      const s = items.find((i) => i.label === 'too-expensive');
      assert.ok(s);
      assert.doesNotMatch((s.textEdit as TextEdit).newText, /pl:/);
    });

    it('offers step snippets under steps that give valid steps', async () => {
      const line = positionOf(FIBER, 'objections:\n').line;
      const { items } = await typing(FIBER, line, '  ');
      const steps = items.filter((i) => i.label.startsWith('step: '));
      assert.deepEqual(labels(steps), ['step: say', 'step: question with branches', 'step: transfer', 'step: escalation', 'step: recording notice']);
      for (const s of steps) {
        const lines = FIBER.split('\n');
        const after = accept(`${lines.slice(0, line).join('\n')}\n  \n${lines.slice(line).join('\n')}`, s);
        const findings = analyze(after).findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema');
        assert.deepEqual(findings.map((f) => f.message), [], s.label);
      }
      assert.match((steps[4].textEdit as TextEdit).newText, /satisfies: \[recording-notice\]/);
    });

    it('sends plain text to a client without snippet support', async () => {
      const plain = await TestClient.start({ settings: {}, snippets: false });
      try {
        const uri = scratchUri('plain');
        await plain.open(uri, FIBER);
        await plain.diagnostics(uri, 1);
        await plain.insert(uri, { line: positionOf(FIBER, 'outcomes:').line, character: 0 }, '  \n');
        const items = await plain.completion(uri, { line: positionOf(FIBER, 'outcomes:').line, character: 2 });
        assert.ok(items.length >= 10);
        for (const i of items) {
          assert.equal(i.insertTextFormat, 1);
          assert.doesNotMatch((i.textEdit as TextEdit).newText, /\$\{/);
        }
      } finally {
        await plain.stop();
      }
    });
  });
});
