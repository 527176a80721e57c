import { strict as assert } from 'assert';
import { analyze, type ScriptModel } from '../../../server/src/core';
import { flowIndex, pathTo, successors, walkFromStart } from '../../../server/src/core/model/flow';
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

  it('walks breadth-first from the start, recording each step\'s predecessor', () => {
    const walk = walkFromStart(model, flowIndex(model));
    assert.deepEqual([...walk.entries()], [
      ['greeting', null],
      ['fix', 'greeting'],
      ['later', 'greeting'],
    ]);
    assert.deepEqual(pathTo(walk, 'later'), ['greeting', 'later']);
  });

  it('enters blocked steps without leaving them', () => {
    const walk = walkFromStart(model, flowIndex(model), (s) => s.id === 'greeting');
    assert.deepEqual([...walk.keys()], ['greeting']);
  });

  it('walks nowhere when the start step does not exist', () => {
    const broken = modelOf(script({ start: 'nowhere' }));
    assert.equal(walkFromStart(broken, flowIndex(broken)).size, 0);
  });
});
