import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { cleanup, tempDir, VALID } from '../cli/helpers';
import { HOSTILE } from './helpers';

const RUNNER = resolve(__dirname, 'graphCli.js');

function graph(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [RUNNER, 'graph', ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: callscript graph', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = tempDir({
      'ok.call.yaml': VALID,
      'broken.call.yaml': VALID.replace('    outcome: done\n', '    next: clse\n'),
      'hostile.call.yaml': VALID.replace('"Hello, how can I help?"', JSON.stringify(HOSTILE)),
      'notyaml.call.yaml': 'steps: [unclosed\n',
      'notscript.call.yaml': 'name: x\n',
    });
  });
  after(() => cleanup(dir));

  it('writes SVG to stdout by default and exits 0', () => {
    const r = graph(['ok.call.yaml'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal(XMLValidator.validate(r.stdout), true);
  });

  it('picks the format from the -o extension, or --format', () => {
    for (const [file, pattern] of [
      ['out/flow.svg', /^<svg /],
      ['out/flow.dot', /^digraph "tiny" \{/],
      ['out/flow.gv', /^digraph /],
      ['out/flow.mmd', /^flowchart TD\n/],
      ['out/flow.json', /^\{\n {2}"format": "callscript-graph"/],
      ['out/flow.txt', /^<svg /],
    ] as const) {
      const r = graph(['ok.call.yaml', '-o', file], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(readFileSync(join(dir, file), 'utf8'), pattern, file);
    }
    assert.match(graph(['ok.call.yaml', '--format', 'mermaid'], dir).stdout, /^flowchart TD/);
    assert.match(graph(['ok.call.yaml', '--format', 'dot', '-o', 'out/x.svg'], dir).stdout, /^$/);
    assert.match(readFileSync(join(dir, 'out/x.svg'), 'utf8'), /^digraph /, '--format wins over the extension');
  });

  it('still draws a script with errors, prints its findings to stderr and exits 1', () => {
    const r = graph(['broken.call.yaml', '--format', 'json'], dir);
    assert.equal(r.status, 1);
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.some((l) => /^broken\.call\.yaml:13:11 error .*"clse".* \[unknown-target\]$/.test(l)), r.stderr);
    for (const l of lines) assert.match(l, /^broken\.call\.yaml:\d+:\d+ (error|warning|info|hint) .+ \[[a-z-]+\]$/);
    const drawn = JSON.parse(r.stdout);
    assert.ok(drawn.nodes.some((n: { id: string; missing?: boolean }) => n.id === 'missing:greet/clse' && n.missing));
  });

  it('exits 2 when there is nothing to draw', () => {
    const yaml = graph(['notyaml.call.yaml'], dir);
    assert.equal(yaml.status, 2);
    assert.equal(yaml.stdout, '');
    assert.match(yaml.stderr, /^notyaml\.call\.yaml:\d+:\d+ error .* \[yaml-syntax\]\ncallscript: notyaml\.call\.yaml: nothing to draw: the file does not parse as YAML\n$/);
    const other = graph(['notscript.call.yaml'], dir);
    assert.equal(other.status, 2);
    assert.match(other.stderr, /callscript: notscript\.call\.yaml: nothing to draw: this is not a call script\n$/);
  });

  it('exits 2 on unreadable input and usage errors', () => {
    assert.deepEqual(graph(['nope.call.yaml'], dir), { status: 2, stdout: '', stderr: 'callscript: nope.call.yaml: cannot read: no such file or directory\n' });
    assert.equal(graph(['.'], dir).status, 2);
    const format = graph(['ok.call.yaml', '--format', 'png'], dir);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /argument 'png' is invalid\. Allowed choices are svg, dot, mermaid, json/);
    assert.equal(graph([], dir).status, 2);
  });

  it('draws the same bytes in two separate runs', () => {
    assert.equal(graph(['broken.call.yaml', '--format', 'json'], dir).stdout, graph(['broken.call.yaml', '--format', 'json'], dir).stdout);
  });

  it('keeps hostile text inert in every format', () => {
    const svg = graph(['hostile.call.yaml'], dir).stdout;
    assert.equal(XMLValidator.validate(svg), true);
    assert.ok(!/<script/i.test(svg));
    assert.ok(!/<script/i.test(graph(['hostile.call.yaml', '--format', 'mermaid'], dir).stdout));
    assert.ok(!/[<>]script/i.test(graph(['hostile.call.yaml', '--format', 'json'], dir).stdout));
    const dot = graph(['hostile.call.yaml', '--format', 'dot'], dir).stdout;
    assert.ok(dot.includes('\\"'), 'quotes escaped in DOT');
  });
});
