import { strict as assert } from 'assert';
import { clearLayoutCache } from '../../server/src/core/graph/layout';
import type { PositionedEdge, PositionedGraph } from '../../server/src/core/graph/types';
import { generateScript } from '../../bench/generate';
import { block, script } from '../helpers/script';
import { examples, laidOutOf } from './helpers';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Distance from a point to the segment a–b. */
function toSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const len2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len2));
  return Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y)));
}

const onBorder = (p: { x: number; y: number }, b: Box): boolean =>
  p.x >= b.x - 1 && p.x <= b.x + b.width + 1 && p.y >= b.y - 1 && p.y <= b.y + b.height + 1 && (Math.abs(p.x - b.x) <= 1 || Math.abs(p.x - b.x - b.width) <= 1 || Math.abs(p.y - b.y) <= 1 || Math.abs(p.y - b.y - b.height) <= 1);

/** What every drawing must satisfy: inside its bounds, no overlaps, edges from border to border. */
function assertReadable(g: PositionedGraph): void {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  for (const n of g.nodes) {
    assert.ok(Number.isFinite(n.x) && Number.isFinite(n.y) && n.width > 0 && n.height > 0, `${n.id} has no box`);
    assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= g.width + 0.5 && n.y + n.height <= g.height + 0.5, `${n.id} lies outside the drawing`);
  }
  for (let i = 0; i < g.nodes.length; i++) {
    for (let j = i + 1; j < g.nodes.length; j++) assert.ok(!overlaps(g.nodes[i], g.nodes[j]), `${g.nodes[i].id} overlaps ${g.nodes[j].id}`);
  }
  for (const e of g.edges) {
    assert.ok(e.points.length >= 2, `${e.id} has no route`);
    assert.ok(onBorder(e.points[0], byId.get(e.source)!), `${e.id} does not start at ${e.source}`);
    assert.ok(onBorder(e.points[e.points.length - 1], byId.get(e.target)!), `${e.id} does not end at ${e.target}`);
    if (e.label !== undefined) {
      assert.ok(e.labelBox, `${e.id} has no label box`);
      for (const n of g.nodes) assert.ok(!overlaps(e.labelBox!, n), `the label of ${e.id} (${e.label}) covers ${n.id}`);
      const b = e.labelBox!;
      const center = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      const near = Math.min(...e.points.slice(1).map((p, i) => toSegment(center, e.points[i], p)));
      assert.ok(near <= Math.max(b.width, b.height) / 2 + 12, `the label of ${e.id} (${e.label}) is ${near.toFixed(0)} px away from its edge`);
    }
  }
}

describe('graph: layout', function () {
  this.timeout(120_000);

  const LOOPY = script({
    steps: block(`
      greeting:
        ask: Is this a good time?
        objections: [busy]
        branches:
          - when: "yes"
            next: needs
          - when: "no"
            outcome: callback
      needs:
        ask: What do you need?
        branches:
          - when: unclear
            next: greeting
          - when: clear
            next: offer
      offer:
        say: We have just the thing for you, at a very good price this month.
        branches:
          - when: accepts
            next: close
          - when: thinks
            next: needs
      close:
        say: Thank you!
        outcome: resolved
    `),
    objections: block(`
      busy:
        reply: It takes one minute.
    `),
    outcomes: block(`
      resolved: { label: Resolved, success: true }
      callback: { label: Call back later }
    `),
  });

  it('draws a script with loops and objections without overlaps, labels beside the edges', async () => {
    assertReadable(await laidOutOf(LOOPY));
  });

  it('keeps the happy path on one vertical axis and routes loops back up', async () => {
    const g = await laidOutOf(LOOPY);
    const centers = g.nodes.filter((n) => n.happy).map((n) => Math.round(n.x + n.width / 2));
    assert.ok(centers.length >= 5);
    assert.deepEqual(new Set(centers).size, 1, `happy path centres: ${centers.join(', ')}`);
    for (const e of g.edges.filter((x) => x.happy)) assert.ok(e.points.every((p) => Math.round(p.x) === centers[0]), `${e.id} bends`);
    const back = g.edges.find((e) => e.label === 'thinks')!;
    assert.ok(back.points[back.points.length - 1].y < back.points[0].y, 'a loop goes back up');
  });

  // One huge layout, shared by the tests below (ELK takes seconds over it).
  let huge: Promise<PositionedGraph> | undefined;
  const hugeLayout = (): Promise<PositionedGraph> => (huge ??= laidOutOf(generateScript(800)));

  it('lays out a script of 1,000+ nodes with its labels placed beside the edges (not by ELK)', async () => {
    const g = await hugeLayout();
    assert.ok(g.nodes.length >= 1000, `${g.nodes.length} nodes`);
    assertReadable(g);
  });

  it('draws, from 1,000 nodes, the ends and returning objections of a step level with it, joined by level edges', async () => {
    const g = await hugeLayout();
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const mid = (n: Box): number => n.y + n.height / 2;
    const level = (e: PositionedEdge): boolean => e.points.length === 2 && e.points[0].y === e.points[1].y;
    const ends = g.edges.filter((e) => !e.happy && byId.get(e.target)!.kind === 'outcome' && g.edges.filter((x) => x.target === e.target).length === 1);
    assert.ok(ends.length >= 500, `${ends.length} ends`);
    for (const e of ends) {
      const [step, end] = [byId.get(e.source)!, byId.get(e.target)!];
      assert.ok(mid(end) === mid(step) && end.x + end.width < step.x, `${end.id} is not level with ${step.id}, on its left`);
      assert.ok(level(e) && e.points[0].y === mid(step), `${e.id} is not one level segment at mid-height`);
    }
    const returns = g.edges.filter((e) => e.kind === 'return');
    assert.ok(returns.length >= 100, `${returns.length} objections`);
    for (const back of returns) {
      const [objection, step] = [byId.get(back.source)!, byId.get(back.target)!];
      const out = g.edges.find((e) => e.target === objection.id)!;
      assert.ok(mid(objection) === mid(step) && objection.x > step.x + step.width, `${objection.id} is not level with ${step.id}, on its right`);
      assert.ok(level(out) && level(back) && out.points[0].y < back.points[0].y, `${objection.id}: edges not level, the way there above the way back`);
    }
    // The happy path still runs straight down to its end.
    const centers = new Set(g.nodes.filter((n) => n.happy).map((n) => Math.round(n.x + n.width / 2)));
    assert.equal(centers.size, 1, `happy path centres: ${[...centers].join(', ')}`);
  });

  it('is the same for the same script (ELK run twice, not the cached layout)', async () => {
    clearLayoutCache();
    const first = JSON.stringify(await laidOutOf(LOOPY));
    clearLayoutCache();
    assert.equal(JSON.stringify(await laidOutOf(LOOPY)), first);
  });

  it('sizes nodes from their text and wraps long texts', async () => {
    const long = 'word '.repeat(60).trim();
    const g = await laidOutOf(script({ steps: `{ greeting: { say: "${long}", outcome: resolved } }` }));
    const n = g.nodes.find((x) => x.id === 'step:greeting')!;
    assert.ok(n.lines.length === 3 && n.lines[2].endsWith('…'), n.lines.join(' / '));
    assert.ok(n.width <= 250 && n.height > 60);
  });

  for (const { name, text } of examples()) {
    it(`draws ${name} readably`, async () => assertReadable(await laidOutOf(text)));
  }
});
