import { strict as assert } from 'assert';
import { BROKEN, assertCleanStderr, cleanup, runCli, tempDir, WARNS } from './helpers';

describe('cli: configuration files', () => {
  let dir: string;
  before(() => {
    dir = tempDir({
      'strict.yaml': 'rules:\n  unused-variable: error\n',
      'bad.yaml': 'rules:\n  no-such-rule: off\n',
      'team/callscript.config.yaml': 'rules:\n  unknown-target: off\n  unused-outcome: { severity: warning }\n',
      'team/sub/broken.call.yaml': BROKEN,
      'team/sub/deeper/broken.call.yaml': BROKEN,
      'plain/broken.call.yaml': BROKEN,
      'plain/warns.call.yaml': WARNS,
      'yml/callscript.config.yml': 'rules:\n  unused-variable: off\n',
      'yml/warns.call.yaml': WARNS,
      'broken-config/callscript.config.yaml': 'rules: [unclosed\n',
      'broken-config/one.call.yaml': BROKEN,
      'broken-config/two.call.yaml': BROKEN,
      'blank/callscript.config.yaml': '# no settings yet\n',
      'blank/warns.call.yaml': WARNS,
    });
  });
  after(() => cleanup(dir));

  it('--config changes a severity', () => {
    const r = runCli(['check', 'plain/warns.call.yaml', '--config', 'strict.yaml'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /warns\.call\.yaml:10:3 +error .*unused-variable/);
  });

  it('uses the nearest callscript.config.yaml above each script, and the defaults elsewhere', () => {
    const r = runCli(['check', 'team', 'plain', '--format', 'json'], dir);
    assert.equal(r.status, 1);
    const byPath = new Map<string, { ruleId: string; severity: string }[]>(JSON.parse(r.stdout).files.map((f: { path: string; findings: [] }) => [f.path, f.findings]));
    for (const p of ['team/sub/broken.call.yaml', 'team/sub/deeper/broken.call.yaml']) {
      assert.deepEqual(byPath.get(p)?.map((f) => `${f.ruleId}:${f.severity}`), ['unused-outcome:warning'], p);
    }
    assert.deepEqual(byPath.get('plain/broken.call.yaml')?.map((f) => `${f.ruleId}:${f.severity}`), ['unknown-target:error', 'unused-outcome:info']);
  });

  it('also finds callscript.config.yml, where `off` turns a rule off', () => {
    const r = runCli(['check', 'yml', '--format', 'json'], dir);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout).files[0].findings, []);
  });

  it('a configuration file with only comments means the defaults', () => {
    const r = runCli(['check', 'blank', '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId), ['unused-variable']);
  });

  it('--config overrides the nearest file', () => {
    const r = runCli(['check', 'team/sub/broken.call.yaml', '--config', 'strict.yaml'], dir);
    assert.match(r.stdout, /unknown-target/);
  });

  it('a bad --config: one line naming the file, exit 2, nothing checked', () => {
    const r = runCli(['check', 'plain', '--config', 'bad.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^callscript: bad\.yaml: unknown rule "no-such-rule"/);
    assert.equal(r.stderr.split('\n').length, 2);
    assert.equal(r.stdout, '');
  });

  it('a missing --config: one line, exit 2', () => {
    const r = runCli(['check', 'plain', '--config', 'nope.yaml'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'callscript: nope.yaml: no such configuration file\n');
  });

  it('a bad nearest config: one line naming it (once), its scripts skipped, the others checked, exit 2', () => {
    const r = runCli(['check', 'broken-config', 'plain', '--format', 'json'], dir);
    assert.equal(r.status, 2);
    assertCleanStderr(r.stderr);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^callscript: broken-config\/callscript\.config\.yaml: /);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['plain/broken.call.yaml', 'plain/warns.call.yaml']);
  });
});
