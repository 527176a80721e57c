import { strict as assert } from 'assert';
import { foldLeaves, unfold } from '../../server/src/core/graph/fold';
import { measureLabel, measureNode } from '../../server/src/core/graph/measure';
import { block, script } from '../helpers/script';
import { graphOf } from './helpers';

describe('graph: leaf folding (huge graphs)', () => {
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
  const folds = foldLeaves(graph, sizes, labels);
  const edge = (source: string, target: string): string => graph.edges.find((e) => e.source === source && e.target === target)!.id;

  it('folds the first leaf off the happy path that a node reaches downwards, with room for the label', () => {
    const fold = folds.get('step:greeting')!;
    assert.deepEqual({ leaf: fold.leaf, edge: fold.edge }, { leaf: 'outcome:greeting/callback', edge: edge('step:greeting', 'outcome:greeting/callback') });
    assert.ok(fold.offset >= sizes.get(fold.leaf)!.width + labels.get(fold.edge)!.width + 32, `offset ${fold.offset}`);
  });

  it('folds a leaf reached through a handover or an objection too, never the happy path or a node with edges out', () => {
    assert.deepEqual([...folds.keys()].sort(), ['handover:escalation', 'objection:greeting/price', 'step:greeting', 'step:offer']);
    assert.equal(folds.get('step:offer')!.leaf, 'missing:offer/missing-step', 'the happy end stays below its step');
    assert.ok(![...folds.values()].some((f) => f.leaf === 'objection:greeting/busy'), 'an objection that returns is no leaf');
  });

  it('puts the node right of its leaf, both centred on one level edge', () => {
    const fold = folds.get('step:greeting')!;
    const [node, leaf] = [sizes.get('step:greeting')!, sizes.get(fold.leaf)!];
    const u = unfold({ x: 100, y: 50 }, fold, node, leaf);
    const mid = 50 + node.height / 2;
    assert.deepEqual(u.node, { x: 100 + fold.offset, y: 50 });
    assert.deepEqual(u.leaf, { x: 100, y: mid - leaf.height / 2 });
    assert.deepEqual(u.route, [
      { x: 100 + fold.offset, y: mid },
      { x: 100 + leaf.width, y: mid },
    ]);
  });
});
