import { strict as assert } from 'assert';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-protocol';
import { analyze, LineIndex } from '../../server/src/core';
import { script } from '../helpers/script';
import { TestClient } from './client';
import { FIBER, positionOf, scratchUri } from './fixtures';

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

const rules = (text: string): string[] => analyze(text).findings.map((f) => f.ruleId);

describe('server: code actions', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: {} });
  });
  after(() => client.stop());

  /** The code actions offered at the `needle` of a text, and a function applying one of them. */
  async function actionsAt(text: string, needle: string, delta = 1): Promise<{ actions: CodeAction[]; apply(title: string): string }> {
    const uri = scratchUri('actions');
    await client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, 1);
    const at = positionOf(text, needle, delta);
    const range: Range = { start: at, end: at };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diagnostics.filter((d) => d.range.start.line === at.line) } });
    return {
      actions,
      apply(title: string): string {
        const action = actions.find((a) => a.title === title);
        assert.ok(action, `no action "${title}" among ${actions.map((a) => a.title).join(' | ')}`);
        return applyEdits(text, action.edit!.changes![uri]);
      },
    };
  }

  it('offers the did-you-mean fix of a finding as the preferred quick fix', async () => {
    const text = FIBER.replace('next: recording', 'next: recordin');
    const { actions, apply } = await actionsAt(text, 'recordin\n');
    const fix = actions.find((a) => a.title === 'Change to "recording"');
    assert.equal(fix?.kind, 'quickfix');
    assert.equal(fix?.isPreferred, true);
    assert.equal(fix?.diagnostics?.[0].code, 'unknown-target');
    assert.equal(apply('Change to "recording"'), FIBER);
  });

  it('creates a missing step at the end of steps, in the script languages', async () => {
    const text = FIBER.replace('next: recording', 'next: wrap-up');
    const after = (await actionsAt(text, 'wrap-up')).apply('Create step "wrap-up"');
    assert.match(after, /outcome: sale\n {2}wrap-up:\n {4}say: \{ pl: "", en: "" \}\nobjections:/);
    assert.ok(!rules(after).includes('unknown-target'));
    assert.ok(!rules(after).includes('schema') && !rules(after).includes('yaml-syntax'), rules(after).join());
  });

  it('creates the objections section when a script has none', async () => {
    const text = script({ steps: '\n  greeting:\n    say: Hello\n    objections: [price]\n    outcome: resolved\n' });
    const after = (await actionsAt(text, 'price]')).apply('Create objection "price"');
    assert.match(after, /\nobjections:\n {2}price:\n {4}reply: ""\n {4}resume: return\n$/);
    assert.deepEqual(rules(after).filter((r) => r !== 'unused-objection'), []);
  });

  it('adds an outcome to a flow-style outcomes mapping', async () => {
    const text = script({ outcomes: '{ resolved: { label: Resolved, success: true } }', steps: '\n  greeting:\n    say: Hello\n    branches:\n      - when: ok\n        outcome: resolved\n      - when: not ok\n        outcome: lost\n' });
    const after = (await actionsAt(text, 'lost')).apply('Create outcome "lost"');
    assert.match(after, /outcomes: \{ resolved: \{ label: Resolved, success: true \}, lost: \{ label: Lost \} \}/);
    assert.deepEqual(rules(after), []);
  });

  it('declares an undeclared variable', async () => {
    const text = FIBER.replace('{offer_price} a month', '{monthly_price} a month');
    const after = (await actionsAt(text, 'monthly_price')).apply('Declare variable "monthly_price"');
    assert.match(after, /\n {2}monthly_price: \{ type: string \}\ncompliance:/);
    assert.ok(!rules(after).includes('undeclared-variable'));
  });

  it('suppresses a rule on a line with a comment above it, at its indentation', async () => {
    const text = script({ steps: '\n  greeting:\n    say: Hello\n    outcome: resolved\n  orphan:\n    say: Nobody comes here\n    outcome: resolved\n' });
    const first = (await actionsAt(text, 'orphan')).apply('Disable unreachable-step for this line');
    assert.match(first, /\n {2}# callscript-disable-next-line unreachable-step\n {2}orphan:/);
    assert.ok(!rules(first).includes('unreachable-step'));
  });

  it('extends an existing suppression comment instead of adding another', async () => {
    const text = script({ variables: '\n  # callscript-disable-next-line uncaptured-variable\n  spare: { type: string, required: true }\n' });
    const after = (await actionsAt(text, 'spare')).apply('Disable unused-variable for this line');
    assert.match(after, /# callscript-disable-next-line uncaptured-variable, unused-variable\n {2}spare/);
    assert.deepEqual(rules(after), []);
  });

  it('keeps CRLF line endings', async () => {
    const text = script({ steps: '\n  greeting:\n    say: Hello\n    next: nowhere\n' }).replace(/\n/g, '\r\n');
    const { apply } = await actionsAt(text, 'nowhere');
    assert.match(apply('Disable unknown-target for this line'), /\r\n {4}# callscript-disable-next-line unknown-target\r\n {4}next: nowhere\r\n/);
    assert.match(apply('Create step "nowhere"'), /\r\n {2}nowhere:\r\n {4}say: ""\r\n/);
  });
});
