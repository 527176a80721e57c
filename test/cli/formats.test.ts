import { strict as assert } from 'assert';
import Ajv from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { Log, Result } from 'sarif';
import { ALL_RULES } from '../../server/src/core';
import { BROKEN, cleanup, runCli, tempDir, VALID, WARNS } from './helpers';

const SARIF_SCHEMA = resolve(__dirname, '../../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** A script whose message quotes awkward characters: `%`, `:` `,` and markup in a step id. */
const AWKWARD = VALID.replace('    outcome: done\n', '    next: "a<b>&\'c\\"%:,"\n');

let compiled: ReturnType<Ajv['compile']> | undefined;

/** The SARIF 2.1.0 schema (draft-04), compiled once; its patterns are not Unicode-mode regexps. */
function sarifValidator(): ReturnType<Ajv['compile']> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
  const isUri = (base?: string) => (s: string) => {
    try {
      new URL(s, base);
      return true;
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', isUri());
  ajv.addFormat('uri-reference', isUri('file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return (compiled = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8'))));
}

describe('cli: report formats', () => {
  let dir: string;
  before(() => {
    dir = tempDir({ 'scripts/ok.call.yaml': VALID, 'scripts/broken.call.yaml': BROKEN, 'scripts/warns.call.yaml': WARNS, 'odd name/ä %.call.yaml': AWKWARD, 'odd name/x,y:z.call.yaml': BROKEN });
  });
  after(() => cleanup(dir));

  describe('stylish', () => {
    it('groups findings per file with file:line:col, severity, message and rule id, then a summary', () => {
      const r = runCli(['check', 'scripts'], dir);
      assert.equal(r.status, 1);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], 'scripts/broken.call.yaml');
      assert.match(lines[1], /^ {2}scripts\/broken\.call\.yaml:13:11 +error +No step "clse".* unknown-target$/);
      assert.match(lines[2], /^ {2}scripts\/broken\.call\.yaml:15:3 +info +.* unused-outcome$/);
      assert.equal(lines[3], '');
      assert.equal(lines[4], 'scripts/warns.call.yaml');
      assert.match(lines[5], /^ {2}scripts\/warns\.call\.yaml:10:3 +warning +.* unused-variable$/);
      assert.equal(lines.at(-2), '✖ 3 problems (1 error, 1 warning, 1 info) in 2 files');
      assert.ok(!r.stdout.includes('\x1b['), 'no colour when stdout is not a terminal');
    });

    it('summarises a clean run', () => {
      const r = runCli(['check', 'scripts/ok.call.yaml', 'scripts/ok.call.yaml'], dir);
      assert.equal(r.stdout, '✔ 1 file checked, no problems\n');
    });

    it('colours when forced, and never with --no-color or -o', () => {
      assert.ok(runCli(['check', 'scripts/broken.call.yaml'], dir, { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b[31m'));
      assert.ok(!runCli(['check', 'scripts/broken.call.yaml', '--no-color'], dir, { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b['));
      const r = runCli(['check', 'scripts/broken.call.yaml', '-o', 'out/report.txt'], dir, { env: { FORCE_COLOR: '1' } });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      const written = readFileSync(join(dir, 'out/report.txt'), 'utf8');
      assert.match(written, /broken\.call\.yaml:13:11/);
      assert.ok(!written.includes('\x1b['));
    });
  });

  describe('json', () => {
    it('lists every file with 1-based positions and a summary', () => {
      const r = runCli(['check', 'scripts', '--format', 'json'], dir);
      assert.equal(r.status, 1);
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.schemaVersion, 1);
      assert.equal(doc.tool.name, 'callscript');
      assert.deepEqual(doc.files.map((f: { path: string }) => f.path), ['scripts/broken.call.yaml', 'scripts/ok.call.yaml', 'scripts/warns.call.yaml']);
      assert.deepEqual(doc.files[0].findings[0], { ruleId: 'unknown-target', severity: 'error', message: doc.files[0].findings[0].message, line: 13, column: 11, endLine: 13, endColumn: 15 });
      assert.match(doc.files[0].findings[0].message, /"clse"/);
      assert.deepEqual(doc.files[1].findings, []);
      assert.deepEqual(doc.summary, { files: 3, errors: 1, warnings: 1, infos: 1, hints: 0 });
    });
  });

  describe('sarif', () => {
    it('is valid SARIF 2.1.0 with rules and located results', () => {
      const r = runCli(['check', 'scripts', 'odd name', '--format', 'sarif', '-o', 'callscript.sarif'], dir);
      assert.equal(r.status, 1);
      const log = JSON.parse(readFileSync(join(dir, 'callscript.sarif'), 'utf8')) as Log;
      assert.ok(sarifValidator()(log), JSON.stringify(sarifValidator().errors, null, 2));
      assert.equal(sarifValidator()({ version: '2.1.0', runs: [{ results: [] }] }), false, 'the validator rejects a run without a tool');

      assert.equal(log.version, '2.1.0');
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'callscript');
      const rules = run.tool.driver.rules!;
      assert.deepEqual(rules.map((x) => x.id), ALL_RULES.map((x) => x.id));
      const rule = rules.find((x) => x.id === 'unused-outcome')!;
      assert.equal(rule.defaultConfiguration?.level, 'note');
      assert.match(rule.help!.text, /docs\/rules\/unused-outcome\.md/);
      assert.equal(rule.helpUri, undefined);

      const results = run.results!;
      const uri = (x: Result): string | undefined => x.locations?.[0].physicalLocation?.artifactLocation?.uri;
      const result = results.find((x) => x.ruleId === 'unknown-target' && uri(x) === 'scripts/broken.call.yaml')!;
      assert.equal(result.level, 'error');
      assert.equal(rules[result.ruleIndex!].id, 'unknown-target');
      assert.match(result.message.text!, /"clse"/);
      assert.equal(result.locations![0].physicalLocation!.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.deepEqual(result.locations![0].physicalLocation!.region, { startLine: 13, startColumn: 11, endLine: 13, endColumn: 15 });
      const uris = new Set(results.map(uri));
      assert.ok(uris.has('odd%20name/%C3%A4%20%25.call.yaml'), [...uris].join(' '));
      assert.ok(results.some((x) => x.ruleId === 'unused-outcome' && x.level === 'note'));
    });
  });

  describe('junit', () => {
    it('is well-formed XML with a testsuite per file and a failing testcase per finding', () => {
      const r = runCli(['check', 'scripts', 'odd name', '--format', 'junit'], dir);
      assert.equal(r.status, 1);
      assert.equal(XMLValidator.validate(r.stdout), true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.stdout);
      const suites = doc.testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { name: string; failure?: { type: string; message: string } }[] }[];
      assert.deepEqual(suites.map((s) => s.name), ['scripts/broken.call.yaml', 'scripts/ok.call.yaml', 'scripts/warns.call.yaml', 'odd name/x,y:z.call.yaml', 'odd name/ä %.call.yaml']);
      const broken = suites[0];
      assert.equal(broken.failures, '2');
      assert.equal(broken.testcase[0].name, 'unknown-target at 13:11');
      assert.equal(broken.testcase[0].failure?.type, 'error');
      assert.match(broken.testcase[0].failure!.message, /"clse"/);
      const ok = suites[1];
      assert.equal(ok.tests, '1');
      assert.equal(ok.failures, '0');
      assert.equal(ok.testcase[0].failure, undefined);
      const awkward = suites[4].testcase.find((t) => t.name.startsWith('unknown-target'));
      assert.ok(awkward?.failure?.message.includes(`a<b>&'c"%:,`), awkward?.failure?.message);
      assert.equal(doc.testsuites.failures, String(suites.reduce((n, s) => n + Number(s.failures), 0)));
    });
  });

  describe('github', () => {
    it('prints one workflow command per finding with escaped properties and data', () => {
      const r = runCli(['check', 'scripts', 'odd name', '--format', 'github'], dir);
      assert.equal(r.status, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.ok(lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/.test(l)), r.stdout);
      assert.ok(lines.some((l) => /^::error file=scripts\/broken\.call\.yaml,line=13,col=11,endLine=13,endColumn=15,title=unknown-target::No step "clse"/.test(l)));
      assert.ok(lines.some((l) => l.startsWith('::warning file=scripts/warns.call.yaml,line=10,col=3,')));
      assert.ok(lines.some((l) => l.startsWith('::notice file=scripts/broken.call.yaml,line=15,col=3,') && l.includes('title=unused-outcome::')));
      assert.ok(lines.includes(`::error file=odd name/ä %25.call.yaml,line=13,col=11,endLine=13,endColumn=25,title=unknown-target::No step "a<b>&'c"%25:," is declared (next of "greet").`), r.stdout);
      assert.ok(lines.some((l) => l.startsWith('::error file=odd name/x%2Cy%3Az.call.yaml,line=13,col=11,')), r.stdout);
    });

    it('prints nothing for a clean run', () => {
      const r = runCli(['check', 'scripts/ok.call.yaml', '--format', 'github'], dir);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '');
    });
  });
});
