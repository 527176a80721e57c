import { strict as assert } from 'assert';
import { ALL_RULES } from '../../server/src/core';
import { cleanup, runCli, tempDir } from './helpers';

describe('cli: rules', () => {
  let dir: string;
  before(() => (dir = tempDir()));
  after(() => cleanup(dir));

  it('lists every rule with its default severity and summary', () => {
    const r = runCli(['rules'], dir);
    assert.equal(r.status, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, ALL_RULES.length);
    ALL_RULES.forEach((rule, i) => {
      const [id, severity, ...summary] = lines[i].split(/ {2,}/);
      assert.deepEqual([id, severity, summary.join('  ')], [rule.id, rule.defaultSeverity, rule.summary]);
    });
  });

  it('prints JSON with --json', () => {
    const r = runCli(['rules', '--json'], dir);
    assert.equal(r.status, 0);
    const rules = JSON.parse(r.stdout) as { id: string; defaultSeverity: string; summary: string; docs: string }[];
    assert.deepEqual(rules.map((x) => x.id), ALL_RULES.map((x) => x.id));
    assert.equal(rules[0].docs, `docs/rules/${rules[0].id}.md`);
  });
});
