import { strict as assert } from 'assert';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'endless-loop';

describe('endless-loop', () => {
  it('reports a loop with no way out once, at its first step in the file, naming its steps', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          outcome: resolved
          objections: [confused]
        ask-again:
          ask: Could you repeat?
          next: explain
        explain:
          say: Let me explain.
          branches:
            - when: clear
              next: ask-again
            - when: unclear
              next: explain
      `,
      objections: `
        confused:
          reply: Let me go back.
          resume: ask-again
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'ask-again');
    assert.equal(f.start, t.indexOf('  ask-again:') + 2);
    assert.equal(f.message, 'The call can never end from step "ask-again": "ask-again", "explain" only lead to each other, never to an outcome.');
    assert.deepEqual(f.data, { id: 'ask-again' });
    assert.equal(f.severity, 'error');
  });

  it('accepts a loop with a way out', () => {
    const t = script({
      steps: `
        greeting:
          ask: Is the light on?
          branches:
            - when: no
              next: retry
            - when: yes
              outcome: resolved
        retry:
          say: Please try again.
          next: greeting
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('accepts a loop whose only way out is an objection that resumes at a step that ends', () => {
    const loop = `
      greeting:
        say: Hi
        next: pitch
      pitch:
        say: Here is the offer.
        objections: [not-interested]
        next: greeting
      goodbye:
        say: Goodbye.
        outcome: resolved
    `;
    const withResume = script({
      steps: loop,
      objections: `
        not-interested:
          reply: I understand.
          resume: goodbye
      `,
    });
    assert.deepEqual(findingsOf(withResume, RULE), []);
    // without the resume target, the objection returns to where it was raised: no way out
    const returning = withResume.replace('resume: goodbye', 'resume: return');
    const f = single(returning, RULE);
    assert.equal(rangeText(returning, f), 'greeting');
    assert.match(f.message, /"greeting", "pitch" only lead to each other/);
  });

  it('accepts a loop whose way out is an objection that ends the call', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          objections: [hang-up]
          next: greeting
      `,
      objections: `
        hang-up:
          reply: Goodbye then.
          outcome: resolved
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('reports a step that only loops to itself', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          next: greeting
      `,
    });
    assert.equal(rangeText(t, single(t, RULE)), 'greeting');
  });

  it('leaves dead ends and unknown targets to their own rules', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          next: middle
        middle:
          say: x
          branches:
            - when: a
              next: stuck
            - when: b
              next: nowhere
        stuck:
          say: Hmm.
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
    assert.equal(findingsOf(t, 'dead-end').length, 1);
    assert.equal(findingsOf(t, 'unknown-target').length, 1);
  });

  it('does not report loops no path reaches (unreachable-step does)', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          outcome: resolved
        a:
          say: A
          next: b
        b:
          say: B
          next: a
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
    assert.equal(findingsOf(t, 'unreachable-step').length, 2);
  });

  it('shortens the list of a long loop', () => {
    const steps = Array.from({ length: 7 }, (_, i) => `s${i}:\n  say: Step ${i}\n  next: s${(i + 1) % 7}`).join('\n');
    const t = script({ start: 's0', steps: `\n${steps}\n`, outcomes: '\n  resolved: { label: Resolved, success: true }\n' });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 's0');
    assert.match(f.message, /"s0", "s1", "s2", "s3", "s4", … \(7 steps\) only lead to each other/);
  });
});
