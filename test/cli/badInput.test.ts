import { strict as assert } from 'assert';
import { chmodSync, symlinkSync, writeFileSync } from 'fs';
import { spawnSync } from 'child_process';
import { join } from 'path';
import { generateScript } from '../../bench/generate';
import { BIN, BROKEN, assertCleanStderr, cleanup, runCli, tempDir, VALID } from './helpers';

interface Found {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

/** `check BAD next.call.yaml --format json`: the bad file's findings, and proof the next file was checked. */
function checkThenNext(dir: string, bad: string, extra: { uid?: number } = {}): { status: number | null; findings: Found[] | undefined; stderr: string } {
  const r = runCli(['check', bad, 'next.call.yaml', '--format', 'json'], dir, extra);
  assertCleanStderr(r.stderr);
  const files = JSON.parse(r.stdout).files as { path: string; findings: Found[] }[];
  const next = files.find((f) => f.path === 'next.call.yaml');
  assert.ok(next?.findings.some((f) => f.ruleId === 'unknown-target' && f.line === 13 && f.column === 11), `the next file was checked: ${JSON.stringify(next)} ${r.stderr}`);
  return { status: r.status, findings: files.find((f) => f.path === bad)?.findings, stderr: r.stderr };
}

function bomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `callscript: 1\n${lines.join('\n')}\n`;
}

const CASES: { name: string; content: string | Buffer; expect: { ruleId: string; line: number; column?: number; message: RegExp; severity?: string }[] }[] = [
  { name: 'an unclosed quote', content: 'callscript: 1\nid: "open\n', expect: [{ ruleId: 'yaml-syntax', line: 2, column: 5, message: /quoted string is never closed/ }] },
  { name: 'bad indentation', content: 'callscript: 1\nid: x\n  title: y\n', expect: [{ ruleId: 'yaml-syntax', line: 3, column: 8, message: /bad indentation/ }] },
  { name: 'tabs for indentation', content: 'callscript: 1\nsteps:\n\tgreet: x\n', expect: [{ ruleId: 'yaml-syntax', line: 3, column: 1, message: /tab/ }] },
  { name: 'duplicate keys', content: VALID.replace('title: Tiny\n', 'title: Tiny\ntitle: Again\n'), expect: [{ ruleId: 'yaml-syntax', line: 4, column: 1, message: /Duplicate key "title"/ }] },
  { name: 'an empty file', content: '', expect: [{ ruleId: 'schema', line: 1, column: 1, message: /empty/ }] },
  { name: 'a YAML file that is not a call script', content: 'name: my-app\nversion: 2\n', expect: [{ ruleId: 'schema', line: 1, column: 1, message: /not a call script/ }] },
  { name: 'several documents', content: `${VALID}---\n${VALID}`, expect: [{ ruleId: 'yaml-syntax', line: 16, column: 1, message: /one YAML document.*has 2/ }] },
  {
    name: 'wrong types everywhere',
    content: 'callscript: "one"\nid: 5\ntitle: [1]\nkind: 7\ndirection: {a: 1}\nlanguages: en\nstart: [x]\nsteps: 3\noutcomes: []\n',
    expect: [
      { ruleId: 'schema', line: 1, column: 13, message: /"callscript" must be 1/ },
      { ruleId: 'schema', line: 2, column: 5, message: /"id" must be a string/ },
      { ruleId: 'schema', line: 4, column: 7, message: /"kind"/ },
      { ruleId: 'schema', line: 8, column: 8, message: /steps/ },
    ],
  },
  { name: 'nesting 10,000 deep', content: `callscript: 1\nx: ${'['.repeat(10000)}${']'.repeat(10000)}\n`, expect: [{ ruleId: 'yaml-syntax', line: 2, message: /nested too deeply/ }] },
  { name: 'an alias bomb (billion laughs)', content: bomb(), expect: [{ ruleId: 'yaml-syntax', line: 3, message: /alias bomb/ }] },
  { name: 'binary junk', content: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), expect: [{ ruleId: 'yaml-syntax', line: 1, column: 1, message: /binary/ }] },
  {
    name: 'a BOM and CRLF line endings (same positions as LF)',
    content: `\uFEFF${BROKEN.replace(/\n/g, '\r\n')}`,
    expect: [
      { ruleId: 'unknown-target', line: 13, column: 11, message: /"clse"/ },
      { ruleId: 'unused-outcome', line: 15, column: 3, message: /"done"/, severity: 'info' },
    ],
  },
];

