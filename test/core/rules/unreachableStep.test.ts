import { strict as assert } from 'assert';
import { findingsOf, rangeText } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'unreachable-step';

describe('unreachable-step', () => {
  it('finds nothing when every step can be reached', () => {
    const t = script({
      steps: `
        greeting:
          ask: Is it on?
          branches:
            - when: yes
              next: done
            - when: no
              next: fix
        fix:
          say: Switch it on.
          next: done
        done:
          say: Bye.
          outcome: resolved
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('reports each step no path reaches, at its key, even when they lead to each other', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          outcome: resolved
        orphan:
          say: Never read.
          next: orphan-two
        orphan-two:
          say: Never read either.
          next: greeting
      `,
    });
    const found = findingsOf(t, RULE);
    assert.deepEqual(
      found.map((f) => [rangeText(t, f), f.start]),
      [
        ['orphan', t.indexOf('  orphan:') + 2],
        ['orphan-two', t.indexOf('  orphan-two:') + 2],
      ],
    );
    assert.equal(found[0].message, 'Step "orphan" cannot be reached from the start step "greeting".');
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(found[0].data, { id: 'orphan' });
  });

  it('counts a step reached only through an objection\'s `resume` as reachable', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          objections: [busy]
          outcome: resolved
        callback:
          say: When may I call you back?
          outcome: resolved
      `,
      objections: `
        busy:
          reply: Of course.
          resume: callback
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
    // the same objection declared but not expected at a reached step does not help
    const notExpected = t.replace('    objections: [busy]\n', '');
    assert.deepEqual(
      findingsOf(notExpected, RULE).map((f) => rangeText(notExpected, f)),
      ['callback'],
    );
  });

  it('follows branches that end in an outcome and branches that go on', () => {
    const t = script({
      steps: `
        greeting:
          ask: Ready?
          branches:
            - when: no
              outcome: resolved
            - when: yes
              next: later
        later:
          say: Good.
          outcome: resolved
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('says nothing when the start step itself is missing (unknown-target reports that)', () => {
    const t = script({ start: 'nowhere' });
    assert.deepEqual(findingsOf(t, RULE), []);
    assert.equal(findingsOf(t, 'unknown-target').length, 1);
  });
});
