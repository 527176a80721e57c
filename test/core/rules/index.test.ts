import { strict as assert } from 'assert';
import { ALL_RULES, FLOW_RULES, ruleById, SEVERITIES } from '../../../server/src/core';

describe('rules (the catalogue)', () => {
  it('lists the reader rules first, then every flow rule, each id once', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.deepEqual(ids.slice(0, 2), ['yaml-syntax', 'schema']);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids.slice(2), FLOW_RULES.map((r) => r.id));
    for (const id of ['unknown-target', 'unreachable-step', 'dead-end', 'multiple-exits', 'endless-loop', 'compliance-path', 'offer-before-recording', 'undeclared-variable', 'unused-variable', 'uncaptured-variable', 'unused-objection', 'unused-outcome', 'missing-translation', 'long-utterance', 'talk-time-budget', 'duplicate-branch']) {
      assert.ok(ids.includes(id), id);
    }
  });

  it('gives every rule a kebab-case id, a severity and a one-line summary', () => {
    for (const r of ALL_RULES) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(SEVERITIES.includes(r.defaultSeverity), r.id);
      assert.ok(r.summary.length > 20 && !r.summary.includes('\n') && r.summary.endsWith('.'), r.id);
    }
  });

  it('finds rules by id', () => {
    assert.equal(ruleById('dead-end')?.defaultSeverity, 'error');
    assert.equal(ruleById('unused-outcome')?.defaultSeverity, 'info');
    assert.equal(ruleById('schema')?.id, 'schema');
    assert.equal(ruleById('no-such-rule'), undefined);
  });
});
