import { strict as assert } from 'assert';
import { analyze, type ScriptModel } from '../../../server/src/core';
import { ENDS, flowGraph, flowIndex, pathTo, SUCCEEDS, successors, walk } from '../../../server/src/core/model/flow';
import { script } from '../../helpers/script';

function modelOf(text: string): ScriptModel {
  const model = analyze(text).model;
  assert.ok(model, 'the test script must build a model');
  return model;
}

describe('model/flow', () => {
  const model = modelOf(
    script({
      steps: `
        greeting:
          ask: Working?
          objections: [busy, angry, vague]
          branches:
            - { when: yes, outcome: resolved }
            - { when: no, next: fix }
            - { when: odd, next: missing-step }
            - { when: odder, outcome: missing-outcome }
        fix:
          say: Try this.
          transfer: { to: second-line }
        later:
          say: Later.
          escalate: { to: supervisor, outcome: escalated }
      `,
      objections: `
        busy: { reply: Sure., resume: later }
        angry: { reply: Sorry., outcome: escalated }
        vague: { reply: I see. }
      `,
      outcomes: `
        resolved: { label: Resolved, success: true }
        escalated: { label: Escalated }
      `,
    }),
  );

  it('lists the steps and ends a step leads to, objections included, unknown steps left out', () => {
    const s = successors(model, model.steps.get('greeting')!);
    assert.deepEqual(s.steps, ['fix', 'later']);
    assert.deepEqual(s.ends, [
      { outcome: 'resolved', success: true },
      { outcome: undefined, success: false },
      { outcome: 'escalated', success: false },
    ]);
  });

  it('treats a transfer without an outcome as an unsuccessful end', () => {
    assert.deepEqual(successors(model, model.steps.get('fix')!), { steps: [], ends: [{ outcome: undefined, success: false }] });
    assert.deepEqual(successors(model, model.steps.get('later')!).ends, [{ outcome: 'escalated', success: false }]);
  });

  it('indexes every step once', () => {
    const flow = flowIndex(model);
    assert.deepEqual([...flow.keys()], ['greeting', 'fix', 'later']);
  });

  it('numbers the steps in file order and lists each one\'s successors and ends, as successors() does', () => {
    const graph = flowGraph(model);
    assert.deepEqual(graph.steps.map((s) => s.id), ['greeting', 'fix', 'later']);
    assert.deepEqual([...graph.index], [['greeting', 0], ['fix', 1], ['later', 2]]);
    assert.equal(graph.start, 0);
    assert.deepEqual([...graph.first], [0, 2, 2, 2]);
    assert.deepEqual([...graph.next], [1, 2]);
    assert.deepEqual([...graph.flags], [ENDS | SUCCEEDS, ENDS, ENDS]);
    for (const [i, step] of graph.steps.entries()) {
      const s = successors(model, step);
      assert.deepEqual([...graph.next.subarray(graph.first[i], graph.first[i + 1])].map((j) => graph.steps[j].id), s.steps, step.id);
      assert.equal(graph.flags[i], (s.ends.length > 0 ? ENDS : 0) | (s.ends.some((e) => e.success) ? SUCCEEDS : 0), step.id);
    }
  });

  it('keeps repeated successors, in order, and resume edges', () => {
    const m = modelOf(
      script({
        steps: `
          greeting:
            ask: Again?
            objections: [back]
            branches:
              - { when: a, next: loop }
              - { when: b, next: greeting }
              - { when: c, next: loop }
          loop:
            say: Loop.
            next: greeting
        `,
        objections: `
          back: { reply: Sure., resume: loop }
        `,
      }),
    );
    const graph = flowGraph(m);
    assert.deepEqual([...graph.next.subarray(graph.first[0], graph.first[1])], [1, 0, 1, 1]);
    assert.deepEqual([...graph.flags], [0, 0]);
  });

  it('walks breadth-first from the start, recording each step\'s predecessor', () => {
    const graph = flowGraph(model);
    const walked = walk(graph);
    assert.deepEqual([...walked.order.subarray(0, walked.count)], [0, 1, 2]);
    assert.deepEqual([...walked.parent], [0, 0, 0]);
    assert.deepEqual(pathTo(graph, walked, 2), ['greeting', 'later']);
    assert.deepEqual(pathTo(graph, walked, 0), ['greeting']);
  });

  it('enters blocked steps without leaving them', () => {
    const walked = walk(flowGraph(model), (s) => s.id === 'greeting');
    assert.equal(walked.count, 1);
    assert.deepEqual([...walked.parent], [0, -1, -1]);
  });

  it('walks nowhere when the start step does not exist', () => {
    const graph = flowGraph(modelOf(script({ start: 'nowhere' })));
    assert.equal(graph.start, -1);
    assert.equal(walk(graph).count, 0);
  });
});
