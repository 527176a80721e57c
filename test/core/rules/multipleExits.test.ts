import { strict as assert } from 'assert';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'multiple-exits';

describe('multiple-exits', () => {
  it('reports the ways on after the first, from the second key to the last', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          next: greeting
          outcome: resolved
          transfer: { to: sales }
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'outcome: resolved\n    transfer');
    assert.equal(f.message, 'Step "greeting" has 3 ways on (next, outcome, transfer); keep exactly one.');
    assert.deepEqual(f.data, { id: 'greeting', kept: 'next' });
    assert.equal(f.severity, 'error');
  });

  it('reports two ways on at the second key alone', () => {
    const t = script({
      steps: `
        greeting:
          ask: Ready?
          branches:
            - when: yes
              outcome: resolved
          next: greeting
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'next');
    assert.equal(f.start, t.lastIndexOf('next'));
    assert.deepEqual(f.data, { id: 'greeting', kept: 'branches' });
  });

  it('accepts exactly one way on, and does not count text, tags or objections', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          ask: Ready?
          note: Smile.
          tags: [intro]
          satisfies: [greeting-done]
          outcome: resolved
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });
});
