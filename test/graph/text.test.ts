import { strict as assert } from 'assert';
import { textWidth, wrap } from '../../server/src/core/graph/text';

describe('graph: text sizes', () => {
  it('guesses widths per character: narrow, plain, capitals, wide and emoji', () => {
    const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
    assert.ok(close(textWidth('il.', 10), 12));
    assert.ok(close(textWidth('ab', 10), 11.6));
    assert.ok(close(textWidth('MW@', 10), 22.5));
    assert.ok(close(textWidth('łą', 10), 11.6), 'letters beyond ASCII count as plain');
    assert.ok(close(textWidth('中한', 10), 36));
    assert.ok(close(textWidth('😀', 10), 18), 'an emoji is one character, not two halves');
    assert.ok(close(textWidth('\uD800x', 10), 11.6), 'a lone surrogate counts as a plain character');
  });

  it('wraps by characters, never splitting an emoji', () => {
    assert.deepEqual(wrap('one two three four', 9, 3), ['one two', 'three', 'four']);
    assert.deepEqual(wrap('😀😀😀😀 ok', 4, 3), ['😀😀😀😀', 'ok']);
    assert.deepEqual(wrap('😀😀😀😀😀', 4, 3), ['😀😀😀😀', '😀']);
    assert.deepEqual(wrap('aaaa bbbb cccc dddd', 4, 2), ['aaaa', 'bbb…']);
  });
});
