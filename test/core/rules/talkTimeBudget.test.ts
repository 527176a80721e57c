import { strict as assert } from 'assert';
import { parseConfig } from '../../../server/src/core';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'talk-time-budget';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' ');

describe('talk-time-budget', () => {
  // At 150 words per minute a word takes 0.4 s.
  const twoSteps = (budget: string): string =>
    script({
      'talk-time-budget': budget,
      steps: `
        greeting:
          say: ${words(20)}
          ask: ${words(5)}
          note: ${words(100)}
          next: close
        close:
          say: ${words(25)}
          outcome: resolved
      `,
    });

  it('reports a longest path read slower than the budget, at the budget', () => {
    const t = twoSteps('15s');
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), '15s');
    assert.equal(f.message, 'The longest path takes about 20s to read at 150 words per minute, over the budget of 15s: greeting → close.');
    assert.equal(f.severity, 'warning');
  });

  it('accepts a path within the budget (notes are not read aloud)', () => {
    assert.deepEqual(findingsOf(twoSteps('20s'), RULE), []);
    assert.deepEqual(findingsOf(twoSteps('1m'), RULE), []);
  });

  it('applies to phone scripts only', () => {
    for (const channel of ['chat', 'email', 'sms']) assert.deepEqual(findingsOf(twoSteps('15s').replace('languages:', `channel: ${channel}\nlanguages:`), RULE), [], channel);
  });

  it('says nothing without a budget', () => {
    assert.deepEqual(findingsOf(twoSteps('20s').replace('talk-time-budget: 20s\n', ''), RULE), []);
  });

  it('follows the longest branch, and counts the first language', () => {
    const t = script({
      languages: '[en, pl]',
      'talk-time-budget': '5s',
      steps: `
        greeting:
          ask: { en: "${words(5)}", pl: "${words(50)}" }
          branches:
            - { when: short, next: short }
            - { when: long, next: long }
        short:
          say: { en: "${words(1)}", pl: "${words(1)}" }
          outcome: resolved
        long:
          say: { en: "${words(10)}", pl: "${words(1)}" }
          outcome: resolved
      `,
    });
    assert.match(single(t, RULE).message, /about 6s to read .*: greeting → long\.$/);
  });

  it('ends on loops: each step of a loop counts once', function () {
    this.timeout(10_000);
    const t = script({
      'talk-time-budget': '3s',
      steps: `
        greeting:
          ask: ${words(5)}
          branches:
            - { when: again, next: greeting }
            - { when: other, next: check }
            - { when: done, outcome: resolved }
        check:
          say: ${words(5)}
          next: greeting
      `,
    });
    assert.match(single(t, RULE).message, /about 4s to read .*: greeting → check\.$/);
  });

  it('cuts a loop where the walk turns back, so the estimate depends on the order of the branches', () => {
    // Walked depth first: greeting → x → y turns back at x (on the way), so y counts 10 words, x 11
    // (y before z), and greeting takes x. The longer greeting → y → x → z (21 words) is not counted.
    const t = script({
      'talk-time-budget': '1s',
      steps: `
        greeting:
          say: ${words(5)}
          branches:
            - { when: x, next: x }
            - { when: y, next: y }
        x:
          say: ${words(1)}
          branches:
            - { when: y, next: y }
            - { when: z, next: z }
        y:
          say: ${words(10)}
          next: x
        z:
          say: ${words(5)}
          outcome: resolved
      `,
    });
    assert.equal(single(t, RULE).message, 'The longest path takes about 6s to read at 150 words per minute, over the budget of 1s: greeting → x → y.');
  });

  it('follows objections that resume elsewhere, and loops back to the start', () => {
    const t = script({
      'talk-time-budget': '1s',
      steps: `
        greeting:
          say: ${words(2)}
          objections: [busy]
          branches:
            - { when: a, next: a }
            - { when: b, next: b }
            - { when: done, outcome: resolved }
        a:
          say: ${words(1)}
          next: b
        b:
          say: ${words(1)}
          branches:
            - { when: again, next: a }
            - { when: back, next: greeting }
            - { when: done, outcome: resolved }
        later:
          say: ${words(3)}
          next: a
      `,
      objections: `
        busy: { reply: Sure., resume: later }
      `,
    });
    // 2 + 3 + 1 + 1 words = 2.8 s
    assert.equal(single(t, RULE).message, 'The longest path takes about 3s to read at 150 words per minute, over the budget of 1s: greeting → later → a → b.');
  });

  it('ends on a long chain and a dense graph, and shortens a long path', function () {
    this.timeout(20_000);
    const n = 2000;
    const steps = Array.from({ length: n }, (_, i) => `s${i}:\n  say: ${words(2)}\n  branches:\n` + [1, 2, 3].map((d) => `    - { when: "${d}", ${i + d < n ? `next: s${i + d}` : 'outcome: resolved'} }`).join('\n')).join('\n');
    const t = script({ start: 's0', 'talk-time-budget': '10s', steps: `\n${steps}\n`, outcomes: '\n  resolved: { label: Resolved, success: true }\n' });
    const f = single(t, RULE);
    // the longest path visits every step: 2000 × 2 words = 4000 words = 26m40s
    assert.match(f.message, /^The longest path takes about 26m40s to read .*: s0 → s1 → s2 → … → s1997 → s1998 → s1999\.$/);
  });

  it('uses the configured speaking rate', () => {
    const config = parseConfig('speaking-rate: 60');
    const t = twoSteps('45s');
    assert.deepEqual(findingsOf(t, RULE), []);
    assert.match(single(t, RULE, { config }).message, /about 50s to read at 60 words per minute, over the budget of 45s/);
  });

  it('reads minutes and seconds in the budget', () => {
    const t = script({
      'talk-time-budget': '1m5s',
      steps: `
        greeting:
          say: ${words(170)}
          outcome: resolved
      `,
    });
    // 170 words = 68 s
    assert.match(single(t, RULE).message, /about 1m08s .* budget of 1m05s/);
  });
});
