import { strict as assert } from 'assert';
import { analyze } from '../../server/src/core';
import { caret } from './caret';
import { offsetOf, rangeOf } from './findings';
import { block, script } from './script';

describe('test helpers', () => {
  it('script() builds a valid script with no findings, and applies overrides in place', () => {
    assert.deepEqual(analyze(script()).findings, []);
    const t = script({ kind: 'retention', start: null, extra: 'x', steps: '\n  a:\n    say: Hi\n    outcome: resolved\n' });
    assert.match(t, /^callscript: 1\nid: test-script\ntitle: Test script\nkind: retention\n/);
    assert.ok(!t.includes('start:'));
    assert.ok(t.includes('steps:\n  a:\n    say: Hi\n    outcome: resolved\noutcomes:\n'));
    assert.ok(t.endsWith('extra: x\n'));
  });

  it('block() removes the common indentation and the blank edges', () => {
    assert.equal(block('\n      a:\n        b: 1\n\n      c: 2\n    '), 'a:\n  b: 1\n\nc: 2');
  });

  it('caret() removes the one | and gives its offset', () => {
    assert.deepEqual(caret('ab|cd'), { text: 'abcd', offset: 2 });
    assert.deepEqual(caret('|'), { text: '', offset: 0 });
    assert.throws(() => caret('no caret'), /exactly one/);
    assert.throws(() => caret('a|b|c'), /exactly one/);
  });

  it('offsetOf() and rangeOf() find the nth occurrence', () => {
    assert.equal(offsetOf('a-b-a', 'a', 1), 4);
    assert.deepEqual(rangeOf('xx yy yy', 'yy', 1), { start: 6, end: 8 });
    assert.throws(() => offsetOf('abc', 'z'));
  });
});
