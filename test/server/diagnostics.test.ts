import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyze, LineIndex, parseConfig, type Config } from '../../server/src/core';
import { generateScript } from '../../bench/generate';
import { script } from '../helpers/script';
import { REPO, TestClient, uriOf } from './client';
import { FIBER, positionOf, scratchUri, workspace, write } from './fixtures';

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** What the server must publish for a text: the core's findings, converted. */
function expected(text: string, config?: Config): unknown[] {
  const lines = new LineIndex(text);
  return analyze(text, { config }).findings.map((f) => ({
    code: f.ruleId,
    severity: SEVERITY[f.severity],
    message: f.message,
    range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
  }));
}

function essentials(diagnostics: Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));
}

const BROKEN_TARGET = script({ steps: '\n  greeting:\n    say: Hello\n    next: clsoe\n  close:\n    say: Bye\n    outcome: resolved\n' });

describe('server: diagnostics', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: {} });
  });
  after(() => client.stop());

  it('publishes each finding with its rule id as code, the source and a link to the rule page', async () => {
    const uri = scratchUri();
    await client.open(uri, BROKEN_TARGET);
    const [d] = (await client.diagnostics(uri, 1)).filter((x) => x.code === 'unknown-target');
    assert.ok(d, 'an unknown-target diagnostic');
    assert.equal(d.source, 'callscript');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range.start, positionOf(BROKEN_TARGET, 'clsoe'));
    assert.equal(d.codeDescription?.href, pathToFileURL(join(REPO, 'docs', 'rules', 'unknown-target.md')).href);
  });

  it('reports exactly what the core (and so the CLI) finds for the same text', async () => {
    const texts = [FIBER, BROKEN_TARGET, generateScript(60), FIBER.replace('next: offer', 'next: ofer').replace('{offer_price}', '{price}'), 'callscript: 1\n', 'a: [1, 2\n', ''];
    for (const text of texts) {
      const uri = scratchUri('same');
      await client.open(uri, text);
      assert.deepEqual(essentials(await client.diagnostics(uri, 1)), expected(text), `for ${JSON.stringify(text.slice(0, 40))}`);
      await client.close(uri);
    }
  });

  it('after edits typed into one step after another, publishes what a full check of the text finds', async () => {
    // The server reads only the edited step again (core/yaml/reparse.ts): its diagnostics must
    // still be those of the whole text, at the right places, as steps before them grow and shrink.
    const uri = scratchUri('typing');
    await client.open(uri, generateScript(80));
    await client.diagnostics(uri, 1);
    const edits: [string, string][] = [
      ['next: s41', 'next: s41x'], // an unknown target in the middle
      ['Question number 12 ', 'Question number 12, asked slowly and with a longer text, '], // earlier text grows
      ['next: s70', 'next: s7O'], // another unknown target further on
      ['Question number 30 for', 'Q30 for'], // earlier text shrinks
      ['Question number 50 for', 'Question "number 50 for'], // a stray quote: the text cannot be read
      ['Question "number 50 for', 'Question number 50, for'], // readable again, one step changed since the last good text
      ['next: s41x', 'next: s41'], // the first one fixed
    ];
    let version = 1;
    for (const [from, to] of edits) {
      const text = client.text(uri);
      const at = new LineIndex(text).positionAt(text.indexOf(from));
      const end = new LineIndex(text).positionAt(text.indexOf(from) + from.length);
      version = await client.edit(uri, { start: at, end }, to);
      assert.deepEqual(essentials(await client.diagnostics(uri, version)), expected(client.text(uri)), `after "${to}"`);
    }
    const unknown = (await client.diagnostics(uri, version)).filter((d) => d.code === 'unknown-target');
    assert.equal(unknown.length, 1, 'one unknown target left');
    assert.match(unknown[0].message, /s7O/);
  });

  it('waits for a pause in typing and never publishes for a version that is no longer current', async () => {
    const uri = scratchUri('typing');
    await client.open(uri, FIBER);
    await client.diagnostics(uri, 1);
    // Eight keystrokes sent at once, as fast as an editor can: one analysis for all of them.
    const at = positionOf(FIBER, 'next: recording', 6);
    const sent = await Promise.all([...'abcdefgh'].map((ch, i) => client.insert(uri, { line: at.line, character: at.character + i }, ch)));
    const version = Math.max(...sent);
    const last = await client.diagnostics(uri, version);
    assert.ok(last.some((d) => d.code === 'unknown-target'), 'the typed target is unknown');
    const versions = client.history.filter((p) => p.uri === uri).map((p) => p.version);
    // Typed faster than the pause: the versions in between are skipped (not one analysis per keystroke).
    assert.equal(versions[0], 1);
    assert.equal(versions[versions.length - 1], version);
    assert.ok(versions.length < version, `published for ${versions.join(', ')}`);
  });

  it('publishes in increasing version order while edits keep coming', async () => {
    const uri = scratchUri('order');
    await client.open(uri, FIBER);
    await client.diagnostics(uri, 1);
    let version = 1;
    for (let i = 0; i < 6; i++) {
      version = await client.replace(uri, FIBER.replace('next: needs', `next: needs${'x'.repeat(i)}`));
      if (i % 2 === 0) await client.diagnostics(uri, version);
    }
    await client.diagnostics(uri, version);
    const versions = client.history.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.equal(new Set(versions).size, versions.length);
  });

  it('goes back to no diagnostics when a script outside the workspace is closed', async () => {
    const uri = scratchUri('closed');
    await client.open(uri, BROKEN_TARGET);
    await client.diagnostics(uri, 1);
    client.forget(uri);
    await client.close(uri);
    assert.deepEqual(await client.diagnostics(uri), []);
  });
});

