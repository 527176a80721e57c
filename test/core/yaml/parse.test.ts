import { strict as assert } from 'assert';
import { load } from 'js-yaml';
import { LineIndex } from '../../../server/src/core';
import { parseYaml, type YamlDocument } from '../../../server/src/core/yaml/parse';
import { deref, entryAt, nodeAt, shiftNode, type YNode } from '../../../server/src/core/yaml/nodes';
import { rangeText } from '../../helpers/findings';
import { shape } from '../../helpers/yamlEdits';

/** Parses, failing the test if parseYaml throws, and checks that every problem lies inside the text. */
function parse(text: string): YamlDocument {
  const doc = parseYaml(text);
  for (const p of doc.problems) {
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `problem "${p.message}" has range ${p.start}..${p.end} outside the text (length ${text.length})`);
    assert.ok(p.message.length > 10, 'a problem needs a readable message');
  }
  return doc;
}

/** The source text of the node at `path`. */
function src(text: string, doc: YamlDocument, path: (string | number)[]): string {
  const node = nodeAt(doc.root, path);
  assert.ok(node, `no node at ${path.join('.')}`);
  return rangeText(text, node);
}

function keySrc(text: string, doc: YamlDocument, path: (string | number)[]): string {
  const entry = entryAt(doc.root, path);
  assert.ok(entry, `no entry at ${path.join('.')}`);
  return rangeText(text, entry.key);
}

/** Every node's range (and its children's) lies inside its parent's and inside the text. */
function assertNested(node: YNode, outer: { start: number; end: number }): void {
  assert.ok(node.start >= outer.start && node.end <= outer.end && node.start <= node.end, `${node.kind} ${node.start}..${node.end} is outside ${outer.start}..${outer.end}`);
  if (node.kind === 'map') for (const e of node.entries) (assertNested(e.key, node), assertNested(e.value, node));
  if (node.kind === 'seq') for (const i of node.items) assertNested(i, node);
}

