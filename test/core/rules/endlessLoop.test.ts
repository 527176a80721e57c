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

  it('reports each group once, at its first step in the file, with the steps it reaches that cannot end', () => {
    const t = script({
      steps: `
        greeting:
          ask: Which way?
          objections: [stuck]
          branches:
            - { when: a, next: loop1 }
            - { when: b, next: hub }
            - { when: c, outcome: resolved }
        loop3:
          say: Three.
          next: loop1
        loop1:
          say: One.
          next: loop2
        loop2:
          say: Two.
          branches:
            - { when: back, next: loop1 }
            - { when: on, next: loop3 }
        hub:
          say: Hub.
          branches:
            - { when: in, next: ring1 }
            - { when: side, next: feeder }
            - { when: out, outcome: resolved }
        ring1:
          say: R1.
          next: ring2
        ring2:
          say: R2.
          next: ring1
        feeder:
          say: Feeds the ring.
          next: ring1
        island1:
          say: I1.
          next: island2
        island2:
          say: I2.
          next: island1
        pit:
          say: Pit.
          next: pit2
        pit2:
          say: Pit 2.
          branches:
            - { when: x, next: pit }
            - { when: y, next: pit }
      `,
      objections: `
        stuck: { reply: Hm., resume: pit }
      `,
    });
    assert.deepEqual(
      findingsOf(t, RULE).map((f) => [rangeText(t, f), f.message]),
      [
        ['loop3', 'The call can never end from step "loop3": "loop3", "loop1", "loop2" only lead to each other, never to an outcome.'],
        ['ring1', 'The call can never end from step "ring1": "ring1", "ring2" only lead to each other, never to an outcome.'],
        // its ring is reported already
        ['feeder', 'The call can never end from step "feeder": "feeder" only lead to each other, never to an outcome.'],
        // reached through the objection's resume; island1 and island2 are unreachable
        ['pit', 'The call can never end from step "pit": "pit", "pit2" only lead to each other, never to an outcome.'],
      ],
    );
  });

  it('shortens the list of a long loop', () => {
    const steps = Array.from({ length: 7 }, (_, i) => `s${i}:\n  say: Step ${i}\n  next: s${(i + 1) % 7}`).join('\n');
    const t = script({ start: 's0', steps: `\n${steps}\n`, outcomes: '\n  resolved: { label: Resolved, success: true }\n' });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 's0');
    assert.match(f.message, /"s0", "s1", "s2", "s3", "s4", … \(7 steps\) only lead to each other/);
  });
});
