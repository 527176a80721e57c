import { strict as assert } from 'assert';
import { foldSatellites, unfold } from '../../server/src/core/graph/fold';
import { measureLabel, measureNode } from '../../server/src/core/graph/measure';
import { block, script } from '../helpers/script';
import { graphOf } from './helpers';

describe('graph: folding satellites (huge graphs)', () => {
  const { graph } = graphOf(
    script({
      steps: block(`
        greeting:
          ask: Is this a good time?
          objections: [busy, price]
          branches:
            - when: "yes"
              next: offer
            - when: "no"
              outcome: callback
            - when: later
              outcome: later
        offer:
          say: Here is the offer.
          objections: [busy]
          branches:
            - when: accepts
              outcome: resolved
            - when: refuses
              next: missing-step
            - when: complains
              next: escalation
        escalation:
          say: I am passing you to a manager.
          escalate: { to: managers, outcome: later }
      `),
      objections: block(`
        busy:
          reply: It takes one minute.
        price:
          reply: It is cheaper than you think.
          outcome: callback
      `),
      outcomes: block(`
        resolved: { label: Resolved, success: true }
        callback: { label: Call back later }
        later: { label: Later }
      `),
    }),
  );
  const sizes = new Map(graph.nodes.map((n) => [n.id, measureNode(n)]));
  const labels = new Map(graph.edges.flatMap((e) => (e.label !== undefined ? [[e.id, measureLabel(e.label)] as const] : [])));
  const folds = foldSatellites(graph, sizes, labels);
  const edge = (source: string, target: string): string => graph.edges.find((e) => e.source === source && e.target === target)!.id;
  const folded = (side: 'left' | 'right'): Record<string, string> => Object.fromEntries([...folds].flatMap(([owner, f]) => (f[side] ? [[owner, f[side]!.node]] : [])));

  it('folds on its left the first end that only a node reaches, downwards and off the happy path', () => {
    assert.deepEqual(folded('left'), {
      'step:greeting': 'outcome:greeting/callback',
      'step:offer': 'missing:offer/missing-step', // not its happy end
      'handover:escalation': 'outcome:escalation/escalate/later',
      'objection:greeting/price': 'outcome:greeting/price/callback',
    });
    assert.deepEqual(folds.get('step:greeting')!.left!.edges, [edge('step:greeting', 'outcome:greeting/callback')]);
  });

  it('folds on its right an objection that returns to the node, when nothing else uses that side', () => {
    // greeting raises two objections: its right side is shared.
    assert.deepEqual(folded('right'), { 'step:offer': 'objection:offer/busy' });
    assert.deepEqual(folds.get('step:offer')!.right!.edges, [edge('step:offer', 'objection:offer/busy'), edge('objection:offer/busy', 'step:offer')]);
  });

  it('makes room for the satellites and for the labels between them and the node', () => {
    const { offset, width } = folds.get('step:offer')!;
    const [missing, busy, offer] = ['missing:offer/missing-step', 'objection:offer/busy', 'step:offer'].map((id) => sizes.get(id)!.width);
    const returnLabel = labels.get(edge('objection:offer/busy', 'step:offer'))!.width;
    assert.ok(offset >= missing + labels.get(edge('step:offer', 'missing:offer/missing-step'))!.width + 32, `offset ${offset}`);
    assert.ok(width >= offset + offer + returnLabel + 32 + busy, `width ${width}`);
  });

  it('puts the node between its satellites, all centred on its mid-height, joined by level edges', () => {
    const fold = folds.get('step:offer')!;
    const { at, routes } = unfold({ x: 100, y: 50 }, 'step:offer', fold, sizes);
    const size = (id: string): { width: number; height: number } => sizes.get(id)!;
    const [node, leaf, objection] = ['step:offer', fold.left!.node, fold.right!.node];
    const mid = 50 + size(node).height / 2;
    const x = 100 + fold.offset;
    const right = 100 + fold.width - size(objection).width;
    assert.deepEqual(at.get(node), { x, y: 50 });
    assert.deepEqual(at.get(leaf), { x: 100, y: mid - size(leaf).height / 2 });
    assert.deepEqual(at.get(objection), { x: right, y: mid - size(objection).height / 2 });
    assert.deepEqual(routes.get(fold.left!.edges[0]), [
      { x, y: mid },
      { x: 100 + size(leaf).width, y: mid },
    ]);
    const [out, back] = fold.right!.edges.map((e) => routes.get(e)!);
    assert.deepEqual(out, [
      { x: x + size(node).width, y: mid - 10 },
      { x: right, y: mid - 10 },
    ]);
    assert.deepEqual(back, [
      { x: right, y: mid + 10 },
      { x: x + size(node).width, y: mid + 10 },
    ]);
  });
});
