import { strict as assert } from 'assert';
import { findingsOf, rangeOf, rangeText, single } from '../../helpers/findings';
import { script, type ScriptOverrides } from '../../helpers/script';

const RULE = 'compliance-path';

const telesales = (overrides: ScriptOverrides): string =>
  script({
    kind: 'telesales',
    direction: 'outbound',
    compliance: `
      require: [recording-notice]
    `,
    outcomes: `
      sale: { label: Sale, success: true }
      no-sale: { label: No sale }
    `,
    ...overrides,
  });

describe('compliance-path', () => {
  it('reports a path that avoids the item, at the item, naming the path and the outcome', () => {
    const t = telesales({
      steps: `
        greeting:
          say: Hi
          branches:
            - when: in a hurry
              next: close
            - when: has time
              next: notice
        notice:
          say: This call is recorded.
          satisfies: [recording-notice]
          next: close
        close:
          say: Thank you for your order.
          outcome: sale
      `,
    });
    const f = single(t, RULE);
    assert.deepEqual({ start: f.start, end: f.end }, rangeOf(t, 'recording-notice'));
    assert.equal(rangeText(t, f), 'recording-notice');
    assert.equal(f.message, 'A call can reach a successful outcome without "recording-notice": greeting → close → outcome "sale".');
    assert.deepEqual(f.data, { id: 'recording-notice' });
    assert.equal(f.severity, 'error');
  });

  it('accepts a script where every path to success passes the item', () => {
    const t = telesales({
      steps: `
        greeting:
          say: Hi
          next: notice
        notice:
          say: This call is recorded.
          satisfies: [recording-notice]
          branches:
            - when: yes
              next: close
            - when: no
              outcome: no-sale
        close:
          say: Thank you.
          outcome: sale
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('ignores paths that end in failure', () => {
    const t = telesales({
      steps: `
        greeting:
          say: Hi
          branches:
            - when: busy
              outcome: no-sale
            - when: free
              next: notice
        notice:
          say: This call is recorded.
          satisfies: [recording-notice]
          outcome: sale
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  for (const handover of ['transfer', 'escalate']) {
    it(`counts a ${handover} with a successful outcome as success`, () => {
      const t = telesales({
        steps: `
          greeting:
            say: Hi
            next: handover
          handover:
            say: I will pass you to a colleague.
            ${handover}: { to: sales-desk, outcome: sale }
        `,
      });
      const f = single(t, RULE);
      assert.equal(rangeText(t, f), 'recording-notice');
      assert.match(f.message, /: greeting → handover → outcome "sale"\.$/);
    });
  }

  it('counts an objection that ends the call successfully', () => {
    const t = telesales({
      steps: `
        greeting:
          say: Hi
          objections: [buy-now]
          next: notice
        notice:
          say: This call is recorded.
          satisfies: [recording-notice]
          outcome: sale
      `,
      objections: `
        buy-now:
          reply: Great, let us do it.
          outcome: sale
      `,
    });
    assert.match(single(t, RULE).message, /without "recording-notice": greeting → outcome "sale"\./);
  });

  it('names the path to the first leak a breadth-first walk meets, objections\' resume steps included', () => {
    const t = telesales({
      steps: `
        greeting:
          say: Hi
          objections: [pushy]
          branches:
            - { when: long, next: a1 }
            - { when: short, next: notice }
        a1:
          say: A1
          next: a2
        a2:
          say: A2
          branches:
            - { when: buy, outcome: sale }
            - { when: no, outcome: no-sale }
        notice:
          say: This call is recorded.
          satisfies: [recording-notice]
          branches:
            - { when: buy, outcome: sale }
        resumed:
          say: Fine, let us sign.
          branches:
            - { when: buy, outcome: sale }
      `,
      objections: `
        pushy: { reply: Sure., resume: resumed }
      `,
    });
    assert.equal(single(t, RULE).message, 'A call can reach a successful outcome without "recording-notice": greeting → resumed → outcome "sale".');
  });

  it('checks each required item on its own', () => {
    const t = telesales({
      compliance: `
        require: [recording-notice, data-consent]
      `,
      steps: `
        greeting:
          say: This call is recorded.
          satisfies: [recording-notice]
          outcome: sale
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'data-consent');
    assert.equal(f.message, 'A call can reach a successful outcome without "data-consent": greeting → outcome "sale".');
  });

  it('says nothing without compliance requirements or without a successful outcome', () => {
    const unsatisfied = `
      greeting:
        say: Hi
        outcome: sale
    `;
    assert.deepEqual(findingsOf(telesales({ compliance: null, steps: unsatisfied }), RULE), []);
    const failing = telesales({
      steps: `
        greeting:
          say: Hi
          outcome: no-sale
      `,
    });
    assert.deepEqual(findingsOf(failing, RULE), []);
  });
});
