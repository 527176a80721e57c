import { strict as assert } from 'assert';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderSvg, toSvgString } from '../../server/src/core/graph';
import { clearLayoutCache } from '../../server/src/core/graph/layout';
import { el, escapeXml, type SvgElement } from '../../server/src/core/graph/render/tree';
import { block, script } from '../helpers/script';
import { examples, HOSTILE, laidOutOf } from './helpers';

const HOSTILE_SCRIPT = script({
  steps: block(`
    greeting:
      say: ${JSON.stringify(HOSTILE)}
      branches:
        - when: ${JSON.stringify('</text><script>alert(2)</script>')}
          outcome: resolved
        - when: "bell \\u0007 and nul-like \\u0001 and lone \\ud800"
          next: greeting
  `),
});

/** Every text node of the parsed SVG, joined. */
function allText(svg: string): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: false }).parse(svg));
  return out.join('\n');
}

describe('graph: SVG', function () {
  this.timeout(60_000);

  it('is well-formed, standalone SVG with its stylesheet', async () => {
    const svg = toSvgString(renderSvg(await laidOutOf(script()), { embedStyle: true }));
    assert.equal(XMLValidator.validate(svg), true);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="callscript-graph" viewBox="0 0 \d+ \d+"/);
    assert.match(svg, /<style>[^<]*--cs-bg: #ffffff/);
    assert.match(svg, /data-node-id="step:greeting"/);
  });

  it('keeps hostile step text as text: escaped, never markup', async () => {
    const svg = toSvgString(renderSvg(await laidOutOf(HOSTILE_SCRIPT), { embedStyle: true }));
    assert.equal(XMLValidator.validate(svg), true, 'still well-formed');
    assert.ok(!/<script/i.test(svg), 'no script element');
    assert.ok(!svg.includes('</svg><'), 'the text cannot close the SVG');
    assert.match(svg, /&lt;\/svg&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.ok(allText(svg).includes('</text><script>alert(2)'), 'the branch label reads as written (shortened)');
    assert.ok(!/[\u0000-\u0008]/.test(svg), 'no characters XML forbids');
  });

  it('is the same for the same script', async () => {
    clearLayoutCache();
    const a = await laidOutOf(HOSTILE_SCRIPT);
    clearLayoutCache();
    const b = await laidOutOf(HOSTILE_SCRIPT);
    assert.equal(toSvgString(renderSvg(a)), toSvgString(renderSvg(b)));
  });

  it('marks nodes with classes for their kind, path and problems', async () => {
    const svg = toSvgString(renderSvg(await laidOutOf(script({ steps: '{ greeting: { ask: Hi?, outcome: resolved }, lost: { say: Where am I } }' }))));
    assert.match(svg, /class="node node-step kind-ask happy"/);
    assert.match(svg, /class="node node-step kind-say unreachable dead-end severity-error"/);
    assert.match(svg, /class="node node-outcome happy success"/);
    assert.match(svg, /class="edge edge-outcome happy"/);
  });

  for (const { name, text } of examples()) {
    it(`draws ${name} as well-formed SVG`, async () => {
      const svg = toSvgString(renderSvg(await laidOutOf(text), { embedStyle: true }));
      assert.equal(XMLValidator.validate(svg), true);
    });
  }
});

describe('graph: toSvgString', () => {
  it('escapes every text and attribute value', () => {
    const tree = el('svg', { 'aria-label': `"><script>x</script>'&` }, [el('text', {}, [], `<b>&amp;</b>"'`)]);
    const out = toSvgString(tree);
    assert.equal(out, `<svg aria-label="&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#39;&amp;">\n  <text>&lt;b&gt;&amp;amp;&lt;/b&gt;&quot;&#39;</text>\n</svg>\n`);
    assert.equal(XMLValidator.validate(out), true);
  });

  it('drops dangerous or invalid tags and attributes', () => {
    const tree: SvgElement = {
      tag: 'svg',
      attrs: { onload: 'alert(1)', href: 'javascript:alert(1)', 'xlink:href': 'x', style: 'x', 'bad name': 'x', class: 'ok' },
      children: [{ tag: 'script', attrs: {}, children: [], text: 'alert(1)' }, { tag: 'foreignObject', attrs: {}, children: [] }, { tag: 'g><script', attrs: {}, children: [] }],
    };
    assert.equal(toSvgString(tree), '<svg class="ok"/>\n');
  });

  it('replaces characters XML forbids', () => {
    assert.equal(escapeXml('a\u0000b\u001Fc\uD800d\uFFFE'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFD');
    assert.equal(escapeXml('😀 ok'), '😀 ok', 'surrogate pairs stay');
  });
});
