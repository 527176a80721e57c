import { strict as assert } from 'assert';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'unused-objection';

describe('unused-objection', () => {
  const objections = `
    too-expensive:
      reply: It pays for itself.
    no-time:
      reply: It takes one minute.
  `;

  it('reports an objection no step expects, at its id', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          objections: [no-time]
          outcome: resolved
      `,
      objections,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'too-expensive');
    assert.equal(f.message, 'Objection "too-expensive" is declared but no step expects it (list it under a step\'s `objections`).');
    assert.deepEqual(f.data, { id: 'too-expensive' });
    assert.equal(f.severity, 'warning');
  });

  it('accepts objections expected by any step, reachable or not', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          objections: [no-time]
          outcome: resolved
        later:
          say: Later
          objections: [too-expensive]
          outcome: resolved
      `,
      objections,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('reports every objection when no step expects any', () => {
    const t = script({ objections });
    assert.deepEqual(
      findingsOf(t, RULE).map((f) => rangeText(t, f)),
      ['too-expensive', 'no-time'],
    );
  });
});