describe('cli: bad input', () => {
  let dir: string;
  before(() => {
    dir = tempDir({ 'next.call.yaml': BROKEN, 'empty-dir/notes.txt': 'nothing\n' });
  });
  after(() => cleanup(dir));

  for (const c of CASES) {
    it(`${c.name}: findings with positions, exit 1, next file checked`, () => {
      const name = `bad-${CASES.indexOf(c)}.call.yaml`;
      tempWrite(dir, name, c.content);
      const r = checkThenNext(dir, name);
      assert.equal(r.status, 1);
      assert.equal(r.stderr, '');
      for (const e of c.expect) {
        const hit = r.findings?.find((f) => f.ruleId === e.ruleId && f.line === e.line && (e.column === undefined || f.column === e.column) && e.message.test(f.message));
        assert.ok(hit, `expected ${e.ruleId} at ${e.line}:${e.column ?? '*'} ${e.message}, got ${JSON.stringify(r.findings, null, 1)}`);
        assert.equal(hit.severity, e.severity ?? 'error');
      }
    });
  }

  it('a 10 MB script: checked, next file checked', function () {
    this.timeout(120_000);
    const text = generateScript(38_000);
    assert.ok(text.length > 10_000_000);
    tempWrite(dir, 'big.call.yaml', text);
    const r = checkThenNext(dir, 'big.call.yaml');
    assert.equal(r.status, 1);
    assert.ok(r.findings?.every((f) => f.severity !== 'error'), JSON.stringify(r.findings));
  });

  it('10,000 misspelt targets: every one reported, in seconds rather than minutes', function () {
    this.timeout(120_000);
    tempWrite(dir, 'typos.call.yaml', generateScript(10_000).replace(/next: s(\d+)$/gm, 'next: x$1'));
    const started = Date.now();
    const r = checkThenNext(dir, 'typos.call.yaml');
    assert.equal(r.status, 1);
    assert.equal(r.findings?.filter((f) => f.ruleId === 'unknown-target').length, 11_997);
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
  });

  it('a path that does not exist: one line, exit 2, next file checked', () => {
    const r = checkThenNext(dir, 'missing.call.yaml');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'callscript: missing.call.yaml: no such file or directory\n');
  });

  it('a directory with no scripts: one line, exit 2, next file checked', () => {
    const r = checkThenNext(dir, 'empty-dir');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'callscript: no call scripts (*.call.yaml) found in empty-dir\n');
  });

  it('a symbolic link loop: one line, exit 2, next file checked', () => {
    symlinkSync('loop.call.yaml', join(dir, 'loop.call.yaml'));
    const r = checkThenNext(dir, 'loop.call.yaml');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'callscript: loop.call.yaml: too many symbolic links\n');
  });

  it('an unreadable file (EACCES): one line, exit 2, next file checked', function () {
    if (process.platform === 'win32') this.skip();
    tempWrite(dir, 'locked.call.yaml', VALID);
    chmodSync(join(dir, 'locked.call.yaml'), 0o000);
    chmodSync(dir, 0o755);
    // root reads anything: run the CLI as "nobody" then, if nobody can reach this checkout at all
    // (a clone under a private directory, as CI's may be, cannot be run by another user).
    const asRoot = process.getuid?.() === 0;
    if (asRoot && spawnSync(process.execPath, ['-e', 'require("fs").accessSync(process.argv[1], 4)', BIN], { uid: 65534 }).status !== 0) {
      console.log('      (skipped: user nobody cannot read this checkout)');
      this.skip();
    }
    const r = checkThenNext(dir, 'locked.call.yaml', asRoot ? { uid: 65534 } : {});
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'callscript: locked.call.yaml: cannot read: permission denied\n');
  });
});

function tempWrite(dir: string, name: string, content: string | Buffer): void {
  writeFileSync(join(dir, name), content);
}
