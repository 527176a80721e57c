import { strict as assert } from 'assert';
import { parseYaml } from '../../../server/src/core/yaml/parse';
import { entryAt, nodeAt, nodesAtOffset, scalarText, type YNode } from '../../../server/src/core/yaml/nodes';
import { caret } from '../../helpers/caret';
import { rangeText } from '../../helpers/findings';

/** The source texts of the chain of nodes at the caret. */
function chainAt(marked: string): string[] {
  const { text, offset } = caret(marked);
  const root = parseYaml(text).root;
  assert.ok(root, 'the test text must parse');
  return nodesAtOffset(root, offset).map((n: YNode) => rangeText(text, n));
}

describe('yaml/nodes', () => {
  const text = 'steps:\n  greet:\n    say: Hi\n    branches:\n      - when: yes\n        next: done\nlist: [a, &x b, *x]\n';
  const root = parseYaml(text).root;

  it('finds nodes and entries by path, through maps, lists and aliases', () => {
    assert.equal(scalarText(nodeAt(root, ['steps', 'greet', 'branches', 0, 'next'])), 'done');
    assert.equal(rangeText(text, entryAt(root, ['steps', 'greet', 'say'])!.key), 'say');
    assert.equal(scalarText(nodeAt(root, ['list', 2])), 'b');
    assert.equal(nodeAt(root, ['list', 2])?.kind, 'alias');
    assert.equal(nodeAt(root, []), root);
  });

  it('returns undefined where a path leads nowhere', () => {
    assert.equal(nodeAt(root, ['steps', 'nope']), undefined);
    assert.equal(nodeAt(root, ['list', 9]), undefined);
    assert.equal(nodeAt(root, ['list', 'a']), undefined);
    assert.equal(nodeAt(root, ['steps', 'greet', 'say', 'deeper']), undefined);
    assert.equal(entryAt(root, []), undefined);
    assert.equal(entryAt(root, ['list', 0]), undefined);
    assert.equal(nodeAt(undefined, ['x']), undefined);
  });

  it('gives the chain of nodes under a caret, innermost last', () => {
    assert.deepEqual(chainAt('a:\n  b: va|lue\n').slice(1), ['b: value', 'value']);
    assert.deepEqual(chainAt('a:\n  b|: value\n').slice(-1), ['b']);
    assert.deepEqual(chainAt('l: [x, "y|y", z]\n').slice(1), ['[x, "yy", z]', '"yy"']);
  });

  it('includes the ends of a range: a caret right after a word is still in it', () => {
    assert.deepEqual(chainAt('next: done|\n').slice(-1), ['done']);
    assert.deepEqual(chainAt('next: |done\n').slice(-1), ['done']);
  });

  it('gives an empty chain outside the root', () => {
    const { text: t, offset } = caret('a: 1\n\n\n|');
    assert.deepEqual(nodesAtOffset(parseYaml(t).root!, offset), []);
  });
});
