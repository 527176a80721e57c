import { strict as assert } from 'assert';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script, type ScriptOverrides } from '../../helpers/script';

const RULE = 'offer-before-recording';

const early = `
  greeting:
    say: Hi
    next: pitch
  pitch:
    say: We have a great offer.
    tags: [promo, offer]
    next: notice
  notice:
    say: This call is recorded.
    satisfies: [recording-notice]
    outcome: resolved
`;

const late = `
  greeting:
    say: Hi
    next: notice
  notice:
    say: This call is recorded.
    satisfies: [recording-notice]
    next: pitch
  pitch:
    say: We have a great offer.
    tags: [offer]
    outcome: resolved
`;

const outbound = (overrides: ScriptOverrides): string => script({ kind: 'telesales', direction: 'outbound', ...overrides });

describe('offer-before-recording', () => {
  it('reports an offer reachable before the notice, at its `offer` tag, naming the path', () => {
    const t = outbound({ steps: early });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'offer');
    assert.equal(f.start, t.indexOf('[promo, offer]') + 8);
    assert.equal(f.message, 'Offer step "pitch" can be reached before the recording notice: greeting → pitch. Add a step with `satisfies: [recording-notice]` before it.');
    assert.deepEqual(f.data, { id: 'pitch' });
    assert.equal(f.severity, 'error');
  });

  it('accepts an offer after the notice', () => {
    assert.deepEqual(findingsOf(outbound({ steps: late }), RULE), []);
  });

  it('accepts an offer made in the very step that gives the notice', () => {
    const t = outbound({
      steps: `
        greeting:
          say: This call is recorded; and we have an offer.
          satisfies: [recording-notice]
          tags: [offer]
          outcome: resolved
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('reports an offer reached by a path around the notice', () => {
    const t = outbound({
      steps: `
        greeting:
          ask: Shall we talk?
          branches:
            - when: yes
              next: notice
            - when: skip
              next: pitch
        notice:
          say: This call is recorded.
          satisfies: [recording-notice]
          next: pitch
        pitch:
          say: Offer.
          tags: [offer]
          outcome: resolved
      `,
    });
    assert.match(single(t, RULE).message, /: greeting → pitch\./);
  });

  for (const [kind, direction] of [
    ['telesales', 'inbound'],
    ['helpdesk', 'outbound'],
    ['retention', 'outbound'],
  ]) {
    it(`applies only to outbound telesales, not ${direction} ${kind}`, () => {
      assert.deepEqual(findingsOf(script({ kind, direction, steps: early }), RULE), []);
    });
  }
});
