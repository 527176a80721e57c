import { strict as assert } from 'assert';
import { toDot, toJson, toMermaid } from '../../server/src/core/graph';
import { dotString } from '../../server/src/core/graph/export/dot';
import { mermaidText } from '../../server/src/core/graph/export/mermaid';
import { clearLayoutCache } from '../../server/src/core/graph/layout';
import { block, script } from '../helpers/script';
import { examples, graphOf, HOSTILE, laidOutOf } from './helpers';

const HOSTILE_SCRIPT = script({
  steps: block(`
    greeting:
      say: ${JSON.stringify(HOSTILE)}
      branches:
        - when: ${JSON.stringify('"] --> x[ %% | #')}
          outcome: resolved
        - when: "multi\\nline"
          next: greeting
  `),
});

/** The quoted strings of a DOT text, read back the way Graphviz reads them. */
function dotStrings(dot: string): string[] {
  return [...dot.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)));
}

describe('graph: DOT export', () => {
  it('writes a digraph with every node and edge, ids and labels quoted', () => {
    const { graph } = graphOf(script());
    const dot = toDot(graph);
    assert.match(dot, /^digraph "test-script" \{\n/);
    assert.match(dot, /\n {2}"step:greeting" \[shape=box, style="rounded", label="greeting\\nsay\\nHello, how can I help\?"/);
    assert.match(dot, /\n {2}"step:greeting" -> "outcome:greeting\/resolved" \[color="#1a7f37", penwidth=2.5\];\n/);
    assert.ok(dot.endsWith('}\n'));
  });

  it('escapes quotes, backslashes and line breaks in hostile text', () => {
    const dot = toDot(graphOf(HOSTILE_SCRIPT).graph);
    const strings = dotStrings(dot);
    assert.ok(strings.some((s) => s.includes(HOSTILE)), 'the step text survives a round trip');
    assert.ok(strings.includes('"] --> x[ %% | #'));
    assert.ok(strings.includes('multi\nline'));
    // Every line is a statement or a brace: nothing broke out of a string.
    for (const line of dot.trim().split('\n').slice(1, -1)) assert.match(line, /^ {2}(node|edge|rankdir|"[^]*;$)/);
    assert.equal(dotString('a\\'), '"a\\\\"', 'a trailing backslash cannot escape the closing quote');
  });
});

describe('graph: Mermaid export', () => {
  it('writes a flowchart with shapes, labelled links and classes', () => {
    const mmd = toMermaid(graphOf(script()).graph);
    assert.match(mmd, /^flowchart TD\n {2}n0\(\("Start"\)\)\n {2}n1\["greeting<br\/>say<br\/>Hello, how can I help\?"\]\n {2}n2\(\["Resolved<br\/>success"\]\)\n/);
    assert.match(mmd, /\n {2}n0 ==> n1\n/);
    assert.match(mmd, /\n {2}class n2 success\n/);
    assert.match(mmd, /\n {2}linkStyle 0,1 /);
  });

  it('turns every character Mermaid could read as syntax into an entity code', () => {
    const mmd = toMermaid(graphOf(HOSTILE_SCRIPT).graph);
    assert.ok(!mmd.includes('<script'), 'no markup');
    assert.ok(!/"[^"\n]*"[^\n]*"\] -->/.test(mmd));
    const labels = [...mmd.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    for (const l of labels) assert.ok(!/[<>"`|]/.test(l.replace(/<br\/>/g, '')), `unescaped syntax in ${l}`);
    assert.equal(mermaidText('a"b<c>|d#e`f\\g'), 'a#34;b#60;c#62;#124;d#35;e#96;f#92;g');
    assert.ok(!mmd.split('\n').some((l) => l.trim() === 'end'), 'no bare keyword line');
  });
});

describe('graph: JSON export', function () {
  this.timeout(60_000);

  it('writes the positioned graph, inert in HTML, and reads back the same', async () => {
    const laid = await laidOutOf(HOSTILE_SCRIPT);
    const json = toJson(laid);
    assert.ok(!/[<>&\u2028\u2029]/.test(json), 'no raw <, >, & or line separators');
    const back = JSON.parse(json);
    assert.equal(back.format, 'callscript-graph');
    assert.equal(back.version, 1);
    assert.deepEqual(back.nodes, JSON.parse(JSON.stringify(laid.nodes)));
    assert.ok(back.nodes.some((n: { excerpt: string }) => n.excerpt.includes('</svg><script>')));
  });
});

describe('graph: exports are deterministic', function () {
  this.timeout(60_000);
  for (const { name, text } of [{ name: 'a hostile script', text: HOSTILE_SCRIPT }, ...examples()]) {
    it(`gives the same DOT, Mermaid and JSON twice for ${name}`, async () => {
      assert.equal(toDot(graphOf(text).graph), toDot(graphOf(text).graph));
      assert.equal(toMermaid(graphOf(text).graph), toMermaid(graphOf(text).graph));
      clearLayoutCache();
      const json = toJson(await laidOutOf(text));
      clearLayoutCache();
      assert.equal(toJson(await laidOutOf(text)), json);
    });
  }
});
