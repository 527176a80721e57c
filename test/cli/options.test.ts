import { strict as assert } from 'assert';
import { BROKEN, assertCleanStderr, cleanup, runCli, tempDir, VALID, WARNS } from './helpers';

describe('cli: check options', () => {
  let dir: string;
  before(() => {
    dir = tempDir({
      'ok.call.yaml': VALID,
      'warns.call.yaml': WARNS,
      'broken.call.yaml': BROKEN,
      'suppressed.call.yaml': BROKEN.replace('    next: clse\n', '    # callscript-disable-next-line unknown-target\n    next: clse\n'),
      'sub/callscript.config.yaml': 'rules:\n  unknown-target: off\n',
    });
  });
  after(() => cleanup(dir));

  describe('--stdin-filename', () => {
    it('checks stdin and reports it under the given name', () => {
      const r = runCli(['check', '--stdin-filename', 'a.call.yaml', '--format', 'json'], dir, { input: BROKEN });
      assert.equal(r.status, 1);
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.files[0].path, 'a.call.yaml');
      assert.equal(doc.files[0].findings[0].line, 13);
    });

    it('uses the configuration found above the given name', () => {
      const r = runCli(['check', '--stdin-filename', 'sub/a.call.yaml'], dir, { input: BROKEN });
      assert.equal(r.status, 0, r.stdout);
      assert.match(r.stdout, /sub\/a\.call\.yaml:15:3 +info/);
    });

    it('reads stdin for the path "-", next to other paths', () => {
      const r = runCli(['check', '-', 'ok.call.yaml', '--format', 'json'], dir, { input: VALID });
      assert.equal(r.status, 0);
      assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['<stdin>', 'ok.call.yaml']);
    });
  });

  describe('--fail-on and --max-warnings', () => {
    it('fails on warnings with --fail-on warning', () => {
      assert.equal(runCli(['check', 'warns.call.yaml', '--fail-on', 'warning'], dir).status, 1);
      assert.equal(runCli(['check', 'ok.call.yaml', '--fail-on', 'hint'], dir).status, 0);
    });

    it('fails on an info finding only from --fail-on info down', () => {
      const infoOnly = ['check', 'sub/../broken.call.yaml', '--config', 'sub/callscript.config.yaml'];
      assert.equal(runCli([...infoOnly, '--fail-on', 'warning'], dir).status, 0);
      assert.equal(runCli([...infoOnly, '--fail-on', 'info'], dir).status, 1);
      assert.equal(runCli([...infoOnly, '--fail-on', 'hint'], dir).status, 1);
    });

    it('fails when the warnings exceed --max-warnings, with a one-line note', () => {
      const over = runCli(['check', 'warns.call.yaml', '--max-warnings', '0'], dir);
      assert.equal(over.status, 1);
      assert.equal(over.stderr, 'callscript: too many warnings (1; at most 0 allowed)\n');
      assert.equal(runCli(['check', 'warns.call.yaml', '--max-warnings', '1'], dir).status, 0);
    });
  });

  describe('--quiet', () => {
    it('reports errors only', () => {
      const r = runCli(['check', 'broken.call.yaml', 'warns.call.yaml', '--quiet'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /unknown-target/);
      assert.doesNotMatch(r.stdout, /unused-outcome|unused-variable/);
      assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings\) in 1 file/);
    });

    it('still counts hidden warnings for the exit code', () => {
      const r = runCli(['check', 'warns.call.yaml', '--quiet', '--max-warnings', '0', '--format', 'json'], dir);
      assert.equal(r.status, 1);
      assert.deepEqual(JSON.parse(r.stdout).files[0].findings, []);
    });
  });

  describe('suppression comments', () => {
    it('honours # callscript-disable-next-line', () => {
      const r = runCli(['check', 'suppressed.call.yaml', '--format', 'json'], dir);
      assert.equal(r.status, 0);
      assert.deepEqual(JSON.parse(r.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId), ['unused-outcome']);
    });
  });

  describe('--output', () => {
    it('reports a report file that cannot be written in one line, exit 2', () => {
      const r = runCli(['check', 'ok.call.yaml', '-o', 'ok.call.yaml/report.txt'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^callscript: ok\.call\.yaml\/report\.txt: cannot write the report: /);
      assertCleanStderr(r.stderr);
    });
  });
});
