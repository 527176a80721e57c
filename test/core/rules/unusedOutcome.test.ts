import { strict as assert } from 'assert';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'unused-outcome';

describe('unused-outcome', () => {
  it('reports an outcome nothing ends in, at its id, as info', () => {
    const t = script({
      outcomes: `
        resolved: { label: Resolved, success: true }
        callback: { label: Callback scheduled }
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'callback');
    assert.equal(f.message, 'Outcome "callback" is declared but no call ends in it.');
    assert.deepEqual(f.data, { id: 'callback' });
    assert.equal(f.severity, 'info');
  });

  it('counts steps, branches, transfers, escalations and objections as uses', () => {
    const t = script({
      steps: `
        greeting:
          ask: Fixed?
          objections: [angry]
          branches:
            - when: yes
              outcome: by-branch
            - when: no
              next: pass
        pass:
          say: Passing you on.
          transfer: { to: second-line, outcome: by-transfer }
        up:
          say: Escalating.
          escalate: { to: supervisor, outcome: by-escalation }
        done:
          say: Done.
          outcome: by-step
      `,
      objections: `
        angry:
          reply: Sorry.
          outcome: by-objection
      `,
      outcomes: `
        by-branch: { label: A, success: true }
        by-transfer: { label: B }
        by-escalation: { label: C }
        by-step: { label: D }
        by-objection: { label: E }
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });
});
