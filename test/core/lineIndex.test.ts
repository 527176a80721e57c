import { strict as assert } from 'assert';
import { LineIndex } from '../../server/src/core';

/** Every offset of the text survives offset → position → offset. */
function assertRoundTrips(text: string): void {
  const index = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const pos = index.positionAt(offset);
    // An offset between \r and \n is not a real place in the text: it maps to the line's end.
    const inCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
    assert.equal(index.offsetAt(pos), inCrlf ? offset - 1 : offset, `offset ${offset} in ${JSON.stringify(text)}`);
  }
}

describe('LineIndex', () => {
  it('turns offsets into lines and columns with \\n breaks', () => {
    const index = new LineIndex('ab\ncde\n\nf');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(6), { line: 1, character: 3 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(8), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(9), { line: 3, character: 1 });
  });

  it('treats \\r\\n as one line break', () => {
    const text = 'ab\r\ncd\r\n';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 3);
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(text.length), { line: 2, character: 0 });
    assert.equal(index.lineText(0), 'ab');
    assert.equal(index.lineText(1), 'cd');
    assert.equal(index.lineEnd(0), 2);
    assert.equal(index.lineStart(1), 4);
  });

  it('treats a lone \\r as a line break (old Mac files)', () => {
    const index = new LineIndex('ab\rcd\re');
    assert.equal(index.lineCount, 3);
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
    assert.equal(index.lineText(1), 'cd');
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 7);
  });

  it('handles mixed breaks in one text', () => {
    const text = 'a\nb\r\nc\rd';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => index.lineText(l)), ['a', 'b', 'c', 'd']);
    assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 3, character: 0 });
  });

  it('round-trips every offset for \\n, \\r\\n, \\r and mixed texts', () => {
    for (const text of ['', 'x', 'a\nb', 'a\r\nb\r\n', 'a\rb\r', '\n\n\n', '\r\n\r\n', 'a\n\rb', 'ą ę\r\nż\n', '😀\n😀']) assertRoundTrips(text);
  });

  it('works on empty text', () => {
    const index = new LineIndex('');
    assert.equal(index.lineCount, 1);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.equal(index.offsetAt({ line: 0, character: 0 }), 0);
    assert.equal(index.offsetAt({ line: 3, character: 9 }), 0);
    assert.equal(index.lineText(0), '');
  });

  it('clamps offsets and positions past either end', () => {
    const text = 'ab\ncd';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(999), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: -1, character: 4 }), 0);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
    // a column past the line's end stops at the end of that line, before its break
    assert.equal(index.offsetAt({ line: 0, character: 50 }), 2);
    assert.equal(index.offsetAt({ line: 0, character: -3 }), 0);
  });

  it('counts columns in UTF-16 code units, as LSP does', () => {
    const text = '😀x';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.equal(index.offsetAt({ line: 0, character: 2 }), 2);
  });

  it('keeps a BOM as column 0 of the first line', () => {
    const index = new LineIndex('\ufeffab');
    assert.deepEqual(index.positionAt(1), { line: 0, character: 1 });
  });
});
