import { strict as assert } from 'assert';
import type { Finding } from '../../../server/src/core';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const RULE = 'unknown-target';

/** A helpdesk script where every kind of reference is present and valid. */
const parts = {
  start: 'greeting',
  steps: `
    greeting:
      ask: Is the router on?
      objections: [busy, angry]
      branches:
        - when: yes
          next: check
        - when: no
          outcome: resolved
    check:
      say: Please check the cable.
      next: handover
    handover:
      say: I will pass you on.
      transfer: { to: second-line, outcome: transferred }
    up:
      say: Let me escalate.
      escalate: { to: supervisor, outcome: escalated }
    done:
      say: Done.
      outcome: resolved
  `,
  objections: `
    busy:
      reply: It takes a minute.
      resume: check
    angry:
      reply: I am sorry.
      outcome: escalated
  `,
  outcomes: `
    resolved: { label: Resolved, success: true }
    transferred: { label: Transferred }
    escalated: { label: Escalated }
  `,
};

function applyFix(text: string, f: Finding, i = 0): string {
  const [edit] = f.fixes?.[i]?.edits ?? [];
  assert.ok(edit, 'expected a fix');
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('unknown-target', () => {
  it('finds nothing when every reference is declared', () => {
    assert.deepEqual(findingsOf(script(parts), RULE), []);
  });

  /** Each case replaces `right` by `typo` in the text after `after`. */
  const cases: { name: string; after: string; right: string; typo: string; kind: string; role: string }[] = [
    { name: 'start', after: 'start: ', right: 'greeting', typo: 'greting', kind: 'step', role: '(start)' },
    { name: 'next', after: 'cable.\n    next: ', right: 'handover', typo: 'handovr', kind: 'step', role: '(next of "check")' },
    { name: 'a branch next', after: 'when: yes\n        next: ', right: 'check', typo: 'chek', kind: 'step', role: '(branch 1 of "greeting")' },
    { name: 'a branch outcome', after: 'when: no\n        outcome: ', right: 'resolved', typo: 'resolvd', kind: 'outcome', role: '(branch 2 of "greeting")' },
    { name: 'an outcome', after: 'Done.\n    outcome: ', right: 'resolved', typo: 'resolve', kind: 'outcome', role: '(outcome of "done")' },
    { name: 'a transfer outcome', after: 'second-line, outcome: ', right: 'transferred', typo: 'transfered', kind: 'outcome', role: '(transfer outcome of "handover")' },
    { name: 'an escalate outcome', after: 'supervisor, outcome: ', right: 'escalated', typo: 'escalatd', kind: 'outcome', role: '(escalate outcome of "up")' },
    { name: 'an expected objection', after: 'objections: [', right: 'busy', typo: 'bussy', kind: 'objection', role: '(expected objection of "greeting")' },
    { name: 'a resume', after: 'resume: ', right: 'check', typo: 'chekc', kind: 'step', role: '(resume of "busy")' },
    { name: 'an objection outcome', after: 'sorry.\n    outcome: ', right: 'escalated', typo: 'escalatedd', kind: 'outcome', role: '(outcome of "angry")' },
  ];

  for (const c of cases) {
    describe(`in ${c.name}`, () => {
      const base = script(parts);
      const at = base.indexOf(c.after + c.right);
      assert.ok(at >= 0, `test setup: ${JSON.stringify(c.after + c.right)} is not in the script`);
      const start = at + c.after.length;
      const text = base.slice(0, start) + c.typo + base.slice(start + c.right.length);

      it('points at the name, says what it is, and suggests the right one', () => {
        const f = single(text, RULE);
        assert.deepEqual({ start: f.start, end: f.end }, { start, end: start + c.typo.length });
        assert.equal(rangeText(text, f), c.typo);
        assert.equal(f.message, `No ${c.kind} "${c.typo}" is declared ${c.role}. Did you mean "${c.right}"?`);
        assert.deepEqual(f.data, { kind: c.kind, id: c.typo });
        assert.equal(f.severity, 'error');
      });

      it('offers one preferred fix that makes the script valid again', () => {
        const f = single(text, RULE);
        assert.equal(f.fixes?.length, 1);
        assert.equal(f.fixes?.[0].title, `Change to "${c.right}"`);
        assert.equal(f.fixes?.[0].preferred, true);
        assert.deepEqual(f.fixes?.[0].edits, [{ start: f.start, end: f.end, newText: c.right }]);
        assert.equal(applyFix(text, f), base);
      });
    });
  }

  it('offers every close name, none preferred, when several are equally likely', () => {
    const text = script({
      steps: `
        greeting:
          say: Hi
          next: step-c
        step-a:
          say: A
          outcome: resolved
        step-b:
          say: B
          outcome: resolved
      `,
    });
    const f = single(text, RULE);
    assert.equal(rangeText(text, f), 'step-c');
    assert.deepEqual(
      f.fixes?.map((x) => [x.title, x.preferred]),
      [
        ['Change to "step-a"', false],
        ['Change to "step-b"', false],
      ],
    );
    assert.match(f.message, /Did you mean "step-a"\?$/);
  });

  it('gives no suggestion when nothing is close', () => {
    const text = script({
      steps: `
        greeting:
          say: Hi
          next: somewhere-else
      `,
    });
    const f = single(text, RULE);
    assert.equal(f.message, 'No step "somewhere-else" is declared (next of "greeting").');
    assert.deepEqual(f.fixes, []);
  });

  it('covers a quoted name with its quotes', () => {
    const text = script({
      steps: `
        greeting:
          say: Hi
          outcome: "resolvd"
      `,
    });
    const f = single(text, RULE);
    assert.equal(rangeText(text, f), '"resolvd"');
    assert.equal(f.data?.id, 'resolvd');
  });

  it('reports each bad reference separately, and leaves variables to undeclared-variable', () => {
    const text = script({
      steps: `
        greeting:
          say: Hi {nobody}
          objections: [x, y]
          outcome: resolved
      `,
    });
    const found = findingsOf(text, RULE);
    assert.deepEqual(
      found.map((f) => rangeText(text, f)),
      ['x', 'y'],
    );
  });

  it('does not treat `resume: return` as a step name', () => {
    const text = script(parts).replace('resume: check', 'resume: return');
    assert.deepEqual(findingsOf(text, RULE), []);
  });
});