describe('server: configuration', function () {
  this.timeout(60000);
  const unused = script({ variables: '\n  spare: { type: string }\n' });

  it('uses the nearest configuration file above the script, over the editor settings', async () => {
    const root = workspace({
      'callscript.config.yaml': 'rules:\n  unused-variable: off\n',
      'team/callscript.config.yml': 'rules:\n  unused-variable: error\n',
      'empty/.keep': '',
    });
    const client = await TestClient.start({ settings: { rules: { 'unused-variable': 'hint' } }, root: join(root, 'empty') });
    try {
      const top = uriOf(join(root, 'top.call.yaml'));
      const team = uriOf(join(root, 'team', 'deep', 'team.call.yaml'));
      const outside = scratchUri('outside');
      await client.open(top, unused);
      await client.open(team, unused);
      await client.open(outside, unused);
      const severityOf = async (uri: string): Promise<number[]> => (await client.diagnostics(uri, 1)).filter((d) => d.code === 'unused-variable').map((d) => d.severity ?? 0);
      assert.deepEqual(await severityOf(top), []);
      assert.deepEqual(await severityOf(team), [1]);
      assert.deepEqual(await severityOf(outside), [4], 'no file: the editor settings apply');
      const config = parseConfig('rules:\n  unused-variable: error\n');
      assert.deepEqual(essentials(client.published.get(team)!.diagnostics), expected(unused, config));
    } finally {
      await client.stop();
    }
  });

  it('checks again when a watched configuration file changes', async () => {
    const root = workspace({ 'callscript.config.yaml': 'rules:\n  unused-variable: off\n' });
    const client = await TestClient.start({ settings: {}, root });
    try {
      const uri = uriOf(join(root, 'a.call.yaml'));
      await client.open(uri, unused);
      assert.deepEqual((await client.diagnostics(uri, 1)).filter((d) => d.code === 'unused-variable'), []);
      assert.ok(JSON.stringify(client.registrations).includes('callscript.config.yaml'), 'configuration files are watched');
      writeFileSync(join(root, 'callscript.config.yaml'), 'rules:\n  unused-variable: error\n');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(root, 'callscript.config.yaml')), type: 2 }] });
      const p = await client.waitForPublish(uri, (x) => x.diagnostics.some((d) => d.code === 'unused-variable'));
      assert.equal(p.version, 1);
      assert.equal(p.diagnostics.find((d) => d.code === 'unused-variable')?.severity, 1);
    } finally {
      await client.stop();
    }
  });

  it('reads rule settings with workspace/configuration and again after didChangeConfiguration', async () => {
    const client = await TestClient.start({ settings: { rules: { 'unused-variable': 'off' } } });
    try {
      const uri = scratchUri('settings');
      await client.open(uri, unused);
      assert.deepEqual((await client.diagnostics(uri, 1)).filter((d) => d.code === 'unused-variable'), []);
      assert.ok(client.configurationRequests > 0);
      client.settings = { rules: { 'unused-variable': { severity: 'info' } } };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const p = await client.waitForPublish(uri, (x) => x.diagnostics.some((d) => d.code === 'unused-variable'));
      assert.equal(p.diagnostics.find((d) => d.code === 'unused-variable')?.severity, 3);
    } finally {
      await client.stop();
    }
  });

  it('takes settings from initializationOptions when the client cannot be asked', async () => {
    const client = await TestClient.start({ configuration: false, initializationOptions: { settings: { rules: { 'unused-variable': 'error' }, speakingRate: 100 } } });
    try {
      const uri = scratchUri('init');
      await client.open(uri, unused);
      assert.deepEqual((await client.diagnostics(uri, 1)).filter((d) => d.code === 'unused-variable').map((d) => d.severity), [1]);
      assert.equal(client.configurationRequests, 0);
    } finally {
      await client.stop();
    }
  });

  it('works with a client that offers neither configuration nor initializationOptions', async () => {
    const client = await TestClient.start({ configuration: false, watch: false });
    try {
      const uri = scratchUri('bare');
      await client.open(uri, unused);
      assert.deepEqual(essentials(await client.diagnostics(uri, 1)), expected(unused));
    } finally {
      await client.stop();
    }
  });

  it('ignores a bad rule setting with a warning instead of failing', async () => {
    const client = await TestClient.start({ settings: { rules: { 'no-such-rule': 'off' }, speakingRate: 'fast' } });
    try {
      const uri = scratchUri('bad-settings');
      await client.open(uri, unused);
      assert.deepEqual(essentials(await client.diagnostics(uri, 1)), expected(unused));
      assert.ok(client.logs.some((l) => l.includes('no-such-rule')), client.logs.join('\n'));
    } finally {
      await client.stop();
    }
  });

  it('links rule pages under initializationOptions.docsBaseUri when given', async () => {
    const client = await TestClient.start({ initializationOptions: { docsBaseUri: 'https://example.org/callscript/rules' } });
    try {
      const uri = scratchUri('docs');
      await client.open(uri, BROKEN_TARGET);
      const d = (await client.diagnostics(uri, 1)).find((x) => x.code === 'unknown-target');
      assert.equal(d?.codeDescription?.href, 'https://example.org/callscript/rules/unknown-target.md');
    } finally {
      await client.stop();
    }
  });
});

