import { strict as assert } from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { analyze, type Analysis } from '../../../server/src/core/analyze';
import { changedRange } from '../../../server/src/core/yaml/reparse';
import { generateScript } from '../../../bench/generate';
import { randomEdit as edit, random, sampleScripts, shape } from '../../helpers/yamlEdits';


/** Analyses `text` after `before` both ways, asserts they agree, and says whether the old tree was reused. */
function agree(before: string, after: string): boolean {
  const previous = analyze(before);
  const full = analyze(after);
  const partial = analyze(after, { previous });
  const context = `edit ${JSON.stringify(changedRange(before, after))}`;
  assert.deepEqual(shape(partial.yaml.root), shape(full.yaml.root), context);
  assert.deepEqual(partial.yaml.value, full.yaml.value, context);
  assert.deepEqual(partial.model, full.model, context);
  assert.deepEqual(partial.findings, full.findings, context);
  assert.equal(partial.yaml.plain, full.yaml.plain, context);
  return partial.yaml === previous.yaml;
}

describe('yaml/reparse: reading again only the edited step', () => {
  const texts = sampleScripts(60);

  for (const [name, text] of texts) {
    it(`agrees with a full read on 300 random edits of ${name}`, () => {
      const rnd = random(name.length * 7919);
      let reused = 0;
      for (let i = 0; i < 300; i++) if (agree(text, edit(text, rnd))) reused++;
      // Most random edits land in some step; many of them keep it readable.
      assert.ok(reused > 30, `only ${reused} of 300 edits reused the tree`);
    });
  }

  it('agrees on chains of edits, each analysis taking over the one before', () => {
    const rnd = random(42);
    let text = generateScript(40);
    let previous: Analysis = analyze(text);
    for (let i = 0; i < 200; i++) {
      const next = edit(text, rnd);
      // The server lets go of each analysis's plain value: the next one must not need it.
      previous.yaml.value = undefined;
      const partial = analyze(next, { previous });
      const full = analyze(next);
      assert.deepEqual(shape(partial.yaml.root), shape(full.yaml.root), `step ${i}`);
      assert.deepEqual(partial.model, full.model, `step ${i}`);
      assert.deepEqual(partial.findings, full.findings, `step ${i}`);
      // Random junk piles up: start again from a clean text now and then.
      if (full.findings.length > 20) {
        text = generateScript(40);
        previous = analyze(text);
      } else {
        text = next;
        previous = partial;
      }
    }
  });

  it('reuses the tree for typing inside a step, and not for edits that change the steps', () => {
    const text = generateScript(20);
    const at = text.indexOf('Question number 7');
    assert.equal(agree(text, text.slice(0, at) + 'q' + text.slice(at + 1)), true, 'a letter typed in a text');
    assert.equal(agree(text, text.replace('  s7:\n', '  s7x:\n')), false, 'a renamed step');
    assert.equal(agree(text, text.replace('  s7:\n', '  s6b:\n    note: new\n  s7:\n')), false, 'a step added');
    assert.equal(agree(text, text.replace('  s7:\n', '  s7: &x\n')), false, 'an anchor');
    assert.equal(agree(text, text.replace('id: generated-20', 'id: generated-21')), false, 'an edit outside the steps');
  });

  it('does not keep old versions of the text alive through the steps read again', function () {
    this.timeout(60_000);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = (): number => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    let text = generateScript(2000);
    let previous = analyze(text);
    const before = heap();
    // 30 edits, each in another step: a step's strings cut as views of its version of the text
    // would keep 30 versions (about 30 MB here) alive.
    for (let edits = 0, step = 100; edits < 30; step += 60) {
      const at = text.indexOf(`Question number ${step} `);
      if (at < 0) continue;
      edits++;
      text = text.slice(0, at) + 'q' + text.slice(at + 1);
      const next = analyze(text, { previous });
      assert.equal(next.yaml, previous.yaml, 'the edit was read incrementally');
      previous = next;
    }
    const grown = heap() - before;
    assert.ok(grown < 6 * 1024 * 1024, `the heap grew by ${(grown / 1048576).toFixed(1)} MB`);
  });

  it('finds the changed range of two texts', () => {
    assert.deepEqual(changedRange('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedRange('abc', 'abcd'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changedRange('aaaa', 'aa'), { start: 2, oldEnd: 4, newEnd: 2 });
    assert.equal(changedRange('same', 'same'), undefined);
  });
});
