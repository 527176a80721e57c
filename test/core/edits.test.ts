import { strict as assert } from 'assert';
import { analyze, type TextEdit } from '../../server/src/core';
import { disableNextLine, entryLines, indentUnit, insertSectionEntry, invalidId, labelOf, lineBreakOf, renameEdits, yamlScalar } from '../../server/src/core/edits';
import { script } from '../helpers/script';

function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit');
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

function insert(text: string, section: string, key: string, value: Parameters<typeof insertSectionEntry>[5], style?: 'block' | 'auto'): string {
  const a = analyze(text);
  return apply(text, insertSectionEntry(text, a.lines, a.yaml.root, section, key, value, style));
}

describe('core: edits', () => {
  it('writes scalars plain where that reads back the same, quoted otherwise', () => {
    assert.equal(yamlScalar('No sale'), 'No sale');
    assert.equal(yamlScalar(''), '""');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('a: b'), '"a: b"');
    assert.equal(yamlScalar('#1'), '"#1"');
    assert.equal(yamlScalar(3), '3');
  });

  it('writes short mappings in flow style and others as blocks', () => {
    assert.deepEqual(entryLines('sale', { label: 'Sale', success: true }, 2), ['sale: { label: Sale, success: true }']);
    assert.deepEqual(entryLines('s', { say: { en: '', pl: '' } }, 2), ['s:', '  say: { en: "", pl: "" }']);
    assert.deepEqual(entryLines('o', { reply: '' }, 4, true), ['o:', '    reply: ""']);
  });

  it('finds the indentation unit and the line break of a file', () => {
    const four = 'callscript: 1\nsteps:\n    greeting:\n        say: Hi\n';
    const a = analyze(four);
    assert.equal(indentUnit(a.yaml.root, a.lines), 4);
    assert.equal(lineBreakOf('a\r\nb'), '\r\n');
    assert.equal(lineBreakOf('ab'), '\n');
  });

  it('adds an entry after the last one of a block section, at its indentation', () => {
    const text = script();
    const after = insert(text, 'outcomes', 'lost', { label: 'Lost' });
    assert.ok(after.endsWith('  resolved: { label: Resolved, success: true }\n  lost: { label: Lost }\n'), after);
  });

  it('adds an entry after a section that ends with a block scalar', () => {
    const text = 'callscript: 1\nsteps:\n  greeting:\n    say: |\n      Hello\n    next: bye\n  bye:\n    say: >\n      Bye\n\noutcomes:\n  resolved: { label: R }\n';
    const after = insert(text, 'steps', 'extra', { say: 'x' }, 'block');
    assert.match(after, /\n {6}Bye\n\n {2}extra:\n {4}say: x\noutcomes:/);
  });

  it('creates a missing section at the end, adding a final line break if needed', () => {
    const text = script().trimEnd();
    const after = insert(text, 'variables', 'price', { type: 'number' });
    assert.ok(after.endsWith('success: true }\nvariables:\n  price: { type: number }\n'), after);
  });

  it('fills an empty section and an empty flow mapping', () => {
    assert.match(insert(script({ variables: '' }), 'variables', 'x', { type: 'string' }), /variables: ?\n {2}x: \{ type: string \}\nstart:/);
    assert.match(insert(script({ variables: '{}' }), 'variables', 'x', { type: 'string' }), /variables: \{ x: \{ type: string \} \}/);
  });

  it('suppresses a rule above a line, or extends the comment already there', () => {
    const text = 'a:\n    b: 1\n';
    const a = analyze(text);
    assert.equal(apply(text, disableNextLine(text, a.lines, 1, 'x')), 'a:\n    # callscript-disable-next-line x\n    b: 1\n');
    const commented = 'a:\n  # callscript-disable-next-line x\n  b: 1\n';
    const c = analyze(commented);
    assert.equal(apply(commented, disableNextLine(commented, c.lines, 2, 'y')), 'a:\n  # callscript-disable-next-line x, y\n  b: 1\n');
    assert.equal(disableNextLine(commented, c.lines, 2, 'x'), undefined, 'already suppressed');
  });

  it('renames a step and its references, quoted ones inside their quotes', () => {
    const text = script({ start: '"greeting"', steps: '\n  greeting:\n    say: Hi\n    next: end\n  end:\n    say: Bye\n    branches:\n      - when: again\n        next: greeting\n      - when: done\n        outcome: resolved\n' });
    const a = analyze(text);
    const edits = renameEdits(text, a.model!, 'step', 'greeting', 'hello');
    let after = text;
    for (const e of [...edits].sort((x, y) => y.start - x.start)) after = apply(after, e);
    assert.match(after, /start: "hello"/);
    assert.match(after, / {2}hello:\n/);
    assert.match(after, /next: hello\n/);
    assert.deepEqual(analyze(after).findings, []);
  });

  it('checks new ids and makes labels', () => {
    assert.equal(invalidId('step', 'wrap-up'), undefined);
    assert.match(invalidId('step', 'Wrap up') ?? '', /not a valid step id/);
    assert.equal(invalidId('variable', 'first_name'), undefined);
    assert.match(invalidId('variable', 'first-name') ?? '', /not a valid variable name/);
    assert.equal(labelOf('no-sale'), 'No sale');
  });
});