describe('server: the same findings as the CLI', function () {
  this.timeout(60000);

  it('publishes for each workspace script what `callscript check` reports, with the same configuration', async () => {
    const scripts: Record<string, string> = {
      'a.call.yaml': FIBER.replace('next: offer', 'next: ofer').replace('  satisfaction: { type: string }\n', '  satisfaction: { type: string }\n  spare: { type: string }\n'),
      'team/b.call.yaml': BROKEN_TARGET,
      'team/c.call.yml': 'callscript: 1\nid: Bad Id\nsteps: [1]\n',
      'd.call.yaml': 'a: [1, 2\n',
      'e.call.yaml': generateScript(40),
    };
    const root = workspace({ ...scripts, 'callscript.config.yaml': 'speaking-rate: 120\nrules:\n  unused-variable: error\n  long-utterance: { severity: hint, max-words: 8 }\n', 'team/callscript.config.yaml': 'rules:\n  dead-end: off\n' });
    // Editor settings that the configuration files override.
    const client = await TestClient.start({ settings: { rules: { 'unused-variable': 'off', 'dead-end': 'error' } }, root });
    try {
      const cli = spawnSync(process.execPath, [join(REPO, 'server', 'bin', 'callscript.js'), 'check', root, '--format', 'json'], { encoding: 'utf8', cwd: root });
      const report = JSON.parse(cli.stdout) as { files: { path: string; findings: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[] };
      assert.equal(report.files.length, Object.keys(scripts).length);
      for (const file of report.files) {
        const uri = uriOf(join(root, file.path));
        const published = await client.diagnostics(uri);
        const fromCli = file.findings.map((f) => ({ code: f.ruleId, severity: SEVERITY[f.severity as keyof typeof SEVERITY], message: f.message, range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } } }));
        assert.deepEqual(essentials(published), fromCli, file.path);
      }
      assert.ok(report.files.some((f) => f.findings.some((x) => x.ruleId === 'unused-variable' && x.severity === 'error')), 'the configuration file applied');
    } finally {
      await client.stop();
    }
  });
});

describe('server: workspace scripts', function () {
  this.timeout(60000);

  it('checks every script of the workspace on start-up, and open documents take over from disk', async () => {
    const root = workspace({
      'a.call.yaml': BROKEN_TARGET,
      'nested/b.call.yml': FIBER,
      'node_modules/pkg/c.call.yaml': BROKEN_TARGET,
      '.git/d.call.yaml': BROKEN_TARGET,
      'notes.yaml': 'not: a script\n',
    });
    const client = await TestClient.start({ settings: {}, root });
    try {
      const a = uriOf(join(root, 'a.call.yaml'));
      const b = uriOf(join(root, 'nested', 'b.call.yml'));
      assert.ok((await client.diagnostics(a)).some((d) => d.code === 'unknown-target'));
      assert.deepEqual(await client.diagnostics(b), []);
      await client.open(a, FIBER);
      assert.deepEqual(await client.diagnostics(a, 1), []);
      client.forget(a);
      await client.close(a);
      const back = await client.waitForPublish(a, (p) => p.version === undefined || p.version === null);
      assert.ok(back.diagnostics.some((d) => d.code === 'unknown-target'), 'closed: the file on disk counts again');
      const uris = new Set(client.history.map((p) => p.uri));
      assert.ok(![...uris].some((u) => u.includes('node_modules') || u.includes('.git') || u.includes('notes.yaml')), [...uris].join(', '));
    } finally {
      await client.stop();
    }
  });

  it('checks a script again when it changes on disk', async () => {
    const root = workspace({ 'a.call.yaml': FIBER });
    const client = await TestClient.start({ settings: {}, root });
    try {
      const uri = uriOf(join(root, 'a.call.yaml'));
      assert.deepEqual(await client.diagnostics(uri), []);
      write(root, 'a.call.yaml', BROKEN_TARGET);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await client.waitForPublish(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-target'));
    } finally {
      await client.stop();
    }
  });
});
