import { strict as assert } from 'assert';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'duplicate-branch';

describe('duplicate-branch', () => {
  it('reports a repeated `when`, ignoring case and spaces, at the repeat', () => {
    const t = script({
      steps: `
        greeting:
          ask: Is it working?
          branches:
            - when: Yes
              outcome: resolved
            - when: no
              next: greeting
            - when: " yes "
              next: greeting
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), '" yes "');
    assert.equal(f.message, 'Step "greeting" already has a branch " yes " (branch 1).');
    assert.equal(f.severity, 'error');
  });

  it('reports every repeat', () => {
    const t = script({
      steps: `
        greeting:
          ask: Is it working?
          branches:
            - { when: yes, outcome: resolved }
            - { when: YES, outcome: resolved }
            - { when: yes, outcome: resolved }
      `,
    });
    const found = findingsOf(t, RULE);
    assert.deepEqual(
      found.map((f) => rangeText(t, f)),
      ['YES', 'yes'],
    );
    assert.equal(found[1].start, t.lastIndexOf('yes'));
  });

  it('reports the repeats among many branches, naming the first of each label', () => {
    // 40 branches: a0 … a9 four times over, in different cases
    const labels = Array.from({ length: 40 }, (_, i) => (i < 20 ? `a${i % 10}` : `A${i % 10}`));
    const t = script({
      steps: `
        greeting:
          ask: Which one?
          branches:
${labels.map((l) => `            - { when: ${l}, outcome: resolved }`).join('\n')}
      `,
    });
    const found = findingsOf(t, RULE);
    assert.equal(found.length, 30);
    assert.deepEqual(
      found.slice(0, 2).map((f) => f.message),
      ['Step "greeting" already has a branch "a0" (branch 1).', 'Step "greeting" already has a branch "a1" (branch 2).'],
    );
    assert.equal(found[29].message, 'Step "greeting" already has a branch "A9" (branch 10).');
  });

  it('accepts distinct labels, and the same label in different steps', () => {
    const t = script({
      steps: `
        greeting:
          ask: Is it working?
          branches:
            - { when: yes, outcome: resolved }
            - { when: no, next: again }
        again:
          ask: And now?
          branches:
            - { when: yes, outcome: resolved }
            - { when: no, next: greeting }
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('leaves a branch without `when` to the schema', () => {
    const t = script({
      steps: `
        greeting:
          ask: Is it working?
          branches:
            - { outcome: resolved }
            - { outcome: resolved }
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
    assert.equal(findingsOf(t, 'schema').length, 2);
  });
});
