import { strict as assert } from 'assert';
import { analyze } from '../../../server/src/core';
import { resolveReferences } from '../../../server/src/core/rules/references';
import { script } from '../../helpers/script';

describe('rules/references', () => {
  it('lists the references to nothing declared, in order, and the variables and outcomes used', () => {
    const model = analyze(
      script({
        variables: `
          name: { type: string, source: crm }
          answer: { type: string }
          spare: { type: string }
        `,
        start: 'greting',
        steps: `
          greeting:
            ask: Hello {name}, {nobody} here.
            capture: answer
            objections: [busy, ghost]
            branches:
              - { when: a, next: nowhere }
              - { when: b, outcome: resolved }
              - { when: c, outcome: lost }
          fix:
            say: Fix.
            transfer: { to: it, outcome: escalated }
        `,
        objections: `
          busy: { reply: Sure., resume: gone }
        `,
        outcomes: `
          resolved: { label: Resolved, success: true }
          escalated: { label: Escalated }
          unused: { label: Unused }
        `,
      }),
    ).model!;
    const refs = resolveReferences(model);
    assert.deepEqual(
      refs.unknown.map((r) => `${r.kind} ${r.id}`),
      ['step greting', 'step gone', 'variable nobody', 'objection ghost', 'step nowhere', 'outcome lost'],
    );
    assert.deepEqual([...refs.usedVariables].map((v) => v.name).sort(), ['answer', 'name']);
    assert.deepEqual([...refs.usedObjections].map((o) => o.id), ['busy']);
    assert.deepEqual([...refs.usedOutcomes].map((o) => o.id).sort(), ['escalated', 'resolved']);
  });
});
