import { strict as assert } from 'assert';
import { BROKEN, assertCleanStderr, cleanup, runCli, tempDir, VALID, WARNS } from './helpers';

describe('cli: exit codes and paths', () => {
  let dir: string;
  before(() => {
    dir = tempDir({
      'ok.call.yaml': VALID,
      'warns.call.yaml': WARNS,
      'broken.call.yaml': BROKEN,
      'tree/a.call.yaml': VALID,
      'tree/deeper/b.call.yml': VALID,
      'tree/not-a-script.yaml': 'name: x\n',
      'tree/node_modules/pkg/c.call.yaml': BROKEN,
      'tree/.git/d.call.yaml': BROKEN,
      'tree/.github/e.call.yaml': VALID,
      'other.txt': VALID,
      'empty-dir/readme.md': '# nothing here\n',
    });
  });
  after(() => cleanup(dir));

  it('exits 0 on a clean script and says so', () => {
    const r = runCli(['check', 'ok.call.yaml'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '✔ 1 file checked, no problems\n');
    assert.equal(r.stderr, '');
  });

  it('exits 0 when there are only warnings (default --fail-on error)', () => {
    const r = runCli(['check', 'warns.call.yaml'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /warns\.call\.yaml:10:3 +warning +.*unused-variable/);
  });

  it('exits 1 on an error finding', () => {
    const r = runCli(['check', 'broken.call.yaml'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /broken\.call\.yaml:13:11 +error +.*"clse".*unknown-target/);
    assert.equal(r.stderr, '');
  });

  it('searches directories for *.call.yaml and *.call.yml, skipping node_modules and .git', () => {
    const r = runCli(['check', 'tree', '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepEqual(paths, ['tree/.github/e.call.yaml', 'tree/a.call.yaml', 'tree/deeper/b.call.yml']);
  });

  it('checks a file named explicitly whatever its extension, and each file once', () => {
    const r = runCli(['check', 'other.txt', 'ok.call.yaml', './ok.call.yaml', '--format', 'json'], dir);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['other.txt', 'ok.call.yaml']);
  });

  it('reports a missing path in one line, checks the other paths, and exits 2', () => {
    const r = runCli(['check', 'nope.call.yaml', 'broken.call.yaml'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'callscript: nope.call.yaml: no such file or directory\n');
    assert.match(r.stdout, /broken\.call\.yaml:13:11/);
  });

  it('reports a directory without scripts, checks the others, and exits 2', () => {
    const r = runCli(['check', 'empty-dir', 'ok.call.yaml'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'callscript: no call scripts (*.call.yaml) found in empty-dir\n');
    assert.match(r.stdout, /1 file checked/);
  });

  for (const [name, args, message] of [
    ['an unknown command', ['chek', 'x'], /^callscript: unknown command 'chek' \(Did you mean check\?\)\n$/],
    ['an unknown option', ['check', '--formt', 'json', 'ok.call.yaml'], /^callscript: unknown option '--formt' \(Did you mean --format\?\)\n$/],
    ['an unknown format', ['check', '--format', 'xml', 'ok.call.yaml'], /^callscript: option .*--format.* argument 'xml' is invalid\. Allowed choices are stylish, json, sarif, junit, github\.\n$/],
    ['an unknown severity', ['check', '--fail-on', 'fatal', 'ok.call.yaml'], /^callscript: option '--fail-on <severity>' argument 'fatal' is invalid/],
    ['a bad --max-warnings', ['check', '--max-warnings', 'many', 'ok.call.yaml'], /^callscript: option '--max-warnings <n>' argument 'many' is invalid\. expected a whole number/],
    ['a missing option value', ['check', 'ok.call.yaml', '--format'], /^callscript: option .*--format <format>' argument missing\n$/],
    ['no paths', ['check'], /^callscript: no paths to check/],
    ['paths with --stdin-filename', ['check', 'ok.call.yaml', '--stdin-filename', 'x.call.yaml'], /^callscript: --stdin-filename names the script read from stdin/],
    ['no command', [], /^callscript: no command given/],
  ] as const) {
    it(`exits 2 with a one-line message on ${name}`, () => {
      const r = runCli([...args], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('prints help and the version with exit 0', () => {
    const help = runCli(['check', '--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: callscript check \[options\] \[paths\.\.\.\]/);
    assert.match(help.stdout, /--fail-on <severity>/);
    assert.match(help.stdout, /--no-color/);
    const top = runCli(['--help'], dir);
    assert.equal(top.status, 0);
    assert.match(top.stdout, /check \[options\] \[paths\.\.\.\]/);
    assert.match(top.stdout, /rules/);
    const version = runCli(['--version'], dir);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('accepts global options after the subcommand', () => {
    const r = runCli(['check', 'broken.call.yaml', '--no-color', '--debug'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^callscript: debug: broken\.call\.yaml checked in [\d.]+ ms\n$/);
    assertCleanStderr(r.stderr);
  });
});
