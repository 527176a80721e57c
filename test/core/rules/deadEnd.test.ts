import { strict as assert } from 'assert';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'dead-end';

describe('dead-end', () => {
  it('reports a step with no way on, at its key', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          next: stuck
        stuck:
          say: Hmm.
          tags: [limbo]
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'stuck');
    assert.equal(f.start, t.indexOf('  stuck:') + 2);
    assert.equal(f.message, 'Step "stuck" is a dead end: give it a way on (next, branches, outcome, transfer or escalate).');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.data, { id: 'stuck' });
  });

  for (const exit of ['next: greeting', 'outcome: resolved', 'transfer: { to: back-office }', 'escalate: { to: second-line, outcome: resolved }', 'branches: [{ when: ok, outcome: resolved }]']) {
    it(`accepts a step whose way on is ${exit.split(':')[0]}`, () => {
      const t = script({
        steps: `
          greeting:
            say: Hi
            next: other
          other:
            say: x
            ${exit}
        `,
      });
      assert.deepEqual(findingsOf(t, RULE), []);
    });
  }

  it('reports a step whose only way on is empty (`next:` with no value)', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          next:
      `,
    });
    assert.equal(rangeText(t, single(t, RULE)), 'greeting');
  });

  it('reports a branch with neither next nor outcome, at its `when`', () => {
    const t = script({
      steps: `
        greeting:
          ask: Is it on?
          branches:
            - when: yes
              outcome: resolved
            - when: not sure
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'not sure');
    assert.equal(f.message, 'Branch "not sure" of step "greeting" leads nowhere: give it `next` (a step) or `outcome`.');
    assert.deepEqual(f.data, { id: 'greeting' });
    // and endless-loop does not call the step a loop
    assert.deepEqual(findingsOf(t, 'endless-loop'), []);
  });

  it('reports unreachable dead ends too, and an empty step', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          outcome: resolved
        a: {}
        b:
          note: Nothing to say.
      `,
    });
    assert.deepEqual(
      findingsOf(t, RULE).map((f) => rangeText(t, f)),
      ['a', 'b'],
    );
  });
});