describe('yaml/parse', () => {
  describe('source ranges', () => {
    const text = [
      'plain: hello world',
      'double: "say \\"hi\\"\\n"',
      "single: 'it''s'",
      'flowseq: [a, "b", 3]',
      'flowmap: { x: 1, y: [2] }',
      'block:',
      '  inner: value',
      '  list:',
      '    - one',
      '    - two',
      'anchored: &base { k: v }',
      'alias: *base',
      '',
    ].join('\n');
    const doc = parseYaml(text);

    it('gives plain scalars their exact text', () => {
      assert.equal(src(text, doc, ['plain']), 'hello world');
      assert.equal(keySrc(text, doc, ['plain']), 'plain');
      const node = nodeAt(doc.root, ['plain']);
      assert.equal(node?.kind === 'scalar' && node.quoted, false);
    });

    it('includes the quotes of quoted scalars, and decodes their escapes', () => {
      assert.equal(src(text, doc, ['double']), '"say \\"hi\\"\\n"');
      assert.equal(src(text, doc, ['single']), "'it''s'");
      const double = nodeAt(doc.root, ['double']);
      const single = nodeAt(doc.root, ['single']);
      assert.ok(double?.kind === 'scalar' && single?.kind === 'scalar');
      assert.equal(double.text, 'say "hi"\n');
      assert.equal(single.text, "it's");
      assert.equal(double.quoted, true);
    });

    it('spans flow collections from bracket to bracket, with exact items', () => {
      assert.equal(src(text, doc, ['flowseq']), '[a, "b", 3]');
      assert.equal(src(text, doc, ['flowseq', 1]), '"b"');
      assert.equal(src(text, doc, ['flowseq', 2]), '3');
      assert.equal(src(text, doc, ['flowmap']), '{ x: 1, y: [2] }');
      assert.equal(keySrc(text, doc, ['flowmap', 'y']), 'y');
      assert.equal(src(text, doc, ['flowmap', 'y', 0]), '2');
    });

    it('ends a flow collection at its own bracket: after a trailing comma or comment, never at a later one', () => {
      const t = 'a: [x, y: 1, z]\nb: { k: v, # note\n  }\nc: "}]"\n';
      const d = parseYaml(t);
      assert.equal(src(t, d, ['a']), '[x, y: 1, z]');
      // `y: 1` is a mapping written without braces: it ends with its value, not at a brace further on.
      assert.equal(src(t, d, ['a', 1]), 'y: 1');
      assert.equal(src(t, d, ['b']), '{ k: v, # note\n  }');
    });

    it('spans block collections from the first key or dash to the last value', () => {
      assert.equal(src(text, doc, ['block']), 'inner: value\n  list:\n    - one\n    - two');
      assert.equal(src(text, doc, ['block', 'list']), '- one\n    - two');
      assert.equal(src(text, doc, ['block', 'list', 1]), 'two');
      assert.equal(keySrc(text, doc, ['block', 'list']), 'list');
    });

    it('gives an alias its own range and follows it to its anchor', () => {
      const alias = entryAt(doc.root, ['alias'])?.value;
      assert.ok(alias?.kind === 'alias');
      assert.equal(rangeText(text, alias), '*base');
      assert.equal(alias.name, 'base');
      assert.equal(deref(alias), nodeAt(doc.root, ['anchored']));
      // nodeAt follows aliases on the way down
      assert.equal(src(text, doc, ['alias', 'k']), 'v');
      assert.equal(src(text, doc, ['anchored']), '&base { k: v }');
    });

    it('nests every range inside its parent and inside the text', () => {
      assert.ok(doc.root);
      assertNested(doc.root, { start: 0, end: text.length });
      assert.equal(doc.problems.length, 0);
    });

    it('gives block scalars a range that holds their content', () => {
      const t = 'lit: |\n  line one\n  line two\nfold: >-\n  folded\n  text\nnext: x\n';
      const d = parse(t);
      const lit = nodeAt(d.root, ['lit']);
      const fold = nodeAt(d.root, ['fold']);
      assert.ok(lit?.kind === 'scalar' && fold?.kind === 'scalar');
      assert.equal(lit.text, 'line one\nline two\n');
      assert.equal(fold.text, 'folded text');
      assert.equal(lit.quoted, true, 'a block scalar is always a string');
      assert.ok(rangeText(t, lit).includes('line one\n  line two'));
      assert.ok(rangeText(t, fold).includes('folded\n  text'));
      assert.ok(!rangeText(t, lit).includes('fold'), 'the literal block ends before the next key');
      assert.equal(src(t, d, ['next']), 'x');
    });

    // BUG (parse.ts): a block scalar's range starts at its content's indentation, not at its `|`/`>`
    // indicator, unlike quoted scalars whose range includes their quotes; `lit: |\n  a\n` gives "  a\n".
    it('starts a block scalar at its | or > indicator', () => {
      const t = 'lit: |\n  a\nfold: >\n  b\n';
      const d = parse(t);
      assert.equal(src(t, d, ['lit']).trimEnd(), '|\n  a');
      assert.equal(src(t, d, ['fold']).trimEnd(), '>\n  b');
    });

    // BUG (parse.ts): an empty value (`a:` with nothing after it, `- ` in a list, `a: &x`, `a: !!str`)
    // gets start = end = -1, so findings on it (e.g. missing-translation on an empty `say:`) point
    // nowhere. Expected: a zero-width range right after the key's colon (or the dash / anchor / tag).
    it('gives empty values a range inside the text', () => {
      for (const t of ['a:\nb: 1\n', 'a: \n', '- \n- x\n', '{a: , b: }', 'a: &x\nb: *x\n', 'a: !!str\n', '---\n']) {
        const d = parse(t);
        assert.ok(d.root);
        assertNested(d.root, { start: 0, end: t.length });
      }
    });

    it('gives a tagged scalar a range that includes its tag', () => {
      const t = 'a: !!str 12\n';
      const d = parse(t);
      assert.equal(src(t, d, ['a']), '!!str 12');
      assert.deepEqual(d.value, { a: '12' });
    });

    it('counts every offset from the base it is given: nodes, closing brackets, empty values and problems', () => {
      const base = 1000;
      for (const t of [text, 'lit: |\n  a\nempty:\nflow: { a: [1, 2, ], b: }\n', 'a: b\n---\nc: d\n', 'a: "open\nb: 1\n', 'a: 1\na: 2\n', 'x: \u0001\n']) {
        const at0 = parseYaml(t, undefined, undefined, 0);
        const moved = parseYaml(t, undefined, undefined, base);
        assert.ok(at0.root || at0.problems.length > 0, `nothing read from ${JSON.stringify(t)}`);
        if (at0.root) shiftNode(at0.root, base);
        assert.deepEqual(shape(moved.root), shape(at0.root), `node ranges of ${JSON.stringify(t)}`);
        assert.deepEqual(moved.problems, at0.problems.map((p) => ({ ...p, start: p.start + base, end: p.end + base })), `problems of ${JSON.stringify(t)}`);
        assert.deepEqual(moved.value, at0.value);
      }
    });
  });

  describe('values', () => {
    it('reads the same value as js-yaml for plain data (core schema types)', () => {
      const t = 'a: 1\nb: true\nc: ~\nd: 0x1F\ne: .inf\nf: "1"\ng: 1.5e3\nh: null\ni: yes\nj: 2020-01-01\nk: 0o17\nl: [1, two, { m: -2 }]\nn: |\n  x\n';
      assert.deepEqual(parse(t).value, load(t));
    });

    it('keeps a "__proto__" key as plain data', () => {
      const value = parse('__proto__: { polluted: true }\n').value as Record<string, unknown>;
      assert.deepEqual(Object.keys(value), ['__proto__']);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(value), Object.prototype);
    });
  });

  describe('duplicate keys', () => {
    it('reports every duplicate at its own key, not the first occurrence', () => {
      const t = 'a: 1\nb: 2\na: 3\na: 4\n';
      const d = parse(t);
      assert.deepEqual(
        d.problems.map((p) => [p.start, p.end]),
        [
          [10, 11],
          [15, 16],
        ],
      );
      for (const p of d.problems) assert.match(p.message, /Duplicate key "a"/);
    });

    it('reports duplicates in nested and flow mappings', () => {
      const t = 'steps:\n  x:\n    say: a\n    say: b\n  y: { next: p, next: q }\n';
      const d = parse(t);
      assert.equal(d.problems.length, 2);
      assert.equal(d.problems[0].start, t.indexOf('say', t.indexOf('say') + 1));
      assert.equal(rangeText(t, d.problems[0]), 'say');
      assert.equal(d.problems[1].start, t.lastIndexOf('next'));
      assert.equal(rangeText(t, d.problems[1]), 'next');
    });

    it('lets the first occurrence define the key in both the tree and the value', () => {
      const t = 'kind: helpdesk\nother: 1\nkind: bogus\n';
      const d = parse(t);
      assert.equal(src(t, d, ['kind']), 'helpdesk');
      assert.deepEqual(d.value, { kind: 'helpdesk', other: 1 });
      // the tree keeps both entries, in order, for editors
      assert.equal(d.root?.kind === 'map' && d.root.entries.length, 3);
    });

    // BUG (parse.ts): when the document has any explicit tag, the value comes from js-yaml's
    // constructor with `json: true`, where the LAST duplicate wins, while the tree (and so the
    // model and every range) keeps the FIRST: `a: !!str x\na: y` gives value {a: "y"}, tree "x".
    it('keeps the first duplicate in the value even when the document has tags', () => {
      const t = 'a: !!str x\na: y\n';
      const d = parse(t);
      assert.equal(src(t, d, ['a']), '!!str x');
      assert.deepEqual(d.value, { a: 'x' });
    });
  });

  describe('documents', () => {
    it('counts several documents, keeps the first, and flags the second marker', () => {
      const t = 'a: 1\n---\nb: 2\n---\nc: 3\n';
      const d = parse(t);
      assert.equal(d.documentCount, 3);
      assert.deepEqual(d.value, { a: 1 });
      assert.equal(d.problems.length, 1);
      assert.equal(d.problems[0].start, 5);
      assert.equal(rangeText(t, d.problems[0]), '---');
      assert.match(d.problems[0].message, /one YAML document.*has 3/);
    });

    it('accepts one document with an explicit start marker and a directive', () => {
      const d = parse('%YAML 1.2\n---\na: 1\n');
      assert.equal(d.documentCount, 1);
      assert.deepEqual(d.problems, []);
      assert.deepEqual(d.value, { a: 1 });
    });

    for (const [name, t] of [
      ['an empty file', ''],
      ['blank lines', '  \n\n'],
      ['a comment only', '# nothing here\n'],
      ['a byte order mark only', '\ufeff'],
    ] as const) {
      it(`reads ${name} as no document, without problems`, () => {
        const d = parse(t);
        assert.equal(d.root, undefined);
        assert.equal(d.documentCount, 0);
        assert.deepEqual(d.problems, []);
      });
    }
  });

  describe('byte order mark and CRLF', () => {
    it('keeps offsets in the original text, so LineIndex gives the right positions', () => {
      const t = '\ufeffid: x\r\nsteps:\r\n  greet:\r\n    say: "Hi"\r\n';
      const d = parse(t);
      assert.deepEqual(d.problems, []);
      const lines = new LineIndex(t);
      const say = nodeAt(d.root, ['steps', 'greet', 'say']);
      assert.ok(say);
      assert.equal(rangeText(t, say), '"Hi"');
      assert.deepEqual(lines.positionAt(say.start), { line: 3, character: 9 });
      assert.deepEqual(lines.positionAt(say.end), { line: 3, character: 13 });
      const greet = entryAt(d.root, ['steps', 'greet'])?.key;
      assert.ok(greet);
      assert.deepEqual(lines.positionAt(greet.start), { line: 2, character: 2 });
      const id = entryAt(d.root, ['id'])?.key;
      assert.equal(id?.start, 1, 'the BOM is not part of the first key');
      assert.deepEqual(d.value, { id: 'x', steps: { greet: { say: 'Hi' } } });
    });

    it('reports errors after CRLF lines at the right line', () => {
      const t = 'a: 1\r\nb: 2\r\n c: 3\r\n';
      const d = parse(t);
      assert.equal(d.problems.length, 1);
      assert.equal(new LineIndex(t).positionAt(d.problems[0].start).line, 2);
    });
  });

  describe('syntax errors', () => {
    it('reports an unclosed quote at the quote that opens it, with no tree', () => {
      for (const [t, quote] of [
        ['a: "unclosed\nb: 2\n', '"'],
        ["steps:\n  g:\n    say: 'it''s open\n    next: x\n", "'"],
        ['a: ok # "a comment\nb: "open \\" still\n', '"'],
      ] as const) {
        const d = parse(t);
        assert.equal(d.root, undefined);
        assert.equal(d.problems.length, 1, t);
        assert.match(d.problems[0].message, new RegExp(`never closed: add its closing \\${quote}`), t);
        assert.equal(d.problems[0].start, t.lastIndexOf(`: ${quote}`) + 2, t);
      }
    });

    it('does not blame an apostrophe in plain text, nor a quote in a comment, for another error', () => {
      for (const t of ["a: it's fine\nb: [1\n", 'a: "ok" # "comment\nb: [1\n']) {
        assert.match(parse(t).problems[0].message, /YAML syntax error/, t);
      }
    });

    it('reports an unclosed flow sequence at the end of the text', () => {
      const t = 'a: [1, 2\n';
      const d = parse(t);
      assert.equal(d.problems.length, 1);
      assert.ok(d.problems[0].start >= t.indexOf('['));
    });

    it('reports bad indentation at the offending line', () => {
      const t = 'a:\n  b: 1\n c: 2\n';
      const d = parse(t);
      assert.equal(d.problems.length, 1);
      assert.match(d.problems[0].message, /indentation/);
      assert.equal(new LineIndex(t).positionAt(d.problems[0].start).line, 2);
    });

    it('reports a second colon on one line', () => {
      const d = parse('key: value: other\n');
      assert.equal(d.problems.length, 1);
      assert.equal(d.problems[0].start, 10);
    });

    it('explains tab indentation in plain words, at the tab', () => {
      const t = 'a:\n\tb: 1\n';
      const d = parse(t);
      assert.equal(d.problems.length, 1);
      assert.equal(d.problems[0].message, 'YAML does not allow tab characters for indentation; use spaces.');
      assert.equal(rangeText(t, d.problems[0]), '\t');
    });

    it('accepts tabs inside values and after a colon', () => {
      const d = parse('a: "x\ty"\nb:\tc\n');
      assert.deepEqual(d.problems, []);
      assert.deepEqual(d.value, { a: 'x\ty', b: 'c' });
    });

    // BUG (parse.ts, since the value is built in buildTrees): an alias to an anchor that does not
    // exist is no longer reported; `a: *nope` reads as {} with no problem (js-yaml's constructor
    // used to throw "unidentified alias"), so `next: *nope` in a script silently vanishes.
    it('reports an unknown alias', () => {
      const t = 'a: *nope\n';
      const d = parse(t);
      assert.equal(d.problems.length, 1);
      assert.match(d.problems[0].message, /alias \*nope/);
      assert.ok(d.problems[0].start >= 3 && d.problems[0].start <= 5);
    });

    for (const [tag, t] of [
      ['a custom local tag', 'a: !custom foo\n'],
      ['!!binary', 'a: !!binary aGVsbG8=\n'],
      ['!!set', 'a: !!set {x}\n'],
      ['a js type', 'a: !!js/regexp /x/\n'],
      ['a verbatim tag', 'a: !<tag:example.com,2000:x> 1\n'],
    ] as const) {
      it(`reports ${tag} as an unknown tag at the tag`, () => {
        const d = parse(t);
        assert.equal(d.problems.length, 1);
        assert.match(d.problems[0].message, /unknown .*tag/);
        assert.equal(d.problems[0].start, 3);
        assert.equal(d.root, undefined);
      });
    }
  });

  describe('hostile input', () => {
    it('stops a flow sequence nested 10,000 deep with one problem', () => {
      const t = '['.repeat(10_000) + ']'.repeat(10_000);
      const d = parse(t);
      assert.equal(d.problems.length, 1);
      assert.match(d.problems[0].message, /nested too deeply/);
      assert.equal(d.root, undefined);
    });

    it('stops a flow mapping nested 10,000 deep, and an unclosed one', () => {
      for (const t of ['{a: '.repeat(10_000) + '1' + '}'.repeat(10_000), '['.repeat(10_000)]) {
        const d = parse(t);
        assert.equal(d.problems.length, 1);
        assert.match(d.problems[0].message, /nested too deeply/);
      }
    });

    it('stops a block sequence nested 10,000 deep on one line (`- - - … x`)', () => {
      const t = '- '.repeat(10_000) + 'x\n';
      const d = parse(t);
      assert.equal(d.problems.length, 1);
      assert.match(d.problems[0].message, /nested too deeply/);
      assert.equal(new LineIndex(t).positionAt(d.problems[0].start).line, 0);
    });

    it('stops deep block nesting past the limit, and accepts nesting under it', () => {
      const nest = (depth: number): string => Array.from({ length: depth }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' leaf\n';
      const deep = parse(nest(200));
      assert.equal(deep.problems.length, 1);
      assert.match(deep.problems[0].message, /nested too deeply/);
      const fine = parse(nest(50));
      assert.deepEqual(fine.problems, []);
      assert.equal(src(nest(50), fine, Array(50).fill('k')), 'leaf');
    });

    it('stops a billion-laughs alias bomb quickly, with one problem at the first alias', () => {
      const rows = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        rows.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + prev).join(', ')}]`);
      }
      const t = rows.join('\n') + '\n';
      const began = Date.now();
      const d = parse(t);
      // 9^9 (387 million) nodes if expanded: only a check that stops early finishes at all
      assert.ok(Date.now() - began < 5000, `took ${Date.now() - began} ms`);
      assert.equal(d.problems.length, 1);
      assert.match(d.problems[0].message, /alias bomb/);
      assert.equal(rangeText(t, d.problems[0]), '*a');
      assert.equal(d.root, undefined);
      assert.equal(d.value, undefined);
    });

    it('accepts a few harmless aliases', () => {
      const d = parse('base: &b { x: 1 }\none: *b\ntwo: *b\n');
      assert.deepEqual(d.problems, []);
      assert.deepEqual(d.value, { base: { x: 1 }, one: { x: 1 }, two: { x: 1 } });
    });

    it('rejects recursive aliases with one problem at the alias', () => {
      for (const t of ['a: &a [*a]\n', 'a: &x\n  b: *x\n']) {
        const d = parse(t);
        assert.equal(d.problems.length, 1, t);
        assert.match(d.problems[0].message, /recursive/);
        assert.match(rangeText(t, d.problems[0]), /^\*(a|x)$/);
        assert.equal(d.root, undefined);
      }
    });

    it('refuses binary data, pointing at the first bad byte', () => {
      const t = 'a: 1\n\u0000\u0001\u0002junk\n';
      const d = parse(t);
      assert.equal(d.problems.length, 1);
      assert.match(d.problems[0].message, /binary/);
      assert.equal(d.problems[0].start, 5);
      assert.equal(d.problems[0].end, 6);
    });

    it('survives random bytes', () => {
      let seed = 7;
      const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      for (let n = 0; n < 50; n++) {
        const t = Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(rnd() * 256))).join('');
        parse(t);
      }
    });

    it('reads a 10 MB file to the end', function () {
      this.timeout(120_000);
      const sentence = 'This line is long enough to make the file big without making it deep. ';
      const rows = ['items:'];
      for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) size += rows[rows.push(`  - { id: item-${i}, text: "${sentence.repeat(13)}${i}" }`) - 1].length + 1;
      const t = rows.join('\n') + '\n';
      assert.ok(t.length >= 10 * 1024 * 1024);
      const d = parse(t);
      assert.deepEqual(d.problems, []);
      const last = rows.length - 2;
      const items = nodeAt(d.root, ['items']);
      assert.ok(items?.kind === 'seq');
      assert.equal(items.items.length, last + 1);
      assert.equal(src(t, d, ['items', last, 'id']), `item-${last}`);
      assert.equal((d.value as { items: { id: string }[] }).items[last].id, `item-${last}`);
    });

    // BUG (parse.ts): maxExpandedNodes counts every node, so a large file with no alias at all
    // (here 1.3 million nodes, 13 MB) is refused as "an alias bomb?", with a range over the whole
    // document. Expected: the limit applies to what aliases add, or the message does not blame aliases.
    it('does not call a big file without aliases an alias bomb', function () {
      this.timeout(120_000);
      const rows = ['items:'];
      for (let i = 0; i < 270_000; i++) rows.push(`  - { id: item-${i}, n: ${i} }`);
      const d = parse(rows.join('\n') + '\n');
      assert.deepEqual(d.problems, []);
    });
  });
});
