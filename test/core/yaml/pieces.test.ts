import { strict as assert } from 'assert';
import { DEFAULT_LIMITS, parseYaml, PIECE_LENGTH, type ParseLimits, type YamlDocument } from '../../../server/src/core/yaml/parse';
import { readInPieces } from '../../../server/src/core/yaml/pieces';
import { generateScript } from '../../../bench/generate';
import { randomEdit, random, sampleScripts, shape } from '../../helpers/yamlEdits';

const WHOLE = Number.POSITIVE_INFINITY;

/** Reads `text` in pieces of `pieceLength` characters where it can; says whether it could. */
function pieces(text: string, pieceLength: number, limits: ParseLimits = DEFAULT_LIMITS): YamlDocument | undefined {
  return readInPieces(text, limits, pieceLength, 0, (part, l, base) => parseYaml(part, l, WHOLE, base));
}

/** Asserts that reading `text` with pieces of `pieceLength` gives what a whole read gives. */
function agree(text: string, pieceLength: number, context: string, limits: ParseLimits = DEFAULT_LIMITS): void {
  const whole = parseYaml(text, limits, WHOLE);
  const read = parseYaml(text, limits, pieceLength);
  assert.deepEqual(shape(read.root), shape(whole.root), context);
  assert.deepEqual(read.value, whole.value, context);
  assert.deepEqual(read.problems, whole.problems, context);
  assert.equal(read.plain, whole.plain, context);
  assert.equal(read.documentCount, whole.documentCount, context);
}

describe('yaml/pieces: a large script read in pieces', () => {
  const texts = sampleScripts(80);

  for (const [name, text] of texts) {
    it(`reads ${name} in pieces of any length as a whole read does`, () => {
      for (const length of [1, 300, 2_000, 20_000]) {
        assert.ok(pieces(text, length), `pieces of ${length} characters were refused`);
        agree(text, length, `pieces of ${length}`);
      }
    });

    it(`agrees with a whole read on 300 random edits of ${name}`, () => {
      const rnd = random(name.length * 104729);
      let inPieces = 0;
      for (let i = 0; i < 300; i++) {
        let edited = randomEdit(text, rnd);
        if (i % 3 === 0) edited = randomEdit(edited, rnd);
        if (pieces(edited, 400)) inPieces++;
        agree(edited, 400, `edit ${i}`);
      }
      // Many random edits keep the script readable, and those are read in pieces.
      assert.ok(inPieces > 60, `only ${inPieces} of 300 edited texts were read in pieces`);
    });
  }

  it('places every piece at the base it is given, as a whole read at that base does', () => {
    const text = generateScript(300);
    const base = 4321;
    const read = readInPieces(text, DEFAULT_LIMITS, 2048, base, (part, l, b) => parseYaml(part, l, WHOLE, b));
    assert.ok(read, 'the script is read in pieces');
    assert.deepEqual(shape(read.root), shape(parseYaml(text, DEFAULT_LIMITS, WHOLE, base).root));
    assert.deepEqual(read.value, parseYaml(text, DEFAULT_LIMITS, WHOLE).value);
  });

  it('reads a large script in pieces by default, with the tree and value of a whole read', () => {
    const text = generateScript(3_000);
    assert.ok(text.length > 2 * PIECE_LENGTH);
    assert.ok(pieces(text, PIECE_LENGTH));
    agree(text, PIECE_LENGTH, 'default piece length');
    const read = parseYaml(text);
    assert.deepEqual(shape(read.root), shape(parseYaml(text, DEFAULT_LIMITS, WHOLE).root));
  });

  const base = generateScript(12);
  const cases: [string, string][] = [
    ['a step id written twice, in different pieces', base.replace('  s9:\n', '  s2:\n')],
    ['a step named __proto__', base.replace('  s9:\n', '  __proto__:\n')],
    ['a top-level key after the steps that is also before them', `${base}id: again\n`],
    ['the steps as a flow mapping', base.replace(/^steps:\n[\s\S]*?(?=^outcomes:)/m, 'steps: { s0: { say: Hi, outcome: resolved } }\n')],
    ['the steps as a sequence', base.replace(/^steps:\n/m, 'steps:\n  - a\n')],
    ['a step indented with a tab', base.replace('  s5:\n', '\ts5:\n')],
    ['a step less indented than the first', base.replace('  s5:\n', ' s5:\n')],
    ['a second document after the steps', base.replace(/^outcomes:/m, '---\noutcomes:')],
    ['an anchor and an alias', base.replace('  s3:\n', '  s3: &three\n').replace(/(  s4:\n)/, '$1    note: *three\n')],
    ['a value on the steps line', base.replace(/^steps:\n/m, 'steps: x\n')],
    ['a quoted string that runs over a step key', base.replace('Question number 4 for', 'Question "number 4\n  s44: for')],
    ['a step nested too deeply', base.replace('  s5:\n', `  s5:\n${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i + 2)}k${i}:\n`).join('')}`)],
  ];
  for (const [name, text] of cases) {
    it(`leaves ${name} to a whole read`, () => {
      assert.equal(pieces(text, 1), undefined);
      agree(text, 1, name);
    });
  }

  it('reports what a whole read reports where the text is not readable', () => {
    const text = base.replace('  s6:\n', '  s6:\n    say: "never closed\n');
    agree(text, 1, 'an unclosed quote');
    assert.ok(parseYaml(text, DEFAULT_LIMITS, 1).problems.length > 0);
  });
});
